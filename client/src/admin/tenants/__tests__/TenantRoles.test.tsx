import '../../test/jsdom-polyfills';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gqlError } from '../../../test/fake-graphql';
import { RESOURCES } from '../../resource-names';
import { renderAdminPage, SUPERADMIN_PERMISSIONS, SUPPORT_PERMISSIONS } from '../../test/render-admin';
import { TenantRoles } from '../TenantRoles';

/** A tenant's roles on its page: read by any staff; custom roles made, changed and deleted with platform:role:manage. */

const initech = { id: 'VGVuYW50OmluaXRlY2g', name: 'Initech' };
const role = (name: string, permissions: string[], system = false, description: string | null = null) => ({ __typename: 'Role', id: `R-${name}`, name, description, system, permissions });
const CATALOG = ['ticket:read', 'ticket:write', 'ticket:comment', 'member:read', 'audit:read'];

function renderRoles(permissions: readonly string[], roles: () => unknown[], handlers: Parameters<typeof renderAdminPage>[1]['handlers'] = {}) {
  return renderAdminPage(<TenantRoles tenant={initech} />, {
    resource: RESOURCES.tenants,
    permissions,
    handlers: {
      AdminTenantRoles: () => ({ data: { roles: { __typename: 'RoleConnection', totalCount: roles().length, nodes: roles() } } }),
      AdminTenantPermissions: () => ({ data: { tenantPermissions: CATALOG } }),
      ...handlers,
    },
  });
}

beforeEach(() => localStorage.clear());

describe('a tenant’s roles', () => {
  it('lists system roles first, each role’s permissions by area, and offers no change without platform:role:manage', async () => {
    const { server } = renderRoles(SUPPORT_PERMISSIONS, () => [role('billing', ['ticket:read', 'audit:read'], false, 'Reads invoices'), role('viewer', ['ticket:read', 'member:read'], true)]);
    const list = await screen.findByRole('list', { name: 'Roles of Initech' });
    const items = within(list).getAllByRole('listitem', { name: /^Role / });
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Role viewer', 'Role billing']);
    expect(items[1]).toHaveTextContent(/billing.*Custom.*Reads invoices.*Audit trail: read.*Tickets: read/);
    expect(screen.queryByRole('button', { name: /New role|Edit|Delete/ })).toBeNull();
    expect(server.callsOf('AdminTenantPermissions')).toHaveLength(0);
  });

  it('creates a role from the picker: the name is checked first, and the list is read again', async () => {
    let roles = [role('viewer', ['ticket:read'], true)];
    const { server } = renderRoles(SUPERADMIN_PERMISSIONS, () => roles, {
      AdminCreateRole: (v) => {
        const input = v.input as { name: string; permissions: string[]; description: string | null };
        roles = [...roles, role(input.name, input.permissions, false, input.description)];
        return { data: { createRole: role(input.name, input.permissions, false, input.description) } };
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New role' }));
    const dialog = await screen.findByRole('dialog', { name: 'New role' });
    const create = within(dialog).getByRole('button', { name: 'Create role' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Billing Team');
    expect(within(dialog).getByText(/Lowercase letters, digits and "-"/)).toBeInTheDocument();
    expect(create).toBeDisabled();
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'Name' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'billing');
    // No permission yet: still refused here.
    expect(create).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'All of Tickets' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Answers billing questions');
    await userEvent.click(create);
    await screen.findByText('Role billing created.');
    expect(server.callsOf('AdminCreateRole').map((c) => c.variables)).toEqual([
      { input: { tenantId: initech.id, name: 'billing', description: 'Answers billing questions', permissions: ['ticket:read', 'ticket:write', 'ticket:comment'] } },
    ]);
    await screen.findByRole('listitem', { name: 'Role billing' });
  });

  it('edits a custom role only, and shows the server’s refusal to delete a role members hold', async () => {
    const { server } = renderRoles(SUPERADMIN_PERMISSIONS, () => [role('viewer', ['ticket:read'], true), role('billing', ['ticket:read'])], {
      AdminUpdateRole: (v) => ({ data: { updateRole: role('billing', (v.input as { permissions: string[] }).permissions) } }),
      AdminDeleteRole: () => gqlError('CONFLICT', 'Members still hold this role; give them another role first.', { reason: 'ROLE_IN_USE' }),
    });
    const billing = await screen.findByRole('listitem', { name: 'Role billing' });
    expect(within(await screen.findByRole('listitem', { name: 'Role viewer' })).queryByRole('button')).toBeNull();

    await userEvent.click(within(billing).getByRole('button', { name: 'Edit the role billing' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the role billing' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /audit:read/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save role' }));
    await screen.findByText('Role billing saved.');
    expect(server.callsOf('AdminUpdateRole').map((c) => c.variables)).toEqual([{ input: { id: 'R-billing', description: null, permissions: ['ticket:read', 'audit:read'] } }]);

    await userEvent.click(within(billing).getByRole('button', { name: 'Delete the role billing' }));
    const confirm = await screen.findByRole('dialog');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete role' }));
    await screen.findByText('Members still hold this role; give them another role first.');
    expect(await screen.findByRole('listitem', { name: 'Role billing' })).toBeInTheDocument();
  });
});
