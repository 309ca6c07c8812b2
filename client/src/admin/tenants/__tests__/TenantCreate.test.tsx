import '../../test/jsdom-polyfills';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gqlError } from '../../../test/fake-graphql';
import { slugFromName, validateNewTenant } from '../../providers/tenants.provider';
import { RESOURCES } from '../../resource-names';
import { renderAdminPage, SUPERADMIN_PERMISSIONS, SUPPORT_PERMISSIONS } from '../../test/render-admin';
import { TenantCreate } from '../TenantCreate';
import { TenantList } from '../TenantList';

/** The create-tenant form: what it checks before sending, what it sends, and where the server's refusals show. */

const created = (input: { name: string; slug: string; ownerEmail: string }) => ({
  data: {
    createTenant: {
      __typename: 'CreateTenantPayload',
      tenant: { __typename: 'Tenant', id: 'VGVuYW50Om5ldw', slug: input.slug, name: input.name, requireTwoFactor: false, createdAt: 'c', updatedAt: 'u' },
      invitation: {
        __typename: 'Invitation',
        id: 'SW52aXRhdGlvbjox',
        email: input.ownerEmail.toLowerCase(),
        status: 'PENDING',
        expiresAt: '2026-09-10T09:00:00.000Z',
        acceptedAt: null,
        createdAt: '2026-09-03T09:00:00.000Z',
        role: { __typename: 'Role', id: 'Um9sZTpvd25lcg', name: 'owner' },
        invitedBy: { __typename: 'User', id: 'VXNlcjpzdGFmZg', name: 'Sam Staff', email: 'staff@atrium.test' },
      },
    },
  },
});

function renderCreate(handlers: Parameters<typeof renderAdminPage>[1]['handlers'] = {}) {
  return renderAdminPage(<TenantCreate />, { resource: RESOURCES.tenants, permissions: SUPERADMIN_PERMISSIONS, handlers });
}

beforeEach(() => localStorage.clear());
afterEach(() => jest.restoreAllMocks());

/** react-admin logs every rejected data provider call in development; expected here. */
const quietDataProviderErrors = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

describe('the create-tenant rules', () => {
  it('suggests a slug from the name: lowercase ASCII words joined by "-", at most 63 characters', () => {
    expect(slugFromName('Café Zürich GmbH')).toBe('cafe-zurich-gmbh');
    expect(slugFromName('  --Initech & Co. 2026!  ')).toBe('initech-co-2026');
    expect(slugFromName('')).toBe('');
    expect(slugFromName('a'.repeat(70))).toHaveLength(63);
    expect(slugFromName(`${'a'.repeat(62)} b`)).toBe('a'.repeat(62));
  });

  it('names every field that would be refused, with the API’s own rules', () => {
    expect(validateNewTenant({})).toEqual({ name: expect.any(String), slug: expect.any(String), ownerEmail: expect.any(String) });
    expect(validateNewTenant({ name: 'Initech', slug: 'Initech', ownerEmail: 'bill@initech' })).toEqual({
      slug: 'Use 2–63 lowercase letters, digits and "-", starting with a letter or digit.',
      ownerEmail: 'Enter a valid email address.',
    });
    expect(validateNewTenant({ name: 'Initech', slug: '-initech', ownerEmail: 'bill@initech.test' })).toHaveProperty('slug');
    expect(validateNewTenant({ name: 'Initech', slug: 'i', ownerEmail: 'bill@initech.test' })).toHaveProperty('slug');
    expect(validateNewTenant({ name: 'Initech', slug: 'a'.repeat(64), ownerEmail: 'bill@initech.test' })).toHaveProperty('slug');
    expect(validateNewTenant({ name: ' Initech ', slug: 'initech-2', ownerEmail: ' bill@initech.test ', ownerName: '' })).toEqual({});
  });
});

