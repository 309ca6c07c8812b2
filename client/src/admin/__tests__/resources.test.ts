import '../test/jsdom-polyfills';
import { HttpError } from 'ra-core';
import { PLATFORM_PERMISSIONS } from '../../../../server/src/permissions/catalog';
import { ADMIN_ACTIONS } from '../admin-resource';
import { createApolloClient } from '../../shared/apollo/create-apollo-client';
import { createRefreshTransport } from '../../shared/session/refresh-transport';
import { SessionStore } from '../../shared/session/session-store';
import { createFakeServer, type FakeHandler } from '../../test/fake-graphql';
import { ACCESS, canAccessWith } from '../providers/access';
import { createDataProvider } from '../providers/dataProvider';
import { RESOURCES } from '../resource-names';
import { ADMIN_RESOURCES } from '../resources';

/**
 * The resource list is the one source of the back office's resources: its <Resource>s, the data
 * provider and the access map are all made from it, so they must agree on every resource.
 */

function setup(handlers: Record<string, FakeHandler> = {}) {
  const server = createFakeServer(handlers);
  const store = new SessionStore({ storageKey: 'atrium.admin-resources-test.session', refresh: createRefreshTransport('/graphql', server.fetch), locks: null });
  const client = createApolloClient({ store, fetch: server.fetch });
  return { server, client, dp: createDataProvider(client) };
}

describe('the back office resource list', () => {
  it('lists every resource name once, and nothing else', () => {
    const names = ADMIN_RESOURCES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.values(RESOURCES).sort());
    for (const r of ADMIN_RESOURCES) expect(r.props.name).toBe(r.name);
  });

  it('gives every resource an access entry, with a permission for each page it has and a page for each permission', () => {
    expect([...ACCESS.keys()].sort()).toEqual(ADMIN_RESOURCES.map((r) => r.name).sort());
    for (const { name, access, props } of ADMIN_RESOURCES) {
      expect(access.list).toEqual(expect.any(String));
      for (const action of ADMIN_ACTIONS) {
        expect([name, action, access[action] !== undefined]).toEqual([name, action, props[action] !== undefined]);
        if (access[action] !== undefined) expect(canAccessWith([access[action]], name, action)).toBe(true);
      }
    }
  });

  it('names each operation once in the access map, apart from the page actions, with the permission it needs', () => {
    for (const { name, operations } of ADMIN_RESOURCES) {
      for (const [operation, permission] of Object.entries(operations)) {
        expect([name, operation, (ADMIN_ACTIONS as readonly string[]).includes(operation)]).toEqual([name, operation, false]);
        expect([name, operation, ACCESS.get(name)?.[operation]]).toEqual([name, operation, permission]);
        expect(canAccessWith([permission], name, operation)).toBe(true);
        expect(canAccessWith([], name, operation)).toBe(false);
      }
    }
    // The user and tenant pages' buttons (users/UserAccess.tsx, tenants/TenantInvitations.tsx).
    expect(ADMIN_RESOURCES.find((r) => r.name === RESOURCES.users)?.operations).toEqual({
      revokeSessions: 'platform:user:manage',
      deactivate: 'platform:user:manage',
      reactivate: 'platform:user:manage',
    });
    expect(ADMIN_RESOURCES.find((r) => r.name === RESOURCES.tenants)?.operations).toEqual({
      resendInvitation: 'platform:member:manage',
      revokeInvitation: 'platform:member:manage',
      manageRoles: 'platform:role:manage',
    });
    // The partner-integration pages' buttons (integrations/IntegrationUi.tsx).
    expect(ADMIN_RESOURCES.find((r) => r.name === RESOURCES.apiKeys)?.operations).toEqual({ revoke: 'platform:integration:manage' });
    expect(ADMIN_RESOURCES.find((r) => r.name === RESOURCES.webhookEndpoints)?.operations).toEqual({ disable: 'platform:integration:manage' });
    expect(ADMIN_RESOURCES.find((r) => r.name === RESOURCES.webhookDeliveries)?.operations).toEqual({});
  });

  it('asks only for platform permissions the API has', () => {
    const known: readonly string[] = PLATFORM_PERMISSIONS;
    for (const { name, access, operations } of ADMIN_RESOURCES) {
      for (const permission of [...Object.values(access), ...Object.values(operations)]) expect([name, permission, known.includes(permission)]).toEqual([name, permission, true]);
    }
  });

  it('gives every resource a provider that offers what its pages need', () => {
    const { client } = setup();
    for (const { name, provider, props, access } of ADMIN_RESOURCES) {
      const supports = provider(client).supports;
      expect([name, 'edit', supports.update]).toEqual([name, 'edit', props.edit !== undefined]);
      expect([name, 'create', supports.create]).toEqual([name, 'create', props.create !== undefined]);
      expect([name, 'edit', access.edit !== undefined]).toEqual([name, 'edit', supports.update]);
    }
  });

  it('routes every listed resource through the data provider, and refuses what a resource does not offer without calling the API', async () => {
    const { server, client, dp } = setup();
    for (const { name, provider } of ADMIN_RESOURCES) {
      await expect(dp.getMany(name, { ids: [] })).resolves.toEqual({ data: [] });
      await expect(dp.delete(name, { id: 'X-1', previousData: { id: 'X-1' } })).rejects.toMatchObject({ status: 405 });
      const supports = provider(client).supports;
      if (!supports.update) await expect(dp.update(name, { id: 'X-1', data: {}, previousData: { id: 'X-1' } })).rejects.toMatchObject({ status: 405 });
      if (!supports.create) await expect(dp.create(name, { data: {} })).rejects.toMatchObject({ status: 405 });
    }
    await expect(dp.getMany('invoices', { ids: [] })).rejects.toMatchObject({ status: 404 });
    expect(server.calls).toHaveLength(0);
  });

  it('answers a record the API does not have with HttpError 404 NOT_FOUND, whatever the resource', async () => {
    const missing = () => ({ data: { node: null } });
    const { server, dp } = setup({
      AdminTicket: () => ({ data: { ticket: null } }),
      AdminTenant: () => ({ data: { tenant: null } }),
      AdminUser: missing,
      AdminMembership: missing,
      AdminFeatureFlag: missing,
      AdminAuditLog: missing,
      AdminApiKey: missing,
      AdminWebhookEndpoint: missing,
      AdminWebhookDelivery: missing,
      AdminKycCase: missing,
      AdminIncident: missing,
      AdminRun: () => ({ data: { run: null } }),
      AdminMessage: () => ({ data: { message: null } }),
      AdminTool: missing,
      AdminEntitlement: missing,
      AdminSystemEvent: missing,
    });
    for (const { name } of ADMIN_RESOURCES) {
      const error = await dp.getOne(name, { id: 'X-gone' }).catch((e: unknown) => e);
      expect([name, error]).toEqual([name, expect.any(HttpError)]);
      expect(error).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' }, message: expect.stringMatching(/ not found\.$/) });
    }
    expect(server.calls).toHaveLength(ADMIN_RESOURCES.length);
  });
});
