import { screen, within } from '@testing-library/react';
import { fakeMe, gqlError } from '../../test/fake-graphql';
import { type Role, renderPortal } from './portal-harness';

const role = (id: string, name: string) => ({ __typename: 'Role', id, name });
const person = (id: string, name: string, email: string) => ({ __typename: 'User', id, name, email });
const membership = (id: string, user: ReturnType<typeof person>, r: ReturnType<typeof role>) => ({ __typename: 'Membership', id, createdAt: '2026-01-05T09:00:00.000Z', user, role: r });

const OWNER = role('Um9sZTpvd25lcg==', 'owner');
const MEMBER = role('Um9sZTptZW1iZXI=', 'member');
const VIEWER = role('Um9sZTp2aWV3ZXI=', 'viewer');

function teamHandlers(me: Role) {
  const myUser = fakeMe(me).user as { id: string };
  const members = [
    membership('TTpvd25lcg==', { ...person('VXNlcjpvd25lcg==', 'Olivia Owner', 'owner@acme.test'), ...(me === 'owner' ? { id: myUser.id } : {}) }, OWNER),
    membership('TTptaWE=', person('VXNlcjptaWE=', 'Mia Member', 'member@acme.test'), MEMBER),
    membership('TTp2aWN0b3I=', { ...person('VXNlcjp2aWN0b3I=', 'Victor Viewer', 'viewer@acme.test'), ...(me === 'viewer' ? { id: myUser.id } : {}) }, VIEWER),
  ];
  const pending = [
    {
      __typename: 'Invitation',
      id: 'SW52OjE=',
      email: 'nina@acme.test',
      status: 'PENDING',
      createdAt: '2026-01-05T09:00:00.000Z',
      expiresAt: '2099-01-12T09:00:00.000Z',
      role: MEMBER,
      invitedBy: { __typename: 'User', id: 'VXNlcjpvd25lcg==', name: 'Olivia Owner' },
    },
  ];
  return {
    TeamMembers: () => ({
      data: { memberships: { __typename: 'MembershipConnection', totalCount: members.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: 'a', endCursor: 'c' }, nodes: members } },
    }),
    TeamRoles: () => ({
      data: {
        roles: {
          __typename: 'RoleConnection',
          nodes: [
            { ...OWNER, description: 'Everything', system: true },
            { ...MEMBER, description: 'Raises tickets', system: true },
            { ...VIEWER, description: 'Reads only', system: true },
          ],
        },
      },
    }),
    PendingInvitations: () => ({ data: { invitations: { __typename: 'InvitationConnection', totalCount: pending.length, nodes: pending } } }),
    InviteMember: (v: Record<string, unknown>) => {
      const input = v.input as { email: string; roleId: string };
      if (input.email === 'mia@acme.test') return gqlError('CONFLICT', 'mia@acme.test is already a member of Acme Corporation.');
      pending.push({ ...pending[0]!, id: `SW52OjI=`, email: input.email, role: input.roleId === VIEWER.id ? VIEWER : MEMBER });
      return { data: { inviteMember: { __typename: 'Invitation', id: 'SW52OjI=', email: input.email, status: 'PENDING', expiresAt: '2099-01-12T09:00:00.000Z' } } };
    },
    RemoveMember: (v: Record<string, unknown>) =>
      v.membershipId === 'TTpvd25lcg==' ? gqlError('CONFLICT', 'The last owner cannot be removed.', { reason: 'LAST_OWNER' }) : { data: { removeMember: { __typename: 'Membership', id: v.membershipId } } },
    ResendInvitation: (v: Record<string, unknown>) => ({ data: { resendInvitation: { __typename: 'Invitation', id: v.id, status: 'PENDING', expiresAt: '2099-01-19T09:00:00.000Z' } } }),
    RevokeInvitation: (v: Record<string, unknown>) => {
      pending.splice(0, 1);
      return { data: { revokeInvitation: { __typename: 'Invitation', id: v.id, status: 'REVOKED' } } };
    },
  };
}

beforeEach(() => localStorage.clear());

