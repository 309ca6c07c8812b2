import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type E2E, staffLogin, startE2E } from './harness';

/**
 * The back office's partner-integration screens against a real server and a real webhook
 * receiver: an Acme owner creates an API key and a webhook endpoint through the API, the
 * receiver answers 500 to a test event, then compliance reads everything without being offered
 * a change, and a superadmin revokes the key (the API refuses it at once), disables the endpoint
 * and finds the failed delivery with the receiver's answer.
 */

let e2e: E2E;
let receiver: Server;
let receiverUrl: string;
let received = 0;

beforeAll(async () => {
  e2e = await startE2E();
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('upstream exploded: ERP is down for maintenance');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/atrium/hook`;
});
afterAll(async () => {
  if (receiver) {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
  await e2e?.close();
});

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const TICKETS = '{ tickets(first: 1) { totalCount } }';

/** What the owner set up through the API. */
let secret: string;
let endpointId: string;

describe('partner integrations in the back office', () => {
  beforeAll(async () => {
    const { accessToken: owner } = await e2e.app.login('owner@acme.test', 'acme');
    const key = await e2e.app.gql<{ createApiKey: { secret: string; apiKey: { id: string; prefix: string } } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix } } }',
      { input: { name: 'ERP sync', permissions: ['ticket:read'] } },
      { token: owner },
    );
    expect(key.errors).toBeUndefined();
    secret = key.data!.createApiKey.secret;
    // The key works before anyone revokes it.
    const before = await e2e.app.gql(TICKETS, {}, { token: secret });
    expect(before.errors).toBeUndefined();

    const endpoint = await e2e.app.gql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
      { input: { url: receiverUrl, events: ['ticket.created', 'ticket.updated'], description: 'Acme ERP bridge' } },
      { token: owner },
    );
    expect(endpoint.errors).toBeUndefined();
    endpointId = endpoint.data!.createWebhookEndpoint.endpoint.id;

    // A test event and a real one (a new ticket): the receiver answers 500 to both, so the worker
    // logs a failed attempt of each and schedules retries.
    const sent = await e2e.app.gql('mutation($id: ID!) { sendTestWebhook(id: $id) { id } }', { id: endpointId }, { token: owner });
    expect(sent.errors).toBeUndefined();
    const ticket = await e2e.app.gql(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
      { input: { subject: 'Invoices do not sync to the ERP', body: 'Since this morning.' } },
      { token: owner },
    );
    expect(ticket.errors).toBeUndefined();
    await waitUntil(async () => {
      const res = await e2e.app.gql<{ webhookDeliveries: { nodes: { eventType: string; status: string; responseStatus: number | null }[] } }>(
        'query($f: WebhookDeliveryFilter) { webhookDeliveries(first: 5, filter: $f) { nodes { eventType status responseStatus } } }',
        { f: { endpointId } },
        { token: owner },
      );
      const failing = (res.data?.webhookDeliveries.nodes ?? []).filter((d) => d.status === 'RETRYING' && d.responseStatus === 500);
      return failing.length === 2;
    }, 'the failed first attempts');
    expect(received).toBeGreaterThanOrEqual(2);
  });

  it('shows compliance every tenant’s keys, endpoints and failing deliveries, with no button to change them', async () => {
    const page = await e2e.newPage();
    await staffLogin(page, 'compliance@atrium.test');
    for (const entry of ['API keys', 'Webhooks', 'Delivery failures']) await page.getByRole('menuitem', { name: entry }).waitFor();

    await page.getByRole('menuitem', { name: 'API keys' }).click();
    const keyRow = page.locator('table tbody tr').filter({ hasText: 'ERP sync' });
    await keyRow.waitFor();
    for (const text of ['Acme Corporation', 'ticket:read', 'Olivia Owner', 'Never', 'Active']) expect(await keyRow.textContent()).toContain(text);
    await keyRow.click();
    await page.getByRole('heading', { name: 'ERP sync', level: 1 }).waitFor();
    await page.getByText('Never expires').first().waitFor();
    expect(await page.getByRole('button', { name: /Revoke/ }).count()).toBe(0);

    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    const endpointRow = page.locator('table tbody tr').filter({ hasText: receiverUrl });
    await endpointRow.waitFor();
    await endpointRow.click();
    await page.getByRole('heading', { name: receiverUrl, level: 1 }).waitFor();
    await page.locator('table tbody tr').filter({ hasText: 'webhook.test' }).waitFor();
    await page.getByText('Enabled', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: /Disable/ }).count()).toBe(0);
  });

  it('lets a superadmin revoke the key (the API refuses it at once), disable the endpoint and read the failed delivery', async () => {
    const page = await e2e.newPage();
    await staffLogin(page, 'staff@atrium.test');

    // API keys: the acme key, across tenants, filtered by tenant.
    await page.getByRole('menuitem', { name: 'API keys' }).click();
    const keyRow = page.locator('table tbody tr').filter({ hasText: 'ERP sync' });
    await keyRow.waitFor();
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-api-keys');
    await keyRow.click();
    await page.getByRole('heading', { name: 'ERP sync', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Revoke the API key ERP sync' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('Revoke the API key “ERP sync” of Acme Corporation?').waitFor();
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('API key “ERP sync” of Acme Corporation revoked.').waitFor();
    await page.getByText(/the API refuses this key/).waitFor();
    expect(await page.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    const after = await e2e.app.gql(TICKETS, {}, { token: secret });
    expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    // The endpoint: its failing test delivery, then disabled.
    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.locator('table tbody tr').filter({ hasText: receiverUrl }).click();
    await page.getByRole('heading', { name: receiverUrl, level: 1 }).waitFor();
    for (const event of ['webhook.test', 'ticket.created']) {
      const delivery = page.locator('table tbody tr').filter({ hasText: event });
      await delivery.waitFor();
      for (const text of ['Retrying', '500']) expect(await delivery.textContent()).toContain(text);
    }
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-webhook-endpoint');
    await page.getByRole('button', { name: `Disable the webhook endpoint ${receiverUrl}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable endpoint' }).click();
    await page.getByText('Webhook endpoint of Acme Corporation disabled.').waitFor();
    await page.getByText(/Disabled by Atrium staff/).first().waitFor();
    const [row] = await e2e.app.sql<{ enabled: boolean }>('select enabled from webhook_endpoints where url = ?', [receiverUrl]);
    expect(row?.enabled).toBe(false);

    // Disabling failed the ticket event's waiting delivery: it is listed among the failures, with the
    // receiver's answer. (A test event still goes out to a disabled endpoint: it keeps retrying.)
    await page.getByRole('menuitem', { name: 'Delivery failures' }).click();
    const failure = page.locator('table tbody tr').filter({ hasText: 'ticket.created' });
    await failure.waitFor();
    for (const text of ['Acme Corporation', receiverUrl, '500', 'Failed', 'The endpoint was disabled']) expect(await failure.textContent()).toContain(text);
    expect(await page.locator('table tbody tr').filter({ hasText: 'webhook.test' }).count()).toBe(0);
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-delivery-failures');
    await failure.click();
    await page.getByRole('heading', { name: 'ticket.created', level: 1 }).waitFor();
    await page.getByLabel('Last answer body').getByText('upstream exploded: ERP is down for maintenance').waitFor();
    await page.getByRole('table', { name: 'Attempts' }).getByRole('row').nth(1).waitFor();
    await e2e.screenshot(page, 'admin-delivery');
  });
});
