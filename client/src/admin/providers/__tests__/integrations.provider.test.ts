import '../../test/jsdom-polyfills';
import { createApolloClient } from '../../../shared/apollo/create-apollo-client';
import { createRefreshTransport } from '../../../shared/session/refresh-transport';
import { SessionStore } from '../../../shared/session/session-store';
import { createFakeServer, type FakeHandler, type FakeServer, gqlError } from '../../../test/fake-graphql';
import { createDataProvider } from '../dataProvider';

/**
 * The partner-integration resources' providers (API keys, webhook endpoints, deliveries) against
 * the real generated documents: the variables each react-admin call sends and the records that
 * come back. Only the HTTP endpoint is in memory.
 */

function setup(handlers: Record<string, FakeHandler>): { server: FakeServer; dp: ReturnType<typeof createDataProvider> } {
  const server = createFakeServer(handlers);
  const store = new SessionStore({ storageKey: 'atrium.admin-integrations-test.session', refresh: createRefreshTransport('/graphql', server.fetch), locks: null });
  store.setTokens({ accessToken: 'staff-token', accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), refreshToken: 'r', tenantId: null });
  return { server, dp: createDataProvider(createApolloClient({ store, fetch: server.fetch })) };
}

const only = (server: FakeServer, operation: string) => {
  const calls = server.callsOf(operation);
  expect(calls).toHaveLength(1);
  return calls[0]!.variables;
};

const tenant = (n: string) => ({ __typename: 'Tenant', id: `T-${n}`, slug: n, name: `${n[0]!.toUpperCase()}${n.slice(1)} Inc.` });
const list = { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' as const }, filter: {} };

function apiKeyNode(n: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ApiKey',
    id: `K-${n}`,
    name: `Key ${n}`,
    prefix: `atr_Ab${n}`,
    permissions: ['ticket:read', 'ticket:write'],
    status: 'ACTIVE',
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    createdBy: { __typename: 'User', id: 'U-olga', name: 'Olga Owner', email: 'owner@acme.test' },
    tenant: tenant('acme'),
    ...overrides,
  };
}

function endpointNode(n: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'WebhookEndpoint',
    id: `E-${n}`,
    url: `https://hooks.example.test/${n}`,
    description: null,
    events: ['ticket.created'],
    enabled: true,
    disabledAt: null,
    disabledReason: null,
    consecutiveFailures: 0,
    failingSince: null,
    lastFailureAt: null,
    lastSuccessAt: null,
    secretRotatedAt: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    tenant: tenant('acme'),
    ...overrides,
  };
}

function deliveryNode(n: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'WebhookDelivery',
    id: `D-${n}`,
    eventId: `evt_${n}`,
    eventType: 'ticket.created',
    status: 'FAILED',
    trigger: 'EVENT',
    attemptCount: 8,
    maxAttempts: 8,
    responseStatus: 500,
    responseExcerpt: 'boom',
    error: 'HTTP 500',
    durationMs: 12,
    nextAttemptAt: null,
    deliveredAt: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    tenant: tenant('globex'),
    endpoint: { __typename: 'WebhookEndpoint', id: 'E-1', url: 'https://hooks.example.test/1', enabled: false },
    ...overrides,
  };
}

beforeEach(() => localStorage.clear());

