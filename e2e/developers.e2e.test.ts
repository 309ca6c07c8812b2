import { expect } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { type E2E, portalLogin, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP listener on a free port that answers 200 and keeps every request it gets. */
async function startListener(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks from the test listener');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/atrium`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function graphqlWith(secret: string, query: string): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] } }> {
  const res = await fetch(`${e2e.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as never };
}

/** The secret shown in the one-time dialog: copied with its button (read back from the clipboard) and checked against the text shown. */
async function copySecret(page: Page, label: string): Promise<string> {
  const dialog = page.getByRole('dialog');
  const shown = (await dialog.getByLabel(label, { exact: true }).innerText()).trim();
  await dialog.getByRole('button', { name: `Copy secret: ${label}` }).click();
  await dialog.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
  return copied;
}

async function closeSecretDialog(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('I have stored it somewhere safe').check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('an owner creates a key and uses it, receives a signed test webhook, sees it in the log, reads the docs and revokes the key', async () => {
  const listener = await startListener();
  try {
    const page = await e2e.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.url });
    await portalLogin(page, 'owner@acme.test');

    // The menu offers Developers to an owner; it opens on the API keys tab.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Developers' }).click();
    await page.waitForURL('**/developers/keys');
    await page.getByRole('tab', { name: 'API keys', selected: true }).waitFor();

    // Create a key with two ticket permissions.
    await page.getByRole('button', { name: 'Create API key' }).click();
    const create = page.getByRole('dialog', { name: 'Create an API key' });
    await create.getByLabel('Name').fill('ERP sync (e2e)');
    await create.getByRole('checkbox', { name: /ticket:read/ }).check();
    await create.getByRole('checkbox', { name: /ticket:write/ }).check();
    await e2e.screenshot(page, 'portal-developers-key-create', { fullPage: false });
    await create.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('dialog', { name: /Your new API key: ERP sync \(e2e\)/ }).waitFor();
    await page.getByText('This is the only time it is shown.').waitFor();
    await e2e.screenshot(page, 'portal-developers-key-secret', { fullPage: false });
    const secret = await copySecret(page, 'API key secret');
    expect(secret).toMatch(/^atr_/);
    await closeSecretDialog(page);

    const keys = page.getByRole('table', { name: 'API keys' });
    const keyRow = keys.getByRole('row').filter({ hasText: 'ERP sync (e2e)' });
    await keyRow.filter({ hasText: 'ticket:read' }).waitFor();
    await keyRow.filter({ hasText: 'ticket:write' }).waitFor();
    await keyRow.filter({ hasText: 'Active' }).waitFor();
    await keyRow.filter({ hasText: secret.slice(0, 12) }).waitFor();
    await e2e.screenshot(page, 'portal-developers-keys');

    // The real API accepts the key and reads the tenant's tickets with it.
    const read = await graphqlWith(secret, '{ me { permissions apiKey { name } } tickets(first: 3) { totalCount nodes { number subject } } }');
    expect(read.status).toBe(200);
    expect(read.body.errors).toBeUndefined();
    const me = read.body.data?.me as { permissions: string[]; apiKey: { name: string } };
    expect(me.apiKey.name).toBe('ERP sync (e2e)');
    expect(me.permissions).toEqual(['ticket:read', 'ticket:write']);
    expect((read.body.data?.tickets as { totalCount: number }).totalCount).toBeGreaterThan(0);

    // Register a webhook endpoint pointing at the listener.
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.waitForURL('**/developers/webhooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const addEndpoint = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
    await addEndpoint.getByLabel('Endpoint URL').fill(listener.url);
    await addEndpoint.getByRole('checkbox', { name: 'ticket.created' }).check();
    await addEndpoint.getByLabel('Description (optional)').fill('The e2e listener');
    await addEndpoint.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('dialog', { name: 'Your endpoint’s signing secret' }).waitFor();
    const signingSecret = await copySecret(page, 'Webhook signing secret');
    expect(signingSecret).toMatch(/^whsec_/);
    await closeSecretDialog(page);

    const endpoints = page.getByRole('table', { name: 'Webhook endpoints' });
    await endpoints.filter({ hasText: listener.url }).waitFor();
    await endpoints.filter({ hasText: 'The e2e listener' }).waitFor();
    await endpoints.filter({ hasText: 'Enabled' }).waitFor();

    // Send a test event: the listener gets a request signed with the secret shown.
    await page.getByRole('button', { name: `Send test event to ${listener.url}` }).click();
    await page.getByText(/A test event \(webhook.test\) is on its way/).waitFor();
    const deadline = Date.now() + 20_000;
    while (listener.received.length === 0 && Date.now() < deadline) await sleep(100);
    expect(listener.received).toHaveLength(1);
    const delivery = listener.received[0];
    if (!delivery) throw new Error('No delivery');
    const verified = new Webhook(signingSecret).verify(delivery.body, delivery.headers as Record<string, string>) as { type: string };
    expect(verified.type).toBe('webhook.test');
    expect(() => new Webhook(`whsec_${Buffer.from('not the secret at all!!').toString('base64')}`).verify(delivery.body, delivery.headers as Record<string, string>)).toThrow();
    await e2e.screenshot(page, 'portal-developers-webhooks');

    // The delivery log shows it as succeeded, with the listener's answer in its details.
    await page.getByRole('tab', { name: 'Delivery log' }).click();
    await page.waitForURL('**/developers/deliveries');
    const log = page.getByRole('table', { name: 'Webhook deliveries' });
    const testRow = log.getByRole('row').filter({ hasText: 'webhook.test' });
    const succeeded = testRow.filter({ hasText: 'Succeeded' });
    for (let i = 0; i < 40 && (await succeeded.count()) === 0; i++) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await sleep(300);
    }
    await testRow.filter({ hasText: 'Succeeded' }).waitFor();
    await testRow.filter({ hasText: 'HTTP 200' }).waitFor();
    await e2e.screenshot(page, 'portal-developers-deliveries');
    await testRow.getByRole('button', { name: /^Details of webhook.test/ }).click();
    const detail = page.getByRole('dialog', { name: 'Delivery of webhook.test' });
    await detail.filter({ hasText: 'thanks from the test listener' }).waitFor();
    await detail.filter({ hasText: delivery.headers['webhook-id'] as string }).waitFor();
    await detail.getByRole('button', { name: 'Close' }).click();

    // The documentation uses this server's origin and links the schema.
    await page.getByRole('tab', { name: 'Documentation' }).click();
    await page.waitForURL('**/developers/docs');
    await page.getByLabel('curl example', { exact: true }).filter({ hasText: `${e2e.url}/graphql` }).waitFor();
    await page.getByLabel('Webhook verification example', { exact: true }).filter({ hasText: 'standardwebhooks' }).waitFor();
    expect(await page.getByRole('link', { name: 'Download schema.graphql' }).getAttribute('href')).toBe('/api/schema.graphql');
    const schema = await fetch(`${e2e.url}/api/schema.graphql`);
    expect(await schema.text()).toContain('type ApiKey');
    await e2e.screenshot(page, 'portal-developers-docs');

    // Revoke the key: the API answers UNAUTHENTICATED from then on.
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'Revoke ERP sync (e2e)' }).click();
    await page.getByRole('dialog', { name: 'Revoke ERP sync (e2e)?' }).getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: 'ERP sync (e2e)' }).filter({ hasText: 'Revoked' }).waitFor();
    const refused = await graphqlWith(secret, '{ tickets(first: 1) { totalCount } }');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.body.errors?.[0]?.extensions?.reason).toBe('API_KEY_REVOKED');
  } finally {
    await listener.close();
  }
});
