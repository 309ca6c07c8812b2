import '../../test/jsdom-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gqlError } from '../../../test/fake-graphql';
import type { UserRecord } from '../../providers/users.provider';
import { RESOURCES } from '../../resource-names';
import { COMPLIANCE_PERMISSIONS, renderAdminPage, STAFF_ID, SUPERADMIN_PERMISSIONS, SUPPORT_PERMISSIONS } from '../../test/render-admin';
import { UserSessions, UserStatusActions } from '../UserAccess';

/**
 * What a staff member may do to a user from the user's page: the buttons follow the platform
 * permissions in `me` (through the access map), ask before acting, call the API and say how it went.
 */

const mia: UserRecord = {
  id: 'VXNlcjptaWE',
  name: 'Mia Member',
  email: 'member@acme.test',
  staffRole: null,
  deactivatedAt: null,
  twoFactorEnabled: false,
  createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-01T09:00:00.000Z',
};

const userNode = (user: UserRecord) => ({ __typename: 'User', ...user });
const session = (n: number) => ({
  __typename: 'Session',
  id: `U2Vzc2lvbjo${n}`,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  ip: `10.0.0.${n}`,
  createdAt: '2026-09-01T09:00:00.000Z',
  lastUsedAt: new Date().toISOString(),
  expiresAt: '2026-10-01T09:00:00.000Z',
});

function sessionsHandler(count: () => number) {
  return () => ({ data: { userSessions: { __typename: 'SessionConnection', totalCount: count(), nodes: Array.from({ length: count() }, (_, i) => session(i + 1)) } } });
}

function renderUser(user: UserRecord, permissions: readonly string[], handlers: Parameters<typeof renderAdminPage>[1]['handlers'] = {}) {
  return renderAdminPage(
    <>
      <UserStatusActions user={user} />
      <UserSessions user={user} />
    </>,
    { resource: RESOURCES.users, permissions, handlers: { AdminUserSessions: sessionsHandler(() => 2), ...handlers } },
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => jest.restoreAllMocks());

/** react-admin logs every rejected data provider call in development; expected here. */
const quietDataProviderErrors = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

describe('a user’s sessions and status on the user page', () => {
  it('shows a compliance officer the sessions but no button to change anything', async () => {
    const { server } = renderUser(mia, COMPLIANCE_PERMISSIONS);
    const list = await screen.findByRole('list', { name: 'Active sessions' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getAllByText('Chrome on Linux')).toHaveLength(2);
    expect(within(list).getByText('10.0.0.1')).toBeInTheDocument();
    expect(server.callsOf('AdminUserSessions')[0]?.variables).toEqual({ userId: mia.id, first: 100, offset: 0 });
    expect(screen.queryByRole('button', { name: 'Revoke all sessions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Deactivate' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reactivate' })).toBeNull();
  });

  it('lets support revoke every session after confirming, says how many ended and reads the sessions again', async () => {
    let open = 2;
    const { server } = renderUser(mia, SUPPORT_PERMISSIONS, {
      AdminUserSessions: sessionsHandler(() => open),
      AdminRevokeUserSessions: () => {
        const revoked = open;
        open = 0;
        return { data: { revokeUserSessions: revoked } };
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke all sessions' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Revoke all sessions of Mia Member?');
    expect(dialog).toHaveTextContent('signed out of 2 sessions');
    expect(server.callsOf('AdminRevokeUserSessions')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke all' }));
    await screen.findByText('Revoked 2 sessions of Mia Member.');
    expect(server.callsOf('AdminRevokeUserSessions').map((c) => c.variables)).toEqual([{ userId: mia.id }]);
    await screen.findByText('Not signed in anywhere.');
    expect(screen.queryByRole('button', { name: 'Revoke all sessions' })).toBeNull();
  });

  it('deactivates only after confirming; cancelling changes nothing', async () => {
    const { server } = renderUser(mia, SUPPORT_PERMISSIONS, {
      AdminDeactivateUser: (v) => ({ data: { deactivateUser: userNode({ ...mia, id: String(v.id), deactivatedAt: '2026-09-03T10:00:00.000Z' }) } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate' }));
    let dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Deactivate Mia Member?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(server.callsOf('AdminDeactivateUser')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Deactivate' }));
    dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await screen.findByText('Mia Member is deactivated and signed out everywhere.');
    expect(server.callsOf('AdminDeactivateUser').map((c) => c.variables)).toEqual([{ id: mia.id }]);
  });

  it('shows the server’s refusal as the notification', async () => {
    quietDataProviderErrors();
    renderUser(mia, SUPERADMIN_PERMISSIONS, {
      AdminDeactivateUser: () => gqlError('FORBIDDEN', 'You are not allowed to deactivate this user.'),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Deactivate' }));
    await screen.findByText('You are not allowed to deactivate this user.');
  });

  it('offers Reactivate, not Deactivate, for a deactivated user', async () => {
    const gone = { ...mia, deactivatedAt: '2026-09-03T10:00:00.000Z' };
    const { server } = renderUser(gone, SUPPORT_PERMISSIONS, {
      AdminUserSessions: sessionsHandler(() => 0),
      AdminReactivateUser: (v) => ({ data: { reactivateUser: userNode({ ...gone, id: String(v.id), deactivatedAt: null }) } }),
    });
    await screen.findByText('No sessions: a deactivated account cannot sign in.');
    expect(screen.queryByRole('button', { name: 'Deactivate' })).toBeNull();
    await userEvent.click(await screen.findByRole('button', { name: 'Reactivate' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reactivate' }));
    await screen.findByText('Mia Member is active again and can sign in.');
    expect(server.callsOf('AdminReactivateUser').map((c) => c.variables)).toEqual([{ id: gone.id }]);
  });

  it('leaves staff accounts to a superadmin', async () => {
    const cora = { ...mia, id: 'VXNlcjpjb3Jh', name: 'Cora Compliance', staffRole: 'COMPLIANCE' as const };
    renderUser(cora, SUPPORT_PERMISSIONS);
    await screen.findByRole('list', { name: 'Active sessions' });
    expect(screen.queryByRole('button', { name: 'Revoke all sessions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Deactivate' })).toBeNull();
  });

  it('offers a superadmin the controls for a staff account', async () => {
    renderUser({ ...mia, id: 'VXNlcjpjb3Jh', name: 'Cora Compliance', staffRole: 'COMPLIANCE' }, SUPERADMIN_PERMISSIONS);
    await screen.findByRole('button', { name: 'Revoke all sessions' });
    await screen.findByRole('button', { name: 'Deactivate' });
  });

  it('never offers staff to deactivate themselves', async () => {
    renderUser({ ...mia, id: STAFF_ID, name: 'Sam Staff', staffRole: 'SUPERADMIN' }, SUPERADMIN_PERMISSIONS);
    await screen.findByRole('button', { name: 'Revoke all sessions' });
    expect(screen.queryByRole('button', { name: 'Deactivate' })).toBeNull();
  });

  it('says when the sessions could not be read, and reads them again on retry', async () => {
    quietDataProviderErrors();
    let calls = 0;
    renderUser(mia, SUPPORT_PERMISSIONS, {
      AdminUserSessions: () => {
        calls += 1;
        return calls === 1 ? gqlError('SERVICE_UNAVAILABLE', 'The database cannot be reached. Try again shortly.') : sessionsHandler(() => 1)();
      },
    });
    await screen.findByText('The database cannot be reached. Try again shortly.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(within(await screen.findByRole('list', { name: 'Active sessions' })).getAllByRole('listitem')).toHaveLength(1);
  });
});
