import type { LookupAddress } from 'node:dns';
import { randomBytes } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
import { postWebhook, signedHeaders } from '../webhook.sender';
import { checkWebhookUrl, refusedAddress, WebhookTargetRefused } from '../webhook.ssrf';
import { CREATE_ENDPOINT, type Receiver, startReceiver } from './helpers';

/**
 * Where webhooks may go: the production rule as pure functions (isProduction is a parameter),
 * the same rule at delivery time on the addresses the connection really uses, and an app started
 * in production mode refusing a loopback URL.
 */

const PRODUCTION = { isProduction: true };
const DEVELOPMENT = { isProduction: false };
const dns = (...addresses: string[]) => async (): Promise<LookupAddress[]> => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('the production address rule', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s (%s)', (address, range) => {
    expect(refusedAddress(address)).toBe(`${address} is a ${range} address`);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'])('allows the public address %s', (address) => {
    expect(refusedAddress(address)).toBeNull();
  });

  it.each([
    ['https://127.0.0.1/hook', '127.0.0.1 is a loopback address'],
    ['https://10.0.0.7/hook', '10.0.0.7 is a private address'],
    ['https://169.254.169.254/latest/meta-data/', '169.254.169.254 is a linkLocal address'],
    ['https://[::1]:8443/hook', '::1 is a loopback address'],
    ['https://[fd00:ec2::254]/', 'fd00:ec2::254 is a uniqueLocal address'],
    ['https://localhost/hook', 'is a loopback address'],
  ])('refuses %s when it is saved', async (url, why) => {
    await expect(checkWebhookUrl(url, PRODUCTION)).rejects.toThrow(why);
    await expect(checkWebhookUrl(url, PRODUCTION)).rejects.toBeInstanceOf(WebhookTargetRefused);
  });

  it('refuses a name when any of its addresses is private, and allows one that resolves to public addresses only', async () => {
    await expect(checkWebhookUrl('https://hooks.partner.example/in', PRODUCTION, dns('93.184.215.14', '10.0.0.8'))).rejects.toThrow('10.0.0.8 is a private address');
    await expect(checkWebhookUrl('https://hooks.partner.example/in', PRODUCTION, dns('93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'))).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('https://93.184.215.14/in', PRODUCTION)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('https://hooks.partner.example/in', PRODUCTION, async () => Promise.reject(new Error('ENOTFOUND')))).rejects.toThrow('could not be resolved');
  });

  it('wants https in production, http(s) only, and no credentials', async () => {
    await expect(checkWebhookUrl('http://93.184.215.14/in', PRODUCTION)).rejects.toThrow('Use an https:// URL.');
    await expect(checkWebhookUrl('ftp://93.184.215.14/in', DEVELOPMENT)).rejects.toThrow('Use an http:// or https:// URL.');
    await expect(checkWebhookUrl('https://user:pass@93.184.215.14/in', PRODUCTION)).rejects.toThrow('credentials');
    await expect(checkWebhookUrl('not a url', DEVELOPMENT)).rejects.toThrow('Enter a full URL');
  });

  it('allows local targets outside production', async () => {
    await expect(checkWebhookUrl('http://127.0.0.1:9/hook', DEVELOPMENT)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://localhost:9/hook', DEVELOPMENT)).resolves.toBeInstanceOf(URL);
  });
});

describe('at delivery time', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  const headers = () => signedHeaders('evt_ssrf', '{}', [`whsec_${randomBytes(32).toString('base64')}`], new Date());

  it('connects to the address it checked: a name that now resolves to loopback is refused and nothing is sent', async () => {
    const port = new URL(receiver.url).port;
    // The name was public when saved; at delivery it answers 127.0.0.1 (DNS rebinding).
    const result = await postWebhook(`https://rebound.partner.example:${port}/in`, '{}', headers(), { timeoutMs: 2000, policy: PRODUCTION, resolve: dns('127.0.0.1') });
    expect(result).toMatchObject({ status: null, succeeded: false });
    expect(result.error).toContain('127.0.0.1 is a loopback address');
    expect(receiver.receipts).toEqual([]);
  });

  it('delivers to the address the lookup handed over outside production', async () => {
    const port = new URL(receiver.url).port;
    const result = await postWebhook(`http://partner.example:${port}/in`, '{}', headers(), { timeoutMs: 2000, policy: DEVELOPMENT, resolve: dns('127.0.0.1') });
    expect(result).toMatchObject({ status: 200, succeeded: true, excerpt: 'ok', error: null });
    expect(receiver.receipts).toHaveLength(1);
    expect(receiver.receipts[0]?.headers.host).toBe(`partner.example:${port}`);
  });

  it('follows no redirect and gives up after the timeout', async () => {
    receiver.answer(302, 'moved');
    const redirected = await postWebhook(`${receiver.url}/in`, '{}', headers(), { timeoutMs: 2000, policy: DEVELOPMENT });
    expect(redirected).toMatchObject({ status: 302, succeeded: false, error: 'The endpoint answered HTTP 302 (redirects are not followed).' });
    receiver.answer(200);
    // An address that takes the connection and never answers.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const timedOut = await postWebhook(`http://127.0.0.1:${port}/in`, '{}', headers(), { timeoutMs: 300, policy: DEVELOPMENT });
    expect(timedOut).toMatchObject({ status: null, succeeded: false, error: 'No answer within 0.3 s.' });
    expect(timedOut.durationMs).toBeGreaterThanOrEqual(290);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
});

describe('an app in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        // Production insists on these; the harness connects the ORM itself and no mail is sent.
        DATABASE_URL: 'postgresql://unused@127.0.0.1:1/unused',
        SMTP_URL: 'smtp://127.0.0.1:1',
        MAIL_WORKER_ENABLED: 'false',
        WEBHOOK_WORKER_ENABLED: 'false',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['https://127.0.0.1/hook', 'https://localhost:8443/hook', 'https://[::1]/hook', 'https://169.254.169.254/latest/meta-data', 'http://93.184.215.14/hook'])(
    'refuses %s with BAD_USER_INPUT on url, and stores nothing',
    async (url) => {
      const { accessToken } = await t.login('owner@acme.test');
      const res = await t.gql(CREATE_ENDPOINT, { input: { url, events: ['ticket.created'] } }, { token: accessToken });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions.fields).toEqual([expect.objectContaining({ field: 'url' })]);
      expect(await t.count('select count(*) as n from webhook_endpoints')).toBe(0);
    },
  );
});
