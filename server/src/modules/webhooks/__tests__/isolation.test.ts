import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { createEndpoint, SEND_TEST } from './helpers';

/**
 * Tenant isolation of webhook endpoints and deliveries: acme's owners and admins cannot read,
 * count, change, rotate, test, delete or redeliver globex's by any path (lists, filters, node,
 * nodes, mutations), while the same paths work on their own.
 */

let t: TestApp;
let acmeId: string;
let globexId: string;
let foreign: { endpoint: string; delivery: string; tenant: string; url: string };

const rawId = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1] ?? '';

async function globexState(): Promise<unknown> {
  return t.sql(
    `select e.url, e.events, e.enabled, e.secret_sealed, e.previous_secret_sealed, e.disabled_reason,
            (select string_agg(d.id || ':' || d.status || ':' || d.trigger, ',' order by d.id) from webhook_deliveries d where d.tenant_id = e.tenant_id) as deliveries
       from webhook_endpoints e where e.tenant_id = ? order by e.id`,
    [globexId],
  );
}

beforeAll(async () => {
  t = await startTestApp({ env: { WEBHOOK_WORKER_ENABLED: 'false' } });
  acmeId = await t.tenantId('acme');
  globexId = await t.tenantId('globex');
  const globexOwner = (await t.login('owner@globex.test', 'globex')).accessToken;
  const url = `http://127.0.0.1:9/globex-secret-${randomUUID().slice(0, 8)}`;
  const endpoint = await createEndpoint(t, globexOwner, { url, events: ['ticket.created'], description: 'Globex Secret Hook' });
  const sent = await t.gql<{ sendTestWebhook: { id: string } }>(SEND_TEST, { id: endpoint.id }, { token: globexOwner });
  foreign = { endpoint: endpoint.id, delivery: sent.data?.sendTestWebhook.id ?? '', tenant: toGlobalId('Tenant', globexId), url };
});

afterAll(async () => {
  await t?.close();
});

const ENDPOINTS = 'query { webhookEndpoints(first: 100) { totalCount nodes { id url tenant { slug } } } }';
const DELIVERIES = 'query($f: WebhookDeliveryFilter) { webhookDeliveries(first: 100, filter: $f) { totalCount nodes { id tenant { slug } } } }';

describeCrossTenant<typeof foreign, { endpoint: string; delivery: string }>('globex webhooks', {
  app: () => t,
  as: ['owner@acme.test', 'admin@acme.test'],
  foreign: () => foreign,
  own: async ({ token }) => {
    const endpoint = await createEndpoint(t, token, { url: `http://127.0.0.1:9/acme-${randomUUID().slice(0, 8)}`, events: ['ticket.created'] });
    const sent = await t.gql<{ sendTestWebhook: { id: string } }>(SEND_TEST, { id: endpoint.id }, { token });
    return { endpoint: endpoint.id, delivery: sent.data?.sendTestWebhook.id ?? '' };
  },
  secrets: ['Globex Secret', 'globex-secret'],
  unchanged: () => globexState(),
  reads: [
    {
      name: "webhookEndpoints lists and counts acme's only",
      query: ENDPOINTS,
      expect: { ownOnly: { tenant: 'acme', excludes: (c) => [c.foreign.endpoint], total: () => t.count('select count(*) as n from webhook_endpoints where tenant_id = ?', [acmeId]), nonEmpty: true } },
    },
    {
      name: "webhookDeliveries lists and counts acme's only",
      query: DELIVERIES,
      expect: { ownOnly: { tenant: 'acme', excludes: (c) => [c.foreign.delivery], total: () => t.count('select count(*) as n from webhook_deliveries where tenant_id = ?', [acmeId]), nonEmpty: true } },
    },
    {
      name: 'webhookDeliveries filtered by a globex endpoint',
      query: DELIVERIES,
      variables: (c) => ({ f: { endpointId: c.foreign.endpoint } }),
      expect: 'empty',
      control: { variables: (c) => ({ f: { endpointId: c.own.endpoint } }), expect: (res) => expect(res.data?.webhookDeliveries.totalCount).toBe(1) },
    },
    { name: 'webhookDeliveries filtered by the globex tenant', query: DELIVERIES, variables: (c) => ({ f: { tenantId: c.foreign.tenant } }), expect: 'empty' },
    {
      name: 'node(id) on a globex endpoint',
      query: 'query($id: ID!) { node(id: $id) { id ... on WebhookEndpoint { url description } } }',
      variables: (c) => ({ id: c.foreign.endpoint }),
      expect: 'NOT_FOUND',
      control: { variables: (c) => ({ id: c.own.endpoint }) },
    },
    {
      name: 'node(id) on a globex delivery',
      query: 'query($id: ID!) { node(id: $id) { id ... on WebhookDelivery { eventType endpoint { url } } } }',
      variables: (c) => ({ id: c.foreign.delivery }),
      expect: 'NOT_FOUND',
      control: { variables: (c) => ({ id: c.own.delivery }) },
    },
    {
      name: 'nodes(ids) with its own endpoint and globex ones',
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: (c) => ({ ids: [c.own.endpoint, c.foreign.endpoint, c.foreign.delivery] }),
      expect: { nodes: (c) => [c.own.endpoint, null, null] },
    },
  ],
  writes: [
    {
      name: 'updateWebhookEndpoint on a globex endpoint',
      mutation: 'mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id url } }',
      variables: (c) => ({ input: { id: c.foreign.endpoint, url: 'http://127.0.0.1:9/hijacked', enabled: false } }),
      likeMissing: () => ({ input: { id: toGlobalId('WebhookEndpoint', randomUUID()), url: 'http://127.0.0.1:9/hijacked', enabled: false } }),
    },
    {
      name: 'rotateWebhookSecret on a globex endpoint',
      mutation: 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }',
      variables: (c) => ({ id: c.foreign.endpoint }),
      likeMissing: () => ({ id: toGlobalId('WebhookEndpoint', randomUUID()) }),
      control: { variables: (c) => ({ id: c.own.endpoint }) },
    },
    {
      name: 'sendTestWebhook to a globex endpoint',
      mutation: 'mutation($id: ID!) { sendTestWebhook(id: $id) { id } }',
      variables: (c) => ({ id: c.foreign.endpoint }),
      likeMissing: () => ({ id: toGlobalId('WebhookEndpoint', randomUUID()) }),
    },
    {
      name: 'redeliverWebhook of a globex delivery',
      mutation: 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }',
      variables: (c) => ({ id: c.foreign.delivery }),
      likeMissing: () => ({ id: toGlobalId('WebhookDelivery', randomUUID()) }),
      control: { variables: (c) => ({ id: c.own.delivery }) },
    },
    {
      name: 'deleteWebhookEndpoint on a globex endpoint',
      mutation: 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }',
      variables: (c) => ({ id: c.foreign.endpoint }),
      likeMissing: () => ({ id: toGlobalId('WebhookEndpoint', randomUUID()) }),
      then: async (_res, c) => expect(await t.count('select count(*) as n from webhook_endpoints where id = ?', [rawId(c.foreign.endpoint)])).toBe(1),
    },
  ],
});