describe('the create-tenant form', () => {
  it('fills the slug in from the name until staff type their own', async () => {
    renderCreate();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Name' }), 'Initech Ltd');
    expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveValue('initech-ltd');
    // Their own slug stays, whatever the name becomes; capitals become lowercase.
    await userEvent.clear(screen.getByRole('textbox', { name: 'Slug' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Slug' }), 'INI');
    expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveValue('ini');
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), ' UK');
    expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveValue('ini');
    // Emptied, it follows the name again.
    await userEvent.clear(screen.getByRole('textbox', { name: 'Slug' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'X');
    expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveValue('initech-ltd-ukx');
  });

  it('says what is wrong next to each field and sends nothing', async () => {
    const { server } = renderCreate();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Name' }), 'Initech');
    await userEvent.clear(screen.getByRole('textbox', { name: 'Slug' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Slug' }), 'initech!');
    await userEvent.type(screen.getByRole('textbox', { name: 'Owner email' }), 'bill@');
    await userEvent.click(screen.getByRole('button', { name: 'Create tenant' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveAccessibleDescription('Use 2–63 lowercase letters, digits and "-", starting with a letter or digit.'));
    expect(screen.getByRole('textbox', { name: 'Owner email' })).toHaveAccessibleDescription('Enter a valid email address.');
    expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveAttribute('aria-invalid', 'true');
    expect(server.callsOf('AdminCreateTenant')).toHaveLength(0);
  });

  it('creates the tenant and says where the owner’s invitation was mailed', async () => {
    const { server } = renderCreate({ AdminCreateTenant: (v) => created(v.input as { name: string; slug: string; ownerEmail: string }) });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Name' }), ' Initech ');
    await userEvent.type(screen.getByRole('textbox', { name: 'Owner email' }), 'Bill@Initech.test');
    await userEvent.click(screen.getByRole('button', { name: 'Create tenant' }));
    await screen.findByText('Invitation mailed to bill@initech.test');
    expect(server.callsOf('AdminCreateTenant').map((c) => c.variables)).toEqual([{ input: { name: 'Initech', slug: 'initech', ownerEmail: 'Bill@Initech.test', ownerName: null } }]);
  });

  it('shows a taken slug (CONFLICT) next to the slug, and the server’s field errors next to their fields', async () => {
    quietDataProviderErrors();
    let answer = 0;
    const { server } = renderCreate({
      AdminCreateTenant: () => {
        answer += 1;
        return answer === 1
          ? gqlError('CONFLICT', 'The slug "acme" is taken.', { reason: 'DUPLICATE', fields: [{ field: 'slug', message: 'The slug "acme" is taken.' }] })
          : gqlError('BAD_USER_INPUT', 'Invalid input: Enter a valid email address.', { fields: [{ field: 'input.ownerEmail', message: 'Enter a valid email address.' }] });
      },
    });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Name' }), 'Acme');
    await userEvent.type(screen.getByRole('textbox', { name: 'Owner email' }), 'olivia@acme.test');
    await userEvent.type(screen.getByRole('textbox', { name: 'Owner name' }), 'Olivia');
    await userEvent.click(screen.getByRole('button', { name: 'Create tenant' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveAccessibleDescription('The slug "acme" is taken.'));
    // The notification says it too.
    expect(await screen.findAllByText('The slug "acme" is taken.')).toHaveLength(2);
    expect(server.callsOf('AdminCreateTenant')[0]?.variables).toEqual({ input: { name: 'Acme', slug: 'acme', ownerEmail: 'olivia@acme.test', ownerName: 'Olivia' } });

    await userEvent.clear(screen.getByRole('textbox', { name: 'Slug' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Slug' }), 'acme-2');
    await userEvent.click(screen.getByRole('button', { name: 'Create tenant' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Owner email' })).toHaveAccessibleDescription('Enter a valid email address.'));
    expect(server.callsOf('AdminCreateTenant')).toHaveLength(2);
  });
});

describe('who is offered creating a tenant', () => {
  const tenants = () => ({
    data: { tenants: { __typename: 'TenantConnection', totalCount: 1, nodes: [{ __typename: 'Tenant', id: 'VGVuYW50OmFjbWU', slug: 'acme', name: 'Acme Corporation', requireTwoFactor: false, createdAt: 'c', updatedAt: 'u' }] } },
  });

  it('offers it to platform:tenant:manage', async () => {
    renderAdminPage(<TenantList />, { resource: RESOURCES.tenants, permissions: SUPERADMIN_PERMISSIONS, handlers: { AdminTenants: tenants } });
    await screen.findByText('Acme Corporation');
    expect(await screen.findByRole('link', { name: 'Create tenant' })).toBeInTheDocument();
  });

  it('does not offer it to support', async () => {
    renderAdminPage(<TenantList />, { resource: RESOURCES.tenants, permissions: SUPPORT_PERMISSIONS, handlers: { AdminTenants: tenants } });
    await screen.findByText('Acme Corporation');
    expect(screen.queryByRole('link', { name: 'Create tenant' })).toBeNull();
  });
});
