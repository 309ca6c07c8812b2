import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp';
import { ConfigError, loadConfig } from '../../../config';
import { provisionTenant } from '../../tenancy/tenant.factory';
import { enqueueMail, type MailRequest } from '../mail.outbox';
import { createMailTransport, type MailTransport } from '../mail.transport';
import { MailWorker } from '../mail.worker';

/**
 * The mail outbox against a real database and a real SMTP server: mail exists only if the
 * enqueuing transaction commits and then goes out at once; with the SMTP server down it waits
 * and goes out when the server is back; a worker that dies between sending and marking causes at
 * most one more send and one mark; racing workers send each mail once. Without SMTP_URL mail
 * lands in the development mailbox (JSON and HTML), which production does not have.
 */

const PUBLIC_URL = 'https://portal.example.test';

interface Row {
  id: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  sent_at: string | null;
  transport: string | null;
  message_id: string | null;
  subject: string;
  text: string;
  html: string;
  tenant_id: string | null;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const reset = (to: string, token = `reset-${to}`): MailRequest => ({
  template: 'password-reset',
  to,
  data: { name: 'Ada Lovelace', token, expiresAt: new Date(Date.now() + 60 * 60 * 1000) },
});

async function commit(t: TestApp, ...mails: MailRequest[]): Promise<void> {
  await t.orm.em.fork().transactional(async (em) => {
    for (const mail of mails) enqueueMail(em, t.app.services.config, mail);
  });
}

async function rowsTo(t: TestApp, to: string): Promise<Row[]> {
  return t.sql<Row>('select * from mail_outbox where "to" = ? order by created_at, id', [to]);
}

async function rowTo(t: TestApp, to: string): Promise<Row> {
  const rows = await rowsTo(t, to);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** Time travel for a mail: its retry or its lease is over now. */
async function makeDue(t: TestApp, to: string): Promise<void> {
  await t.sql(`update mail_outbox set next_attempt_at = now() - interval '1 second' where "to" = ? and status = 'PENDING'`, [to]);
}

describe('mail through a real SMTP server, sent by the app as soon as it commits', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let tenantId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    // The harness turns the worker's own polling off: only the commit nudge can send these mails.
    t = await startTestApp({ seed: false, env: { SMTP_URL: smtp.url, PUBLIC_URL: `${PUBLIC_URL}/` } });
    const em = t.orm.em.fork();
    tenantId = provisionTenant(em, { slug: 'mailco', name: 'Mail & Co' }).tenant.id;
    await em.flush();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('delivers a mail of a committed transaction with text and HTML parts and links to PUBLIC_URL; a rolled-back one never', async () => {
    expect(t.app.mail.transportKind).toBe('smtp');
    await expect(
      t.orm.em.fork().transactional(async (em) => {
        enqueueMail(em, t.app.services.config, reset('rolled.back@example.test'));
        await em.flush();
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await commit(t, {
      template: 'invitation',
      to: 'new.colleague@example.test',
      tenantId,
      data: { tenantName: 'Mail & Co', roleName: 'agent', inviterName: 'Grace Hopper', token: 'inv-token-123', expiresAt: new Date(Date.now() + 7 * 86_400_000), newTenant: false },
    });

    const mail = await smtp.waitForMail('new.colleague@example.test');
    await t.app.mail.idle();
    expect(mail.subject).toBe('Grace Hopper invited you to join Mail & Co on Atrium');
    expect(mail.text).toContain('Grace Hopper invited you to join Mail & Co on Atrium as agent');
    expect(mail.text).toContain(`${PUBLIC_URL}/invite/inv-token-123`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/invite/inv-token-123"`);
    expect(mail.html).toContain('Mail &amp; Co');
    expect(mail.links).toContain(`${PUBLIC_URL}/invite/inv-token-123`);
    for (const link of mail.links) expect(link.startsWith(`${PUBLIC_URL}/`)).toBe(true);

    // Sent once and marked: the body with its one-time link is not kept once SMTP has it.
    const row = await rowTo(t, 'new.colleague@example.test');
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, transport: 'smtp', tenant_id: tenantId, text: '', html: '', lease_until: null, locked_by: null });
    expect(row.subject).toBe(mail.subject);
    expect(row.message_id).toBe(mail.messageId);
    expect(new Date(String(row.sent_at)).getTime()).toBeGreaterThan(0);

    // The rolled-back mail was never written, so nothing is left to send.
    await commit(t, reset('after.rollback@example.test'));
    await smtp.waitForMail('after.rollback@example.test');
    await t.app.mail.idle();
    expect(await t.app.mail.deliverDue()).toBe(0);
    expect(await rowsTo(t, 'rolled.back@example.test')).toEqual([]);
    expect(smtp.mailsTo('rolled.back@example.test')).toEqual([]);
  });

  it('sends mail persisted by a plain flush, and mail from a nested transaction once the outer one commits', async () => {
    const em = t.orm.em.fork();
    enqueueMail(em, t.app.services.config, reset('plain.flush@example.test'));
    await em.flush();
    expect((await smtp.waitForMail('plain.flush@example.test')).subject).toBe('Reset your Atrium password');

    await t.orm.em.fork().transactional(async (outer) => {
      await outer.transactional(async (inner) => {
        enqueueMail(inner, t.app.services.config, reset('nested@example.test'));
      });
    });
    expect((await smtp.waitForMail('nested@example.test')).links).toEqual([`${PUBLIC_URL}/reset-password/reset-nested%40example.test`, `${PUBLIC_URL}/`]);
  });
});

describe('the outbox worker, driven step by step', () => {
  let smtp: TestSmtp;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ seed: false, env: { SMTP_URL: smtp.url, MAIL_WORKER_ENABLED: 'false' } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const logger = () => t.app.services.logger;
  const mailConfig = () => t.app.services.config.mail;

  it('keeps mail while the SMTP server is down, backs off, and sends it when the server is back', async () => {
    await smtp.stop();
    await commit(t, reset('down@example.test', 'down-token'));
    const before = Date.now();
    expect(await t.app.mail.deliverDue()).toBe(0);
    let row = await rowTo(t, 'down@example.test');
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, transport: 'smtp', lease_until: null, locked_by: null });
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(before);
    expect(row.last_error).toMatch(/^E[A-Z]+: /);
    expect(row.last_error).not.toContain('down-token');
    expect(row.text).toContain('down-token');

    // Not due yet: nothing is tried, even with the server back.
    await smtp.restart();
    expect(await t.app.mail.deliverDue()).toBe(0);
    expect((await rowTo(t, 'down@example.test')).attempts).toBe(1);
    expect(smtp.mailsTo('down@example.test')).toEqual([]);

    await makeDue(t, 'down@example.test');
    expect(await t.app.mail.deliverDue()).toBe(1);
    const mail = await smtp.waitForMail('down@example.test');
    expect(mail.text).toContain('http://localhost:4000/reset-password/down-token');
    row = await rowTo(t, 'down@example.test');
    expect(row).toMatchObject({ status: 'SENT', attempts: 2, last_error: null });
  });

  it('gives up after the last attempt (FAILED, body kept) and never tries a FAILED mail again', async () => {
    const worker = new MailWorker(t.orm, { ...mailConfig(), maxAttempts: 2 }, logger());
    smtp.refuse(true);
    try {
      await commit(t, reset('refused@example.test'));
      expect(await worker.deliverDue()).toBe(0);
      expect(await rowTo(t, 'refused@example.test')).toMatchObject({ status: 'PENDING', attempts: 1 });
      expect((await rowTo(t, 'refused@example.test')).last_error).toMatch(/421/);
      await makeDue(t, 'refused@example.test');
      expect(await worker.deliverDue()).toBe(0);
      const row = await rowTo(t, 'refused@example.test');
      expect(row).toMatchObject({ status: 'FAILED', attempts: 2 });
      expect(row.text).toContain('/reset-password/');
    } finally {
      smtp.refuse(false);
    }
    await t.sql(`update mail_outbox set next_attempt_at = now() - interval '1 hour' where "to" = ?`, ['refused@example.test']);
    expect(await worker.deliverDue()).toBe(0);
    expect(await rowTo(t, 'refused@example.test')).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(smtp.mailsTo('refused@example.test')).toEqual([]);
  });

  it('deletes sent and failed mail older than MAIL_RETENTION_DAYS, and keeps newer and pending mail', async () => {
    await commit(t, reset('old-sent@example.test'), reset('old-failed@example.test'), reset('new-sent@example.test'), reset('old-pending@example.test'));
    const old = new Date(Date.now() - (mailConfig().retentionDays + 1) * 86_400_000);
    await t.sql(`update mail_outbox set status = 'SENT', sent_at = ?, updated_at = ? where "to" = ?`, [old, old, 'old-sent@example.test']);
    await t.sql(`update mail_outbox set status = 'FAILED', updated_at = ? where "to" = ?`, [old, 'old-failed@example.test']);
    await t.sql(`update mail_outbox set status = 'SENT', sent_at = now() where "to" = ?`, ['new-sent@example.test']);
    await t.sql(`update mail_outbox set created_at = ?, updated_at = ?, next_attempt_at = now() + interval '1 day' where "to" = ?`, [old, old, 'old-pending@example.test']);

    expect(await t.app.mail.pruneSent()).toBe(2);
    expect(await rowsTo(t, 'old-sent@example.test')).toEqual([]);
    expect(await rowsTo(t, 'old-failed@example.test')).toEqual([]);
    expect(await rowsTo(t, 'new-sent@example.test')).toHaveLength(1);
    expect(await rowsTo(t, 'old-pending@example.test')).toHaveLength(1);
    expect(await t.app.mail.pruneSent()).toBe(0);
    await t.sql(`delete from mail_outbox where "to" in (?, ?)`, ['new-sent@example.test', 'old-pending@example.test']);
  });

  it('fails at once when the server refuses the recipient for good (550)', async () => {
    smtp.rejectRecipient('nobody@example.test');
    await commit(t, reset('nobody@example.test'));
    expect(await t.app.mail.deliverDue()).toBe(0);
    const row = await rowTo(t, 'nobody@example.test');
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row.last_error).toMatch(/^EENVELOPE 550: /);
  });

  it('sends again at most once after a worker died between sending and marking, and marks the mail once', async () => {
    const real = createMailTransport(mailConfig());
    const gate = deferred();
    // Sends for real, then hangs before the worker can mark the mail: a worker that died there.
    const dying: MailTransport = {
      kind: real.kind,
      async send(mail) {
        const info = await real.send(mail);
        await gate.promise;
        return info;
      },
      close: () => real.close(),
    };
    const crashed = new MailWorker(t.orm, mailConfig(), logger(), { transport: dying, workerId: 'crashed' });
    await commit(t, reset('crash@example.test', 'crash-token'));
    const crashedRun = crashed.deliverDue();
    const first = await smtp.waitForMail('crash@example.test');
    const held = await rowTo(t, 'crash@example.test');
    expect(held).toMatchObject({ status: 'SENDING', attempts: 1 });
    expect(held.locked_by).not.toBeNull();

    // While the lease holds, nobody else sends it.
    const other = new MailWorker(t.orm, mailConfig(), logger(), { workerId: 'other' });
    expect(await other.deliverDue()).toBe(0);
    expect(smtp.mailsTo('crash@example.test')).toHaveLength(1);

    // The lease runs out: two workers race for the mail; exactly one sends it again.
    await t.sql(`update mail_outbox set lease_until = now() - interval '1 second' where "to" = ?`, ['crash@example.test']);
    const [a, b] = await Promise.all([t.app.mail.deliverDue(), other.deliverDue()]);
    expect(a + b).toBe(1);
    const [, second] = await smtp.waitForMails('crash@example.test', 2);
    expect(second?.messageId).toBe(first.messageId);
    const marked = await rowTo(t, 'crash@example.test');
    expect(marked).toMatchObject({ status: 'SENT', attempts: 2, locked_by: null, lease_until: null });

    // The dead worker comes back: its lease is gone, so it marks nothing.
    gate.resolve();
    expect(await crashedRun).toBe(0);
    expect(await rowTo(t, 'crash@example.test')).toEqual(marked);

    // A SENT mail is never sent again.
    await t.sql(`update mail_outbox set next_attempt_at = now() - interval '1 hour' where "to" = ?`, ['crash@example.test']);
    expect(await Promise.all([t.app.mail.deliverDue(), other.deliverDue()])).toEqual([0, 0]);
    expect(smtp.mailsTo('crash@example.test')).toHaveLength(2);
  });

  it('sends each mail exactly once when two workers race for them', async () => {
    const recipients = Array.from({ length: 10 }, (_, i) => `race-${i}@example.test`);
    await commit(t, ...recipients.map((to) => reset(to)));
    const other = new MailWorker(t.orm, { ...mailConfig(), concurrency: 3 }, logger(), { workerId: 'racer' });
    const [a, b] = await Promise.all([t.app.mail.deliverDue(), other.deliverDue()]);
    expect(a + b).toBe(recipients.length);
    for (const to of recipients) {
      expect(smtp.mailsTo(to)).toHaveLength(1);
      expect(await rowTo(t, to)).toMatchObject({ status: 'SENT', attempts: 1 });
    }
    expect(await Promise.all([t.app.mail.deliverDue(), other.deliverDue()])).toEqual([0, 0]);
  });

  it('signs in to an SMTP server with the credentials of SMTP_URL, and never records them', async () => {
    const guarded = await startTestSmtp({ auth: { user: 'atrium', pass: 'right-secret' } });
    try {
      const wrongUrl = guarded.url.replace('right-secret', 'wrong-secret-123');
      const wrong = new MailWorker(t.orm, { ...mailConfig(), smtpUrl: wrongUrl }, logger());
      await commit(t, reset('guarded@example.test'));
      expect(await wrong.deliverDue()).toBe(0);
      const row = await rowTo(t, 'guarded@example.test');
      expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
      expect(row.last_error).toMatch(/^EAUTH 535: /);
      expect(row.last_error).not.toMatch(/secret|atrium:/);

      await makeDue(t, 'guarded@example.test');
      const right = new MailWorker(t.orm, { ...mailConfig(), smtpUrl: guarded.url }, logger());
      expect(await right.deliverDue()).toBe(1);
      expect((await guarded.waitForMail('guarded@example.test')).subject).toBe('Reset your Atrium password');
      await Promise.all([wrong.stop(), right.stop()]);
    } finally {
      await guarded.stop();
    }
  });
});

