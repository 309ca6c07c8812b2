import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { TestApp } from '../../../../test/harness';

/** One request the test receiver got. */
export interface Receipt {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP listener on 127.0.0.1:0 that records every request and answers `status` (default 200). */
export interface Receiver {
  readonly url: string;
  readonly receipts: Receipt[];
  /** What it answers from now on. */
  answer(status: number, body?: string): void;
  /** Receipts whose JSON body has this `type`. */
  ofType(type: string): Receipt[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receipts: Receipt[] = [];
  let status = 200;
  let responseBody = 'ok';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receipts.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(responseBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    receipts,
    answer(s, body = s < 300 ? 'ok' : 'nope') {
      status = s;
      responseBody = body;
    },
    ofType(type) {
      return receipts.filter((r) => (JSON.parse(r.body) as { type: string }).type === type);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Standard Webhooks headers of a receipt, as `Webhook.verify` takes them. */
export function headersOf(r: Receipt): Record<string, string> {
  return {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  };
}

/** Verifies a receipt with `secret` (throws when the signature does not match) and returns its body. */
export function verified(r: Receipt, secret: string): { type: string; timestamp: string; data: Record<string, any> } {
  return new Webhook(secret).verify(r.body, headersOf(r)) as { type: string; timestamp: string; data: Record<string, any> };
}

export const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url events enabled description tenant { slug } } }
}`;
export const UPDATE_ENDPOINT = 'mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id url events enabled disabledReason disabledAt consecutiveFailures } }';
export const ROTATE = 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id secretRotatedAt previousSecretExpiresAt } } }';
export const REDELIVER = 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id eventId eventType trigger status } }';
export const SEND_TEST = 'mutation($id: ID!) { sendTestWebhook(id: $id) { id eventId eventType trigger status } }';
export const DELIVERIES = `query($filter: WebhookDeliveryFilter, $first: Int) {
  webhookDeliveries(first: $first, filter: $filter) {
    totalCount
    nodes {
      id eventId eventType trigger status attemptCount maxAttempts responseStatus durationMs responseExcerpt error nextAttemptAt deliveredAt createdAt
      endpoint { id url } tenant { slug }
      attempts { attempt at responseStatus durationMs responseExcerpt error succeeded }
    }
  }
}`;

export async function createEndpoint(
  t: TestApp,
  token: string,
  input: { url: string; events: string[]; description?: string },
): Promise<{ id: string; secret: string }> {
  const res = await t.gql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(CREATE_ENDPOINT, { input }, { token });
  if (!res.data?.createWebhookEndpoint) throw new Error(`createWebhookEndpoint failed: ${JSON.stringify(res.errors)}`);
  return { id: res.data.createWebhookEndpoint.endpoint.id, secret: res.data.createWebhookEndpoint.secret };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(20);
  }
}
