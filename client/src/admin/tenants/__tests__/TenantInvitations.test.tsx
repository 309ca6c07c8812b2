import '../../test/jsdom-polyfills';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TenantRecord } from '../../providers/tenants.provider';
import { RESOURCES } from '../../resource-names';
import { renderAdminPage, SUPERADMIN_PERMISSIONS, SUPPORT_PERMISSIONS } from '../../test/render-admin';
import { TenantInvitations } from '../TenantInvitations';

/** A tenant's invitations on its page: listed for any staff; resent or revoked only with platform:member:manage, while still open. */

const initech: TenantRecord = { id: 'VGVuYW50OmluaXRlY2g', slug: 'initech', name: 'Initech', requireTwoFactor: false, createdAt: 'c', updatedAt: 'u' };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const invitation = (email: string, status: string, overrides: Record<string, unknown> = {}) => ({
  __typename: 'Invitation',
  id: `I-${email}`,
  email,
  status,
  expiresAt: inDays(7),
  acceptedAt: null,
  createdAt: inDays(0),
  role: { __typename: 'Role', id: 'R-owner', name: 'owner' },
  invitedBy: { __typename: 'User', id: 'U-sam', name: 'Sam Staff', email: 'staff@atrium.test' },
  ...overrides,
});

function renderInvitations(permissions: readonly string[], nodes: () => unknown[], handlers: Parameters<typeof renderAdminPage>[1]['handlers'] = {}) {
  return renderAdminPage(<TenantInvitations tenant={initech} />, {
    resource: RESOURCES.tenants,
    permissions,
    handlers: { AdminTenantInvitations: () => ({ data: { invitations: { __typename: 'InvitationConnection', totalCount: nodes().length, nodes: nodes() } } }), ...handlers },
  });
}

const rowOf = async (email: string) => (await screen.findByText(email)).closest('tr') as HTMLElement;

beforeEach(() => localStorage.clear());

describe('a tenant’s invitations', () => {
  it('lists them with role, status, inviter and expiry, and offers nothing to change without platform:member:manage', async () => {
    const { server } = renderInvitations(SUPPORT_PERMISSIONS, () => [invitation('bill@initech.test', 'PENDING'), invitation('old@initech.test', 'ACCEPTED', { acceptedAt: inDays(-2) })]);
    const pending = await rowOf('bill@initech.test');
    expect(pending).toHaveTextContent(/Invited by Sam Staff.*Owner.*Pending.*Expires in 7 days/);
    expect(await rowOf('old@initech.test')).toHaveTextContent(/Accepted.*Accepted 2 days ago/);
    expect(server.callsOf('AdminTenantInvitations')[0]?.variables).toEqual({ tenantId: initech.id, first: 100, offset: 0 });
    expect(screen.queryByRole('button', { name: /Resend|Revoke/ })).toBeNull();
  });

  it('says so when there are none', async () => {
    renderInvitations(SUPERADMIN_PERMISSIONS, () => []);
    await screen.findByText('No invitations yet.');
  });

  it('offers resend and revoke on open invitations only; revoking asks first and the list is read again', async () => {
    let status = 'PENDING';
    const { server } = renderInvitations(SUPERADMIN_PERMISSIONS, () => [invitation('bill@initech.test', status), invitation('gone@initech.test', 'EXPIRED'), invitation('old@initech.test', 'REVOKED')], {
      AdminResendInvitation: (v) => ({ data: { resendInvitation: invitation('bill@initech.test', 'PENDING', { id: v.id }) } }),
      AdminRevokeInvitation: (v) => {
        status = 'REVOKED';
        return { data: { revokeInvitation: invitation('bill@initech.test', 'REVOKED', { id: v.id }) } };
      },
    });
    const bill = await rowOf('bill@initech.test');
    expect(within(await rowOf('gone@initech.test')).getByRole('button', { name: 'Resend the invitation to gone@initech.test' })).toBeInTheDocument();
    expect(within(await rowOf('old@initech.test')).queryAllByRole('button')).toHaveLength(0);

    await userEvent.click(within(bill).getByRole('button', { name: 'Resend the invitation to bill@initech.test' }));
    await screen.findByText('Invitation mailed again to bill@initech.test');
    expect(server.callsOf('AdminResendInvitation').map((c) => c.variables)).toEqual([{ id: 'I-bill@initech.test' }]);

    await userEvent.click(within(bill).getByRole('button', { name: 'Revoke the invitation to bill@initech.test' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Revoke the invitation to bill@initech.test?');
    expect(server.callsOf('AdminRevokeInvitation')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke invitation' }));
    await screen.findByText('Invitation to bill@initech.test revoked.');
    expect(server.callsOf('AdminRevokeInvitation').map((c) => c.variables)).toEqual([{ id: 'I-bill@initech.test' }]);
    await within(await rowOf('bill@initech.test')).findByText('Revoked');
  });
});