describe('the development mailbox (no SMTP_URL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { MAIL_WORKER_ENABLED: 'false' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps mail locally and lists it newest first, as JSON and as a page with clickable links', async () => {
    expect(t.app.mail.transportKind).toBe('local');
    await commit(t, { template: 'password-reset', to: 'first@example.test', data: { name: '<b>Ada</b> & "Co"', token: 'tok-first', expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await t.app.mail.deliverDue()).toBe(1);
    await commit(t, { template: 'password-changed', to: 'second@example.test', data: { name: 'Grace', at: new Date() } });
    expect(await t.app.mail.deliverDue()).toBe(1);
    expect(await rowTo(t, 'first@example.test')).toMatchObject({ status: 'SENT', transport: 'local', attempts: 1 });

    const res = await fetch(`${t.url}/api/dev/mailbox`);
    expect(res.status).toBe(200);
    const mails = (await res.json()) as Record<string, unknown>[];
    expect(mails.map((m) => m.to)).toEqual(['second@example.test', 'first@example.test']);
    for (const m of mails) {
      expect(Object.keys(m).sort()).toEqual(['html', 'sentAt', 'subject', 'text', 'to']);
      expect(new Date(String(m.sentAt)).toISOString()).toBe(m.sentAt);
    }
    expect(mails[1]).toMatchObject({ subject: 'Reset your Atrium password' });
    expect(String(mails[1]?.text)).toContain('http://localhost:4000/reset-password/tok-first');
    expect(String(mails[1]?.html)).toContain('href="http://localhost:4000/reset-password/tok-first"');

    const page = await fetch(`${t.url}/dev/mailbox`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<a href="http://localhost:4000/reset-password/tok-first">http://localhost:4000/reset-password/tok-first</a>');
    expect(html).toContain('<a href="http://localhost:4000/account">');
    expect(html).toContain('&lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Co&quot;');
    expect(html).not.toContain('<b>Ada</b>');
    expect(html).not.toMatch(/<script/i);
    expect(html.indexOf('second@example.test')).toBeLessThan(html.indexOf('first@example.test'));
    // The app's policy: no inline script can run on it.
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    const { id } = await rowTo(t, 'first@example.test');
    const own = await fetch(`${t.url}/dev/mailbox/${id}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-security-policy')).toMatch(/^sandbox /);
    expect(await own.text()).toContain('href="http://localhost:4000/reset-password/tok-first"');
    expect((await fetch(`${t.url}/dev/mailbox/00000000-0000-7000-8000-000000000000`)).status).toBe(404);
    expect((await fetch(`${t.url}/dev/mailbox/not-an-id`)).status).toBe(404);
  });

  it('sends mail to the mailbox as soon as it commits when the worker runs', async () => {
    const live = await startTestApp({ seed: false });
    try {
      await commit(live, reset('live@example.test'));
      let mails: { to: string }[] = [];
      for (let i = 0; i < 200 && !mails.some((m) => m.to === 'live@example.test'); i++) {
        if (i) await new Promise((r) => setTimeout(r, 50));
        mails = (await (await fetch(`${live.url}/api/dev/mailbox`)).json()) as { to: string }[];
      }
      expect(mails.map((m) => m.to)).toEqual(['live@example.test']);
    } finally {
      await live.close();
    }
  });
});

describe('production', () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'atrium-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>portal</title>');
    t = await startTestApp({
      seed: false,
      env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://unused/atrium', SMTP_URL: 'smtp://mail.invalid:25', CLIENT_DIST_DIR: dist },
    });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('has no development mailbox, and the portal does not answer for it', async () => {
    expect(await (await fetch(`${t.url}/account`, { headers: { accept: 'text/html' } })).text()).toContain('<title>portal</title>');
    for (const path of ['/api/dev/mailbox', '/dev/mailbox', '/dev/mailbox/00000000-0000-7000-8000-000000000000']) {
      const res = await fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('portal');
    }
  });

  it('refuses to start without SMTP_URL', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db/atrium', PUBLIC_URL: 'https://portal.example.test' };
    expect(() => loadConfig(base)).toThrow(ConfigError);
    expect(() => loadConfig(base)).toThrow(/SMTP_URL is required in production/);
    expect(() => loadConfig({ ...base, SMTP_URL: '' })).toThrow(/SMTP_URL is required in production/);
    expect(loadConfig({ ...base, SMTP_URL: 'smtps://user:pass@mail.example.test:465' }).mail.smtpUrl).toBe('smtps://user:pass@mail.example.test:465');
  });

  it('refuses to start without PUBLIC_URL, which every mailed link starts with', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db/atrium', SMTP_URL: 'smtp://mail.example.test:587' };
    expect(() => loadConfig(base)).toThrow(/PUBLIC_URL is required in production/);
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://portal.example.test/' }).publicUrl).toBe('https://portal.example.test');
  });
});

describe('mail configuration', () => {
  const env = (extra: Record<string, string> = {}) => ({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), ...extra });

  it('has working defaults', () => {
    const config = loadConfig(env());
    expect(config.publicUrl).toBe('http://localhost:4000');
    // Unset, it is this server on its own port, so a second local server mails working links.
    expect(loadConfig(env({ PORT: '4300' })).publicUrl).toBe('http://localhost:4300');
    expect(config.mail).toEqual({
      smtpUrl: null,
      from: 'Atrium <no-reply@localhost>',
      workerEnabled: true,
      pollIntervalMs: 30_000,
      concurrency: 4,
      maxAttempts: 12,
      backoffBaseMs: 5000,
      backoffMaxMs: 3_600_000,
      leaseMs: 120_000,
      smtpTimeoutMs: 10_000,
      retentionDays: 14,
    });
  });

  it('reads PUBLIC_URL without its trailing slash, and refuses what would break links or leases', () => {
    expect(loadConfig(env({ PUBLIC_URL: 'https://portal.example.test/' })).publicUrl).toBe('https://portal.example.test');
    expect(loadConfig(env({ PUBLIC_URL: 'https://example.test/portal//' })).publicUrl).toBe('https://example.test/portal');
    expect(() => loadConfig(env({ PUBLIC_URL: 'ftp://example.test' }))).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig(env({ PUBLIC_URL: 'https://example.test/?x=1' }))).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig(env({ SMTP_URL: 'http://mail.example.test' }))).toThrow(/SMTP_URL: must be an smtp/);
    expect(() => loadConfig(env({ MAIL_LEASE_SECONDS: '20', MAIL_SMTP_TIMEOUT_MS: '10000' }))).toThrow(/MAIL_LEASE_SECONDS/);
    expect(() => loadConfig(env({ MAIL_WORKER_ENABLED: 'maybe' }))).toThrow(ConfigError);
  });
});
