import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AdminContext, defaultI18nProvider, Notification, ResourceContextProvider } from 'react-admin';
import { STAFF_PERMISSIONS } from '../../../../server/src/permissions/catalog';
import { createApolloClient } from '../../shared/apollo/create-apollo-client';
import { createRefreshTransport } from '../../shared/session/refresh-transport';
import { SessionStore } from '../../shared/session/session-store';
import { createFakeServer, type FakeHandler, type FakeServer, fakeMe } from '../../test/fake-graphql';
import { createAuthProvider } from '../providers/authProvider';
import { createDataProvider } from '../providers/dataProvider';

// The staff roles' platform permissions as the API grants them: the server's own catalog.
export const SUPPORT_PERMISSIONS: readonly string[] = STAFF_PERMISSIONS.SUPPORT;
export const COMPLIANCE_PERMISSIONS: readonly string[] = STAFF_PERMISSIONS.COMPLIANCE;
export const SUPERADMIN_PERMISSIONS: readonly string[] = STAFF_PERMISSIONS.SUPERADMIN;

export const STAFF_ID = 'VXNlcjpzdGFmZg';

/** `me` for a signed-in staff member with these platform permissions (outside any tenant). */
export function fakeStaffMe(permissions: readonly string[]) {
  const staffRole = permissions === SUPERADMIN_PERMISSIONS ? 'SUPERADMIN' : permissions === SUPPORT_PERMISSIONS ? 'SUPPORT' : 'COMPLIANCE';
  const base = fakeMe('viewer');
  return fakeMe('viewer', {
    user: { ...base.user, id: STAFF_ID, name: 'Sam Staff', email: 'staff@atrium.test', staffRole },
    tenant: null,
    role: staffRole,
    staffRole,
    permissions: [...permissions],
    featureFlags: [],
    memberships: [],
  });
}

/**
 * A back-office page in jsdom as staff see it: react-admin with the real data and auth providers
 * over an in-memory API (`handlers`, plus `me` with these permissions), inside one resource, with
 * notifications shown.
 */
export function renderAdminPage(ui: ReactNode, opts: { resource: string; permissions: readonly string[]; handlers?: Record<string, FakeHandler> }): { server: FakeServer } {
  const server = createFakeServer({ SessionMe: () => ({ data: { me: fakeStaffMe(opts.permissions) } }), ...opts.handlers });
  const store = new SessionStore({ storageKey: 'atrium.admin-page-test.session', refresh: createRefreshTransport('/graphql', server.fetch), locks: null });
  store.setTokens({ accessToken: 'staff-token', accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), refreshToken: 'r', tenantId: null });
  const client = createApolloClient({ store, fetch: server.fetch });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AdminContext dataProvider={createDataProvider(client, undefined, store)} authProvider={createAuthProvider(client, store)} i18nProvider={defaultI18nProvider} queryClient={queryClient}>
      <ResourceContextProvider value={opts.resource}>{ui}</ResourceContextProvider>
      <Notification />
    </AdminContext>,
  );
  return { server };
}