describe('the Team page', () => {
  it('shows a viewer (member:read) the members, but no invite, remove or pending invitations', async () => {
    const { server } = renderPortal('/team', { role: 'viewer', stored: true, handlers: teamHandlers('viewer') });
    const table = await screen.findByRole('table', { name: 'Members' });
    await within(table).findByText('Mia Member');
    expect(within(table).getByText('owner@acme.test')).toBeInTheDocument();
    expect(within(table).getAllByText('member').length).toBeGreaterThan(0);
    expect(within(table).getByText('You')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Team');

    expect(screen.queryByRole('button', { name: 'Invite member' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove / })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Pending invitations' })).not.toBeInTheDocument();
    // Everyone may leave.
    expect(screen.getByRole('button', { name: 'Leave organisation' })).toBeInTheDocument();
    // Nothing asked that the role may not read.
    expect(server.callsOf('PendingInvitations')).toHaveLength(0);
    expect(server.callsOf('TeamRoles')).toHaveLength(0);
  });

  it('hides the menu entry from a role without member:read and guards the page anyway', async () => {
    const { server } = renderPortal('/team', { stored: true, me: () => fakeMe('viewer', { role: 'auditor', permissions: ['audit:read'] }), handlers: teamHandlers('viewer') });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.getByText(/The team page is not available to your role/)).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).not.toHaveTextContent('Team');
    expect(server.callsOf('TeamMembers')).toHaveLength(0);
  });

  it('lets an owner invite with a role picked from the tenant roles, keeping the dialog on a refusal', async () => {
    const { server, user } = renderPortal('/team', { role: 'owner', stored: true, handlers: teamHandlers('owner') });
    const invitations = await screen.findByRole('list', { name: 'Pending invitations' });
    expect(within(invitations).getByText('nina@acme.test')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Invite member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite a colleague' });
    // The picker offers the tenant's roles, "member" first chosen.
    const picker = await within(dialog).findByRole('combobox', { name: 'Role' });
    await within(picker).findByText('member');
    await user.type(within(dialog).getByLabelText('Email'), 'mia@acme.test');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('already a member');
    expect(within(dialog).getByLabelText('Email')).toHaveValue('mia@acme.test');

    await user.clear(within(dialog).getByLabelText('Email'));
    await user.type(within(dialog).getByLabelText('Email'), 'new.person@acme.test');
    await user.click(picker);
    await user.click(await screen.findByRole('option', { name: /viewer/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('Invitation sent to new.person@acme.test.')).toBeInTheDocument();
    expect(server.callsOf('InviteMember').at(-1)?.variables).toEqual({ input: { email: 'new.person@acme.test', roleId: VIEWER.id } });
    // The dialog's exit hides the page from the accessibility tree for a moment: wait for it.
    expect(await within(await screen.findByRole('list', { name: 'Pending invitations' })).findByText('new.person@acme.test')).toBeInTheDocument();
  });

  it('resends and revokes a pending invitation', async () => {
    const { server, user } = renderPortal('/team', { role: 'owner', stored: true, handlers: teamHandlers('owner') });
    await user.click(await screen.findByRole('button', { name: 'Resend invitation to nina@acme.test' }));
    expect(await screen.findByText('A new invitation link was sent to nina@acme.test.')).toBeInTheDocument();
    expect(server.callsOf('ResendInvitation').map((c) => c.variables)).toEqual([{ id: 'SW52OjE=' }]);

    await user.click(screen.getByRole('button', { name: 'Revoke invitation to nina@acme.test' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke this invitation?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke invitation' }));
    expect(await screen.findByText('No pending invitations.')).toBeInTheDocument();
    expect(server.callsOf('RevokeInvitation').map((c) => c.variables)).toEqual([{ id: 'SW52OjE=' }]);
  });

  it('removes a member after a confirmation and shows the server refusing to remove the last owner', async () => {
    const { server, user } = renderPortal('/team', { role: 'admin', stored: true, handlers: teamHandlers('admin') });
    await user.click(await screen.findByRole('button', { name: 'Remove Olivia Owner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Olivia Owner?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove member' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The last owner cannot be removed.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(await screen.findByRole('button', { name: 'Remove Mia Member' }));
    const second = await screen.findByRole('dialog', { name: 'Remove Mia Member?' });
    expect(second).toHaveTextContent('member@acme.test loses access');
    await user.click(within(second).getByRole('button', { name: 'Remove member' }));
    expect(await screen.findByText(/Mia Member was removed from Acme Corporation/)).toBeInTheDocument();
    expect(server.callsOf('RemoveMember').map((c) => c.variables)).toEqual([{ membershipId: 'TTpvd25lcg==' }, { membershipId: 'TTptaWE=' }]);
  });

  it('leaves the tenant after a confirmation; with no other organisation the user is signed out', async () => {
    const { server, location, user } = renderPortal('/team', {
      role: 'member',
      stored: true,
      handlers: { ...teamHandlers('member'), LeaveTenant: () => ({ data: { leaveTenant: true } }), Logout: () => ({ data: { logout: true } }) },
    });
    await user.click(await screen.findByRole('button', { name: 'Leave organisation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave Acme Corporation?' });
    expect(dialog).toHaveTextContent('You will be signed out');
    await user.click(within(dialog).getByRole('button', { name: 'Leave organisation' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByText('You have left Acme Corporation.')).toBeInTheDocument();
    expect(location()).toBe('/login');
    expect(server.callsOf('LeaveTenant')).toHaveLength(1);
  });
});