describe('API keys', () => {
  it('lists every tenant’s keys by page, filtered by tenant and status (not by free text), as records with their tenant and creator', async () => {
    const { server, dp } = setup({
      AdminApiKeys: () => ({ data: { apiKeys: { __typename: 'ApiKeyConnection', totalCount: 27, nodes: [apiKeyNode(1), apiKeyNode(2, { createdBy: null, status: 'REVOKED', revokedAt: '2026-11-03T09:00:00.000Z' })] } } }),
    });
    const result = await dp.getList('api-keys', { ...list, pagination: { page: 2, perPage: 25 }, filter: { tenantId: ' T-acme ', status: 'ACTIVE', q: 'erp' } });
    expect(only(server, 'AdminApiKeys')).toEqual({ first: 25, offset: 25, filter: { tenantId: 'T-acme', status: ['ACTIVE'] } });
    expect(result.total).toBe(27);
    expect(result.data.map((k) => [k.id, k.tenantId, k.status, k.createdBy?.name ?? null, k.revokedAt])).toEqual([
      ['K-1', 'T-acme', 'ACTIVE', 'Olga Owner', null],
      ['K-2', 'T-acme', 'REVOKED', null, '2026-11-03T09:00:00.000Z'],
    ]);
    expect(result.data[0]).toMatchObject({ prefix: 'atr_Ab1', permissions: ['ticket:read', 'ticket:write'], tenant: { name: 'Acme Inc.' } });
  });

  it('sends no filter when none is set, and lists a tenant’s keys by reference', async () => {
    const { server, dp } = setup({ AdminApiKeys: () => ({ data: { apiKeys: { __typename: 'ApiKeyConnection', totalCount: 0, nodes: [] } } }) });
    await dp.getList('api-keys', { ...list, pagination: { page: 1, perPage: 500 }, filter: { tenantId: '' } });
    await dp.getManyReference('api-keys', { target: 'tenantId', id: 'T-globex', pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(server.callsOf('AdminApiKeys').map((c) => c.variables)).toEqual([
      { first: 100, offset: 0 },
      { first: 10, offset: 0, filter: { tenantId: 'T-globex' } },
    ]);
    await expect(dp.getManyReference('api-keys', { target: 'createdBy', id: 'U-1', pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).rejects.toMatchObject({ status: 400 });
  });

  it('reads one key through node, and answers another type as not found', async () => {
    const { dp } = setup({ AdminApiKey: (v) => ({ data: { node: v.id === 'K-7' ? apiKeyNode(7) : { __typename: 'User', id: v.id } } }) });
    await expect(dp.getOne('api-keys', { id: 'K-7' })).resolves.toMatchObject({ data: { id: 'K-7', name: 'Key 7' } });
    await expect(dp.getOne('api-keys', { id: 'U-1' })).rejects.toMatchObject({ status: 404, message: 'API key not found.' });
  });

  it('revokes a key and answers it as saved; the server’s refusal comes back with its message', async () => {
    const { server, dp } = setup({ AdminRevokeApiKey: (v) => ({ data: { revokeApiKey: apiKeyNode(3, { id: v.id, status: 'REVOKED', revokedAt: '2026-11-04T09:00:00.000Z' }) } }) });
    const { data } = await dp.revokeApiKey('api-keys', { id: 'K-3' });
    expect(only(server, 'AdminRevokeApiKey')).toEqual({ id: 'K-3' });
    expect(data).toMatchObject({ id: 'K-3', status: 'REVOKED', revokedAt: '2026-11-04T09:00:00.000Z' });

    const { dp: refused } = setup({ AdminRevokeApiKey: () => gqlError('FORBIDDEN', 'This needs the platform:integration:manage permission.', { reason: 'MISSING_PERMISSION' }) });
    await expect(refused.revokeApiKey('api-keys', { id: 'K-3' })).rejects.toMatchObject({ status: 403, message: 'This needs the platform:integration:manage permission.', body: { code: 'FORBIDDEN' } });
  });

  it('neither edits, creates nor deletes keys, without calling the API', async () => {
    const { server, dp } = setup({});
    await expect(dp.update('api-keys', { id: 'K-1', data: {}, previousData: { id: 'K-1' } })).rejects.toMatchObject({ status: 405 });
    await expect(dp.create('api-keys', { data: {} })).rejects.toMatchObject({ status: 405 });
    await expect(dp.delete('api-keys', { id: 'K-1', previousData: { id: 'K-1' } })).rejects.toMatchObject({ status: 405 });
    expect(server.calls).toHaveLength(0);
  });
});

describe('webhook endpoints', () => {
  it('lists every tenant’s endpoints by page, filtered by tenant and state', async () => {
    const { server, dp } = setup({
      AdminWebhookEndpoints: () => ({
        data: {
          webhookEndpoints: {
            __typename: 'WebhookEndpointConnection',
            totalCount: 2,
            nodes: [endpointNode(1, { enabled: false, disabledReason: 'Disabled by Atrium staff.', consecutiveFailures: 6 }), endpointNode(2, { tenant: tenant('globex') })],
          },
        },
      }),
    });
    const result = await dp.getList('webhook-endpoints', { ...list, pagination: { page: 3, perPage: 10 }, filter: { tenantId: 'T-acme' } });
    expect(only(server, 'AdminWebhookEndpoints')).toEqual({ first: 10, offset: 20, filter: { tenantId: 'T-acme' } });
    expect(result.data.map((e) => [e.id, e.tenantId, e.enabled, e.disabledReason, e.consecutiveFailures])).toEqual([
      ['E-1', 'T-acme', false, 'Disabled by Atrium staff.', 6],
      ['E-2', 'T-globex', true, null, 0],
    ]);
  });

  it('sends the state as a boolean, nothing for any state, and lists a tenant’s endpoints by reference', async () => {
    const { server, dp } = setup({ AdminWebhookEndpoints: () => ({ data: { webhookEndpoints: { __typename: 'WebhookEndpointConnection', totalCount: 0, nodes: [] } } }) });
    await dp.getList('webhook-endpoints', { ...list, pagination: { page: 1, perPage: 25 }, filter: { enabled: 'false' } });
    await dp.getList('webhook-endpoints', { ...list, pagination: { page: 1, perPage: 25 }, filter: { enabled: '', tenantId: '' } });
    await dp.getManyReference('webhook-endpoints', { target: 'tenantId', id: 'T-globex', pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(server.callsOf('AdminWebhookEndpoints').map((c) => c.variables)).toEqual([
      { first: 25, offset: 0, filter: { enabled: false } },
      { first: 25, offset: 0 },
      { first: 10, offset: 0, filter: { tenantId: 'T-globex' } },
    ]);
  });

  it('disables an endpoint with enabled: false and nothing else (all staff may change)', async () => {
    const { server, dp } = setup({
      AdminDisableWebhookEndpoint: (v) => ({ data: { updateWebhookEndpoint: endpointNode(4, { id: (v.input as { id: string }).id, enabled: false, disabledReason: 'Disabled by Atrium staff.' }) } }),
    });
    const { data } = await dp.disableWebhookEndpoint('webhook-endpoints', { id: 'E-4' });
    expect(only(server, 'AdminDisableWebhookEndpoint')).toEqual({ input: { id: 'E-4', enabled: false } });
    expect(data).toMatchObject({ id: 'E-4', enabled: false, disabledReason: 'Disabled by Atrium staff.' });
  });
});

describe('webhook deliveries', () => {
  it('sends one allowed status and the other filters, and maps the tenant and endpoint', async () => {
    const { server, dp } = setup({
      AdminWebhookDeliveries: () => ({ data: { webhookDeliveries: { __typename: 'WebhookDeliveryConnection', totalCount: 1, nodes: [deliveryNode(1)] } } }),
    });
    const result = await dp.getList('webhook-deliveries', { ...list, filter: { status: 'FAILED', tenantId: 'T-globex', eventType: ' ticket.created ', endpointId: '' } });
    expect(only(server, 'AdminWebhookDeliveries')).toEqual({ first: 25, offset: 0, filter: { status: 'FAILED', tenantId: 'T-globex', eventType: 'ticket.created' } });
    expect(result.data[0]).toMatchObject({
      id: 'D-1',
      tenantId: 'T-globex',
      endpointId: 'E-1',
      endpoint: { url: 'https://hooks.example.test/1', enabled: false },
      responseStatus: 500,
      error: 'HTTP 500',
      attempts: null,
    });
  });

  it('drops a status the API does not have, and lists an endpoint’s deliveries by reference', async () => {
    const { server, dp } = setup({ AdminWebhookDeliveries: () => ({ data: { webhookDeliveries: { __typename: 'WebhookDeliveryConnection', totalCount: 0, nodes: [] } } }) });
    await dp.getList('webhook-deliveries', { ...list, filter: { status: 'BROKEN' } });
    await dp.getManyReference('webhook-deliveries', { target: 'endpointId', id: 'E-9', pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(server.callsOf('AdminWebhookDeliveries').map((c) => c.variables)).toEqual([
      { first: 25, offset: 0 },
      { first: 10, offset: 0, filter: { endpointId: 'E-9' } },
    ]);
  });

  it('reads one delivery with every attempt', async () => {
    const attempts = [
      { __typename: 'WebhookDeliveryAttempt', attempt: 1, at: '2026-11-01T09:00:00.000Z', durationMs: 10, succeeded: false, responseStatus: 500, responseExcerpt: 'boom', error: 'HTTP 500' },
      { __typename: 'WebhookDeliveryAttempt', attempt: 2, at: '2026-11-01T09:00:05.000Z', durationMs: 10000, succeeded: false, responseStatus: null, responseExcerpt: null, error: 'Timed out' },
    ];
    const { server, dp } = setup({ AdminWebhookDelivery: () => ({ data: { node: { ...deliveryNode(5), attempts } } }) });
    const { data } = await dp.getOne('webhook-deliveries', { id: 'D-5' });
    expect(only(server, 'AdminWebhookDelivery')).toEqual({ id: 'D-5' });
    expect(data.attempts).toEqual([
      { attempt: 1, at: '2026-11-01T09:00:00.000Z', durationMs: 10, succeeded: false, responseStatus: 500, responseExcerpt: 'boom', error: 'HTTP 500' },
      { attempt: 2, at: '2026-11-01T09:00:05.000Z', durationMs: 10000, succeeded: false, responseStatus: null, responseExcerpt: null, error: 'Timed out' },
    ]);
  });
});
