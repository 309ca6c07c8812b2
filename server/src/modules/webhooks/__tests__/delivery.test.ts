import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { toGlobalId } from '../../../common/global-id';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp';
import { makeRun } from '../../runs/run.factory';
import { RunExecutor } from '../../runs/run.executor';
import { RunError } from '../../runs/run.handler';
import { provisionTenant } from '../../tenancy/tenant.factory';
import { Tenant } from '../../tenancy/tenant.entity';
import { makeTool } from '../../tools/tool.factory';
import { emitWebhookEvent } from '../webhook.emit';
import { WEBHOOK_EVENT_TYPES } from '../webhook.events';
import { WebhookWorker, type WebhookClaim } from '../webhook.worker';
import { postWebhook } from '../webhook.sender';
import {
  createEndpoint,
  DELIVERIES,
  headersOf,
  type Receiver,
  REDELIVER,
  ROTATE,
  SEND_TEST,
  startReceiver,
  UPDATE_ENDPOINT,
  verified,
  waitFor,
} from './helpers';

/**
 * Outbound webhooks end to end: real PostgreSQL, a real HTTP receiver on 127.0.0.1 and a real
 * SMTP server. The app's own worker is off (WEBHOOK_WORKER_ENABLED=false) so each test decides
 * when deliveries go out: `t.app.webhooks.deliverDue()`, or a worker of its own with a moved clock.
 */

let t: TestApp;
let smtp: TestSmtp;
let receiver: Receiver;
const tokens: Record<string, string> = {};
let acmeId: string;

function ok<T>(res: GqlResponse<T>): T {
  if (res.errors?.length || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

async function token(email: string): Promise<string> {
  tokens[email] ??= (await t.login(email)).accessToken;
  return tokens[email];
}

async function staffToken(): Promise<string> {
  return token('staff@atrium.test');
}

const counts = async () => ({
  events: await t.count('select count(*) as n from webhook_events'),
  deliveries: await t.count('select count(*) as n from webhook_deliveries'),
});

async function createTicket(subject = `Webhook ticket ${randomUUID().slice(0, 8)}`): Promise<{ id: string; version: number }> {
  const res = await t.gql<{ createTicket: { id: string; version: number } }>(
    'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id version } }',
    { input: { subject, body: 'Something is wrong.' } },
    { token: await token('agent@acme.test') },
  );
  return ok(res).createTicket;
}

const rawId = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1] ?? '';

async function deliveryRow(endpointGid: string): Promise<{ id: string; status: string; attempt_count: number; next_attempt_at: Date | null; attempt_log: any[] }[]> {
  const rows = await t.sql<{ id: string; status: string; attempt_count: number; next_attempt_at: string | Date | null; attempt_log: any[] }>(
    'select id, status, attempt_count, next_attempt_at, attempt_log from webhook_deliveries where endpoint_id = ? order by created_at, id',
    [rawId(endpointGid)],
  );
  return rows.map((r) => ({ ...r, next_attempt_at: r.next_attempt_at === null ? null : new Date(r.next_attempt_at) }));
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await startTestApp({ env: { SMTP_URL: smtp.url, WEBHOOK_WORKER_ENABLED: 'false' } });
  receiver = await startReceiver();
  acmeId = await t.tenantId('acme');
});

afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await smtp?.stop();
});

beforeEach(async () => {
  receiver.answer(200);
  receiver.receipts.length = 0;
  // Each test starts with no endpoint enabled and nothing due: what it counts is its own.
  await t.sql(`update webhook_endpoints set enabled = false, disabled_reason = 'an earlier test', disabled_at = now()`);
  await t.sql(`update webhook_deliveries set status = 'FAILED', next_attempt_at = null, error = 'an earlier test' where status in ('PENDING', 'RETRYING', 'SENDING')`);
});

/** Endpoints from earlier tests stay; each test that counts receipts gives its own path. */
async function freshEndpoint(events: string[], path = `/${randomUUID()}`, as = 'owner@acme.test'): Promise<{ id: string; secret: string; url: string }> {
  const url = `${receiver.url}${path}`;
  return { ...(await createEndpoint(t, await token(as), { url, events })), url };
}

const receivedAt = (path: string) => receiver.receipts.filter((r) => r.path === new URL(path).pathname);

describe('a signed delivery for every event type', () => {
  it('reaches a real HTTP listener, verifies with standardwebhooks, and carries the fields a partner needs', async () => {
    const owner = await token('owner@acme.test');
    const acme = await freshEndpoint([...WEBHOOK_EVENT_TYPES]);
    // globex's endpoint wants everything too; acme's changes never reach it.
    const globexToken = (await t.login('owner@globex.test')).accessToken;
    const globex = await freshEndpoint([...WEBHOOK_EVENT_TYPES], `/globex-${randomUUID()}`, 'owner@globex.test');
    tokens['owner@globex.test'] = globexToken;

    // ticket.created, ticket.updated, ticket.comment.created
    const ticket = await createTicket('Printer on fire');
    ok(await t.gql('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }', { input: { id: ticket.id, version: ticket.version, status: 'PENDING' } }, { token: await token('agent@acme.test') }));
    ok(await t.gql('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: ticket.id, body: 'Still burning.' } }, { token: await token('agent@acme.test') }));

    // run.succeeded, run.failed: two runs through a real executor.
    const em = t.orm.em.fork();
    const tenant = await em.findOneOrFail(Tenant, { id: acmeId });
    const good = makeTool(em, { key: `wh.ok.${randomUUID().slice(0, 8)}` });
    const bad = makeTool(em, { key: `wh.bad.${randomUUID().slice(0, 8)}` });
    // Due before anything the demo data left queued, so one tick claims these two first.
    makeRun(em, tenant, good, { maxAttempts: 1, nextAttemptAt: new Date(0) });
    makeRun(em, tenant, bad, { maxAttempts: 1, nextAttemptAt: new Date(0) });
    await em.flush();
    const registry = new Map([
      [good.key, async () => ({ valid: true })],
      [
        bad.key,
        async () => {
          throw new RunError('The input was not acceptable.');
        },
      ],
    ]);
    const executor = new RunExecutor(t.orm, { ...t.app.services.config.executor, concurrency: 2 }, t.app.services.logger, registry);
    await executor.tick();
    await executor.idle();
    const runs = await t.sql<{ status: string; error: string | null }>('select status, error from automation_runs where tool_id in (?, ?) order by tool_id', [good.id, bad.id]);
    expect(runs.map((r) => r.status).sort()).toEqual(['FAILED', 'SUCCEEDED']);

    // kyc.case.updated
    const created = ok(
      await t.gql<{ createKycCase: { id: string; version: number } }>('mutation($input: CreateKycCaseInput!) { createKycCase(input: $input) { id version } }', { input: { subjectKind: 'PERSON', person: { fullName: 'Ada Lovelace' } } }, { token: owner }),
    ).createKycCase;
    ok(await t.gql('mutation($input: UpdateKycCaseInput!) { updateKycCase(input: $input) { id } }', { input: { id: created.id, version: created.version, person: { fullName: 'Ada King' } } }, { token: owner }));

    // incident.updated, for the affected tenant only
    const incident = ok(
      await t.gql<{ createIncident: { id: string } }>(
        'mutation($input: CreateIncidentInput!) { createIncident(input: $input) { id } }',
        { input: { title: 'Mail delays', severity: 'SEV3', summary: 'Outbound mail is slow.', tenantIds: [toGlobalId('Tenant', acmeId)] } },
        { token: await staffToken() },
      ),
    ).createIncident;
    ok(await t.gql('mutation($input: TransitionIncidentInput!) { transitionIncident(input: $input) { id } }', { input: { id: incident.id, to: 'MITIGATED', note: 'Queue drained.' } }, { token: await staffToken() }));

    // member.added (an invitation accepted), member.removed
    const email = `hooked-${randomUUID().slice(0, 8)}@example.test`;
    const [role] = await t.sql<{ id: string }>(`select r.id from roles r join tenants tn on tn.id = r.tenant_id where tn.slug = 'acme' and r.name = 'member'`);
    ok(await t.gql('mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }', { input: { email, roleId: toGlobalId('Role', role?.id ?? '') } }, { token: owner }));
    const mail = await smtp.waitForMail(email);
    const inviteToken = decodeURIComponent(mail.links.find((l) => l.includes('/invite/'))?.split('/invite/')[1] ?? '');
    ok(await t.gql('mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }', { input: { token: inviteToken, name: 'Hooked Person', password: 'a-long-and-private-phrase' } }));
    const [membership] = await t.sql<{ id: string }>('select m.id from memberships m join users u on u.id = m.user_id where u.email = ?', [email]);
    ok(await t.gql('mutation($id: ID!) { removeMember(membershipId: $id) { id } }', { id: toGlobalId('Membership', membership?.id ?? '') }, { token: owner }));

    await t.app.webhooks.deliverDue();

    const mine = receivedAt(acme.url);
    const byType = new Map<string, { type: string; timestamp: string; data: Record<string, any> }[]>();
    for (const r of mine) {
      const body = verified(r, acme.secret);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['user-agent']).toBe('Atrium-Webhooks/1');
      expect(String(r.headers['webhook-id'])).toMatch(/^evt_[0-9a-f-]{36}$/);
      expect(Math.abs(Number(r.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(r.body).not.toContain('whsec_');
      byType.set(body.type, [...(byType.get(body.type) ?? []), body]);
    }
    expect([...byType.keys()].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    // A wrong secret does not verify.
    expect(() => verified(mine[0] ?? receiver.receipts[0], `whsec_${Buffer.alloc(32, 7).toString('base64')}`)).toThrow();

    const first = (type: string) => byType.get(type)?.[0]?.data ?? {};
    expect(first('ticket.created').ticket).toMatchObject({ id: ticket.id, subject: 'Printer on fire', status: 'OPEN', priority: 'NORMAL' });
    expect(first('ticket.updated')).toMatchObject({ ticket: { id: ticket.id, status: 'PENDING' }, changes: { before: { status: 'OPEN' }, after: { status: 'PENDING' } } });
    expect(first('ticket.comment.created')).toMatchObject({ comment: { body: 'Still burning.' }, ticket: { id: ticket.id } });
    expect(first('run.succeeded').run).toMatchObject({ status: 'SUCCEEDED', output: { valid: true }, toolId: toGlobalId('Tool', good.id) });
    expect(first('run.failed').run).toMatchObject({ status: 'FAILED', error: 'The input was not acceptable.', toolId: toGlobalId('Tool', bad.id) });
    expect(first('kyc.case.updated')).toMatchObject({ case: { id: created.id, status: 'DRAFT', subjectKind: 'PERSON' }, action: 'edit', previousStatus: 'DRAFT' });
    // No personal details of the KYC subject.
    expect(JSON.stringify(byType.get('kyc.case.updated'))).not.toContain('Ada');
    expect(byType.get('incident.updated')?.map((d) => d.data.change)).toEqual(['opened', 'status_changed']);
    expect(byType.get('incident.updated')?.[1]?.data).toMatchObject({ incident: { id: incident.id, status: 'MITIGATED' }, previousStatus: 'OPEN', note: 'Queue drained.' });
    expect(first('member.added')).toMatchObject({ membership: { email, name: 'Hooked Person', role: 'member' }, via: 'invitation' });
    expect(first('member.removed')).toMatchObject({ membership: { id: toGlobalId('Membership', membership?.id ?? ''), role: 'member' }, reason: 'removed' });

    // globex's endpoint got nothing of acme's.
    expect(receivedAt(globex.url)).toEqual([]);

    // The delivery log: one successful attempt each, the webhook-id as eventId.
    const log = ok(await t.gql<{ webhookDeliveries: { totalCount: number; nodes: any[] } }>(DELIVERIES, { filter: { endpointId: acme.id }, first: 50 }, { token: owner })).webhookDeliveries;
    expect(log.totalCount).toBe(mine.length);
    for (const d of log.nodes) {
      expect(d).toMatchObject({ status: 'SUCCEEDED', trigger: 'EVENT', attemptCount: 1, responseStatus: 200, responseExcerpt: 'ok', error: null, nextAttemptAt: null, endpoint: { id: acme.id }, tenant: { slug: 'acme' } });
      expect(d.attempts).toEqual([expect.objectContaining({ attempt: 1, responseStatus: 200, succeeded: true, error: null })]);
      expect(mine.map((r) => r.headers['webhook-id'])).toContain(d.eventId);
    }
    const onlyRuns = ok(await t.gql<{ webhookDeliveries: { nodes: { eventType: string }[] } }>(DELIVERIES, { filter: { endpointId: acme.id, eventType: 'run.failed' } }, { token: owner })).webhookDeliveries;
    expect(onlyRuns.nodes.map((n) => n.eventType)).toEqual(['run.failed']);
  });

  it('goes out on its own once the change commits, when the worker runs', async () => {
    const endpoint = await freshEndpoint(['ticket.created']);
    await t.app.webhooks.start();
    try {
      await createTicket();
      await waitFor(() => receivedAt(endpoint.url).length === 1);
      expect(verified(receivedAt(endpoint.url)[0], endpoint.secret).type).toBe('ticket.created');
    } finally {
      await t.app.webhooks.stop();
    }
  });

  it('costs one indexed query and writes nothing for a tenant without an endpoint that wants the type', async () => {
    const em = t.orm.em.fork();
    const { tenant } = provisionTenant(em, { slug: `quiet-${randomUUID().slice(0, 8)}`, name: 'Quiet Tenant' });
    await em.flush();
    const before = await counts();
    let emitted: unknown = 'not called';
    const { sql } = await t.countQueries(async () => {
      emitted = await t.orm.em.fork().transactional((tx) => emitWebhookEvent(tx, tenant.id, 'ticket.created', { probe: true }));
    });
    expect(emitted).toBeNull();
    expect(sql.filter((q) => !/^(begin|commit)/i.test(q.trim()))).toEqual([expect.stringMatching(/from webhook_endpoints where tenant_id = /)]);
    expect(await counts()).toEqual(before);
  });
});

describe('the outbox is transactional', () => {
  it('sends nothing for a change that rolled back, after its event was staged', async () => {
    const endpoint = await freshEndpoint(['ticket.created']);
    const before = await counts();
    await expect(
      t.orm.em.fork().transactional(async (em) => {
        const staged = await emitWebhookEvent(em, acmeId, 'ticket.created', { ticket: { id: 'rolled-back' } });
        expect(staged).not.toBeNull();
        await em.flush();
        throw new Error('the change failed after its event was written');
      }),
    ).rejects.toThrow('the change failed');
    expect(await counts()).toEqual(before);
    await t.app.webhooks.deliverDue();
    expect(receivedAt(endpoint.url)).toEqual([]);
  });

  it('sends nothing for a mutation that failed', async () => {
    const endpoint = await freshEndpoint(['ticket.updated']);
    const ticket = await createTicket();
    const before = await counts();
    const stale = await t.gql('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }', { input: { id: ticket.id, version: ticket.version + 5, status: 'PENDING' } }, { token: await token('agent@acme.test') });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
    await t.app.webhooks.deliverDue();
    expect(receivedAt(endpoint.url).filter((r) => verified(r, endpoint.secret).type === 'ticket.updated')).toEqual([]);
  });
});

describe('retries', () => {
  it('backs off along the schedule, logs every attempt, then disables the endpoint and mails its owners and admins', async () => {
    const endpoint = await freshEndpoint(['ticket.created']);
    receiver.answer(500, 'x'.repeat(5000));
    const schedule = t.app.services.config.webhooks.retryScheduleMs;
    expect(schedule.length + 1).toBe(8);
    await createTicket();
    const start = Date.now();
    let now = new Date(start);
    const worker = new WebhookWorker(t.orm, t.app.services.config, t.app.services.logger, { clock: () => now });
    const rows = async () => (await deliveryRow(endpoint.id))[0];

    for (let attempt = 1; attempt <= 8; attempt++) {
      expect(await worker.deliverDue()).toBe(0);
      expect(receivedAt(endpoint.url)).toHaveLength(attempt);
      const row = await rows();
      expect(row?.attempt_count).toBe(attempt);
      if (attempt < 8) {
        expect(row?.status).toBe('RETRYING');
        expect(row?.next_attempt_at?.getTime()).toBe(now.getTime() + (schedule[attempt - 1] ?? 0));
        // Not due a moment before its time.
        now = new Date((row?.next_attempt_at?.getTime() ?? 0) - 1);
        await worker.deliverDue();
        expect(receivedAt(endpoint.url)).toHaveLength(attempt);
        now = new Date(now.getTime() + 1);
      } else {
        expect(row?.status).toBe('FAILED');
        expect(row?.next_attempt_at).toBeNull();
      }
    }
    // About a day of trying: 31.6 hours from the first attempt to the last.
    expect(now.getTime() - start).toBe(schedule.reduce((a, b) => a + b, 0));
    // Every attempt sent the same event, with the same webhook-id, each signed afresh.
    const ids = new Set(receivedAt(endpoint.url).map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    for (const r of receivedAt(endpoint.url)) expect(verified(r, endpoint.secret).type).toBe('ticket.created');

    const owner = await token('owner@acme.test');
    const log = ok(await t.gql<{ webhookDeliveries: { nodes: any[] } }>(DELIVERIES, { filter: { endpointId: endpoint.id } }, { token: owner })).webhookDeliveries.nodes;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'FAILED', attemptCount: 8, maxAttempts: 8, responseStatus: 500, error: 'The endpoint answered HTTP 500.' });
    expect(log[0].responseExcerpt).toHaveLength(1024);
    expect(log[0].attempts.map((a: { attempt: number }) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const a of log[0].attempts) {
      expect(a).toMatchObject({ responseStatus: 500, succeeded: false, error: 'The endpoint answered HTTP 500.' });
      expect(a.responseExcerpt.length).toBeLessThanOrEqual(1024);
      expect(a.durationMs).toBeGreaterThanOrEqual(0);
    }
    const failedLog = ok(await t.gql<{ webhookDeliveries: { nodes: { id: string }[] } }>(DELIVERIES, { filter: { status: 'FAILED', endpointId: endpoint.id } }, { token: owner })).webhookDeliveries.nodes;
    expect(failedLog.map((n) => n.id)).toEqual([log[0].id]);

    // Failing for more than 24 hours: disabled, with the reason, audited as the system.
    const [ep] = await t.sql<{ enabled: boolean; disabled_reason: string; consecutive_failures: number }>('select enabled, disabled_reason, consecutive_failures from webhook_endpoints where id = ?', [rawId(endpoint.id)]);
    expect(ep).toMatchObject({ enabled: false, consecutive_failures: 8 });
    expect(ep?.disabled_reason).toMatch(/failed for 32 hours \(8 attempts; last: The endpoint answered HTTP 500\.\)/);
    const audits = await t.sql<{ actor_id: string | null; tenant_id: string; diff: any }>(`select actor_id, tenant_id, diff from audit_logs where action = 'webhook.endpoint.disabled' and target_id = ?`, [endpoint.id]);
    expect(audits).toEqual([expect.objectContaining({ actor_id: null, tenant_id: acmeId, diff: expect.objectContaining({ by: 'system' }) })]);

    // Owners and admins (webhook:manage) are mailed; agents and members are not.
    const toOwner = await smtp.waitForMail('owner@acme.test', { subject: /webhook endpoint of Acme/i });
    const toAdmin = await smtp.waitForMail('admin@acme.test', { subject: /webhook endpoint of Acme/i });
    expect(toOwner.text).toContain(endpoint.url);
    expect(toAdmin.text).toContain('failed for 32 hours');
    expect(smtp.mailsTo('agent@acme.test').filter((m) => /webhook/i.test(m.subject))).toEqual([]);

    // A disabled endpoint is sent no new events.
    receiver.answer(200);
    await createTicket();
    now = new Date(Date.now() + 86_400_000 * 3);
    await worker.deliverDue();
    expect(receivedAt(endpoint.url)).toHaveLength(8);

    // Turned on again: counters cleared, events flow.
    const enabled = ok(await t.gql<{ updateWebhookEndpoint: any }>(UPDATE_ENDPOINT, { input: { id: endpoint.id, enabled: true } }, { token: owner })).updateWebhookEndpoint;
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0 });
    await createTicket();
    await worker.deliverDue();
    expect(receivedAt(endpoint.url)).toHaveLength(9);
  });
});

describe('a crash between delivery and marking', () => {
  it('sends at most one duplicate, with the same webhook-id', async () => {
    const endpoint = await freshEndpoint(['ticket.created']);
    await createTicket();
    const config = t.app.services.config;
    const start = Date.now();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let posted!: () => void;
    const sent = new Promise<void>((resolve) => (posted = resolve));
    // Worker A sends for real, then hangs before recording (a crash, as far as the row can tell).
    const a = new WebhookWorker(t.orm, config, t.app.services.logger, {
      workerId: 'crashing',
      clock: () => new Date(start),
      send: async (claim: WebhookClaim, body, headers) => {
        const result = await postWebhook(claim.url, body, headers, { timeoutMs: 5000, policy: config });
        if (claim.endpointId !== rawId(endpoint.id)) return result;
        posted();
        await gate;
        return result;
      },
    });
    const aDone = a.deliverDue();
    await sent;
    expect(receivedAt(endpoint.url)).toHaveLength(1);

    // Its lease runs out; worker B claims the delivery again and sends it again.
    const later = new Date(start + config.webhooks.leaseMs + 1000);
    const b = new WebhookWorker(t.orm, config, t.app.services.logger, { workerId: 'b', clock: () => later });
    expect(await b.deliverDue()).toBe(1);
    // A third worker finds nothing left to send.
    const c = new WebhookWorker(t.orm, config, t.app.services.logger, { workerId: 'c', clock: () => new Date(later.getTime() + 3_600_000) });
    expect(await c.deliverDue()).toBe(0);

    // A wakes up: its late result is not recorded (the lease is no longer its own).
    release();
    expect(await aDone).toBe(0);

    const receipts = receivedAt(endpoint.url);
    expect(receipts).toHaveLength(2);
    expect(receipts[0]?.headers['webhook-id']).toBe(receipts[1]?.headers['webhook-id']);
    for (const r of receipts) verified(r, endpoint.secret);
    const [row] = await deliveryRow(endpoint.id);
    expect(row).toMatchObject({ status: 'SUCCEEDED', attempt_count: 2 });
    expect(row?.attempt_log).toEqual([expect.objectContaining({ attempt: 2, succeeded: true, responseStatus: 200 })]);
  });
});

describe('secret rotation', () => {
  it('signs with the old and the new secret for 24 hours, then with the new one only', async () => {
    const owner = await token('owner@acme.test');
    const endpoint = await freshEndpoint(['ticket.created']);
    const [stored] = await t.sql<{ secret_sealed: string }>('select secret_sealed from webhook_endpoints where id = ?', [rawId(endpoint.id)]);
    expect(stored?.secret_sealed.startsWith('v1.')).toBe(true);
    expect(stored?.secret_sealed).not.toContain(endpoint.secret.slice(6, 20));

    const rotated = ok(await t.gql<{ rotateWebhookSecret: { secret: string; endpoint: { secretRotatedAt: string; previousSecretExpiresAt: string } } }>(ROTATE, { id: endpoint.id }, { token: owner })).rotateWebhookSecret;
    expect(rotated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    const overlap = new Date(rotated.endpoint.previousSecretExpiresAt).getTime() - new Date(rotated.endpoint.secretRotatedAt).getTime();
    expect(overlap).toBe(24 * 3_600_000);
    const audit = await t.sql<{ diff: unknown }>(`select diff from audit_logs where action = 'webhook.secret.rotated' and target_id = ?`, [endpoint.id]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('whsec_');

    await createTicket();
    await t.app.webhooks.deliverDue();
    const during = receivedAt(endpoint.url);
    expect(during).toHaveLength(1);
    expect(String(during[0]?.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(during[0], endpoint.secret).type).toBe('ticket.created');
    expect(verified(during[0], rotated.secret).type).toBe('ticket.created');

    // 25 hours later only the new secret signs.
    const later = new WebhookWorker(t.orm, t.app.services.config, t.app.services.logger, { clock: () => new Date(Date.now() + 25 * 3_600_000) });
    await createTicket();
    await later.deliverDue();
    const after = receivedAt(endpoint.url)[1];
    expect(String(after?.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verified(after, rotated.secret).type).toBe('ticket.created');
    expect(() => verified(after, endpoint.secret)).toThrow();
  });
});

describe('redeliver and test events', () => {
  it('sends a test event to one endpoint, and redelivers an event with the same webhook-id', async () => {
    const owner = await token('owner@acme.test');
    const endpoint = await freshEndpoint(['ticket.created']);
    const test = ok(await t.gql<{ sendTestWebhook: { id: string; eventId: string; eventType: string; trigger: string; status: string } }>(SEND_TEST, { id: endpoint.id }, { token: owner })).sendTestWebhook;
    expect(test).toMatchObject({ eventType: 'webhook.test', trigger: 'TEST', status: 'PENDING' });
    await t.app.webhooks.deliverDue();
    const [testReceipt] = receivedAt(endpoint.url);
    expect(testReceipt?.headers['webhook-id']).toBe(test.eventId);
    expect(verified(testReceipt, endpoint.secret)).toMatchObject({ type: 'webhook.test', data: { endpoint: { id: endpoint.id } } });

    await createTicket();
    await t.app.webhooks.deliverDue();
    const original = receivedAt(endpoint.url)[1];
    const log = ok(await t.gql<{ webhookDeliveries: { nodes: { id: string; eventId: string; eventType: string }[] } }>(DELIVERIES, { filter: { endpointId: endpoint.id, eventType: 'ticket.created' } }, { token: owner })).webhookDeliveries.nodes;
    expect(log).toHaveLength(1);
    const again = ok(await t.gql<{ redeliverWebhook: { id: string; eventId: string; trigger: string } }>(REDELIVER, { id: log[0]?.id }, { token: owner })).redeliverWebhook;
    expect(again.id).not.toBe(log[0]?.id);
    expect(again).toMatchObject({ eventId: log[0]?.eventId, trigger: 'REDELIVERY' });
    await t.app.webhooks.deliverDue();
    const redelivered = receivedAt(endpoint.url)[2];
    expect(redelivered?.headers['webhook-id']).toBe(original?.headers['webhook-id']);
    expect(redelivered?.body).toBe(original?.body);
    verified(redelivered, endpoint.secret);

    const audit = await t.sql<{ action: string }>(`select action from audit_logs where action in ('webhook.test_sent', 'webhook.delivery.redelivered', 'webhook.endpoint.created') and (target_id = ? or target_id = ?) order by created_at`, [endpoint.id, again.id]);
    expect(audit.map((a) => a.action)).toEqual(['webhook.endpoint.created', 'webhook.test_sent', 'webhook.delivery.redelivered']);
  });
});

describe('a test event or redelivery to a disabled endpoint', () => {
  it('is tried once and, failing, not retried; to an enabled endpoint a failed test is retried', async () => {
    const owner = await token('owner@acme.test');
    const endpoint = await freshEndpoint(['ticket.created']);
    receiver.answer(503);
    ok(await t.gql(UPDATE_ENDPOINT, { input: { id: endpoint.id, enabled: false } }, { token: owner }));
    const test = ok(await t.gql<{ sendTestWebhook: { id: string } }>(SEND_TEST, { id: endpoint.id }, { token: owner })).sendTestWebhook;
    await t.app.webhooks.deliverDue();
    expect(receivedAt(endpoint.url)).toHaveLength(1);
    const [row] = await t.sql<{ status: string; next_attempt_at: Date | null; error: string }>('select status, next_attempt_at, error from webhook_deliveries where id = ?', [rawId(test.id)]);
    expect(row).toMatchObject({ status: 'FAILED', next_attempt_at: null });
    expect(row?.error).toBe('The endpoint answered HTTP 503. The endpoint is disabled, so this is not retried.');
    // Even much later, nothing more goes out.
    const later = new WebhookWorker(t.orm, t.app.services.config, t.app.services.logger, { clock: () => new Date(Date.now() + 3 * 86_400_000) });
    await later.deliverDue();
    expect(receivedAt(endpoint.url)).toHaveLength(1);

    // Enabled again, the same failure is scheduled for another attempt.
    ok(await t.gql(UPDATE_ENDPOINT, { input: { id: endpoint.id, enabled: true } }, { token: owner }));
    const retried = ok(await t.gql<{ sendTestWebhook: { id: string } }>(SEND_TEST, { id: endpoint.id }, { token: owner })).sendTestWebhook;
    await t.app.webhooks.deliverDue();
    const [again] = await t.sql<{ status: string; next_attempt_at: Date | null }>('select status, next_attempt_at from webhook_deliveries where id = ?', [rawId(retried.id)]);
    expect(again?.status).toBe('RETRYING');
    expect(again?.next_attempt_at).not.toBeNull();
  });
});

describe('managing endpoints', () => {
  it('checks input, audits every change, and deletes with the log', async () => {
    const owner = await token('owner@acme.test');
    const bad = await t.gql(`mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`, { input: { url: `${receiver.url}/x`, events: ['ticket.created', 'ticket.exploded'] } }, { token: owner });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions.fields).toEqual([expect.objectContaining({ field: 'events' })]);
    const ftp = await t.gql(`mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`, { input: { url: 'ftp://example.com/x', events: ['ticket.created'] } }, { token: owner });
    expect(ftp.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'url' })] });

    const endpoint = await createEndpoint(t, owner, { url: `${receiver.url}/managed`, events: ['ticket.updated', 'ticket.created', 'ticket.created'], description: ' Partner CRM ' });
    const types = ok(await t.gql<{ webhookEventTypes: string[] }>('query { webhookEventTypes }', {}, { token: owner })).webhookEventTypes;
    expect(types).toEqual([...WEBHOOK_EVENT_TYPES]);
    const listed = ok(await t.gql<{ webhookEndpoints: { nodes: any[] } }>('query { webhookEndpoints(first: 100) { nodes { id events description enabled } } }', {}, { token: owner })).webhookEndpoints.nodes;
    expect(listed.find((n) => n.id === endpoint.id)).toEqual({ id: endpoint.id, events: ['ticket.created', 'ticket.updated'], description: 'Partner CRM', enabled: true });

    const updated = ok(await t.gql<{ updateWebhookEndpoint: any }>(UPDATE_ENDPOINT, { input: { id: endpoint.id, events: ['member.added'], enabled: false } }, { token: owner })).updateWebhookEndpoint;
    expect(updated).toMatchObject({ events: ['member.added'], enabled: false, disabledReason: 'Disabled by Olivia Owner.' });
    expect(ok(await t.gql<{ deleteWebhookEndpoint: boolean }>('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }, { token: owner })).deleteWebhookEndpoint).toBe(true);
    expect(await t.count('select count(*) as n from webhook_endpoints where id = ?', [rawId(endpoint.id)])).toBe(0);
    const actions = await t.sql<{ action: string }>('select action from audit_logs where target_id = ? order by created_at, id', [endpoint.id]);
    expect(actions.map((a) => a.action)).toEqual(['webhook.endpoint.created', 'webhook.endpoint.updated', 'webhook.endpoint.deleted']);
  });

  it('lets staff read every tenant and disable (only disable) an endpoint', async () => {
    const endpoint = await freshEndpoint(['ticket.created']);
    const staff = await staffToken();
    const all = ok(await t.gql<{ webhookEndpoints: { nodes: { id: string; tenant: { slug: string } }[] } }>('query { webhookEndpoints(first: 100) { nodes { id tenant { slug } } } }', {}, { token: staff })).webhookEndpoints.nodes;
    expect(new Set(all.map((n) => n.tenant.slug))).toEqual(new Set(['acme', 'globex']));
    const failures = ok(await t.gql<{ webhookDeliveries: { nodes: { status: string; tenant: { slug: string } }[] } }>(DELIVERIES, { filter: { status: 'FAILED' }, first: 100 }, { token: staff })).webhookDeliveries.nodes;
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((n) => n.status === 'FAILED')).toBe(true);
    expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access' and diff->>'operation' = 'webhookDeliveries'`)).toBeGreaterThan(0);

    const change = await t.gql(UPDATE_ENDPOINT, { input: { id: endpoint.id, url: 'http://127.0.0.1:1/elsewhere' } }, { token: staff });
    expect(codeOf(change)).toBe('FORBIDDEN');
    const compliance = (await t.login('compliance@atrium.test')).accessToken;
    expect(codeOf(await t.gql(UPDATE_ENDPOINT, { input: { id: endpoint.id, enabled: false } }, { token: compliance }))).toBe('FORBIDDEN');
    const disabled = ok(await t.gql<{ updateWebhookEndpoint: any }>(UPDATE_ENDPOINT, { input: { id: endpoint.id, enabled: false } }, { token: staff })).updateWebhookEndpoint;
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'Disabled by Atrium staff.' });
    const [audit] = await t.sql<{ diff: any; tenant_id: string }>(`select diff, tenant_id from audit_logs where action = 'webhook.endpoint.disabled' and target_id = ?`, [endpoint.id]);
    expect(audit).toMatchObject({ tenant_id: acmeId, diff: expect.objectContaining({ viaPlatform: true }) });
  });

  it('filters endpoints by tenant (staff) and by enabled; a member naming another tenant gets nothing', async () => {
    const enabled = await freshEndpoint(['ticket.created']);
    const ENDPOINTS = 'query($filter: WebhookEndpointFilter) { webhookEndpoints(first: 100, filter: $filter) { totalCount nodes { id enabled tenant { slug } } } }';
    type Page = { webhookEndpoints: { totalCount: number; nodes: { id: string; enabled: boolean; tenant: { slug: string } }[] } };
    const acme = toGlobalId('Tenant', acmeId);
    const globex = toGlobalId('Tenant', await t.tenantId('globex'));
    const staff = await staffToken();
    const ofAcme = ok(await t.gql<Page>(ENDPOINTS, { filter: { tenantId: acme } }, { token: staff })).webhookEndpoints.nodes;
    expect(ofAcme.length).toBeGreaterThan(0);
    expect(new Set(ofAcme.map((n) => n.tenant.slug))).toEqual(new Set(['acme']));
    const on = ok(await t.gql<Page>(ENDPOINTS, { filter: { tenantId: acme, enabled: true } }, { token: staff })).webhookEndpoints.nodes;
    expect(on.map((n) => n.id)).toEqual([enabled.id]);
    const off = ok(await t.gql<Page>(ENDPOINTS, { filter: { enabled: false } }, { token: await token('owner@acme.test') })).webhookEndpoints.nodes;
    expect(off.length).toBeGreaterThan(0);
    expect(off.some((n) => n.enabled || n.id === enabled.id)).toBe(false);
    expect(ok(await t.gql<Page>(ENDPOINTS, { filter: { tenantId: globex } }, { token: await token('owner@acme.test') })).webhookEndpoints.totalCount).toBe(0);
  });
});

it('answers the standard verification example from the README', () => {
  // The README's Node snippet, run: verify with the raw body and the three headers.
  const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
  const body = JSON.stringify({ type: 'webhook.test', timestamp: new Date().toISOString(), data: {} });
  const signature = new Webhook(secret).sign('evt_1', new Date(), body);
  const receipt = { path: '/', body, headers: { 'webhook-id': 'evt_1', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': signature } };
  expect(new Webhook(secret).verify(body, headersOf(receipt))).toEqual(JSON.parse(body));
});

describe('retention', () => {
  it('deletes events older than WEBHOOK_RETENTION_DAYS with their delivery log, but not one still being delivered', async () => {
    const endpoint = await freshEndpoint(['ticket.created']);
    await createTicket();
    await t.app.webhooks.deliverDue();
    await createTicket();
    const rows = async () =>
      t.sql<{ event_id: string; status: string }>('select event_id, status from webhook_deliveries where endpoint_id = ? order by created_at, id', [rawId(endpoint.id)]);
    const [done, waiting] = await rows();
    expect([done?.status, waiting?.status]).toEqual(['SUCCEEDED', 'PENDING']);
    const old = new Date(Date.now() - (t.app.services.config.webhooks.retentionDays + 1) * 86_400_000);
    await t.sql('update webhook_events set created_at = ? where id in (?, ?)', [old, done?.event_id, waiting?.event_id]);

    expect(await t.app.webhooks.pruneOld()).toBe(1);
    expect(await t.count('select count(*) as n from webhook_events where id = ?', [done?.event_id])).toBe(0);
    expect((await rows()).map((r) => r.status)).toEqual(['PENDING']);
    // Once delivered, it goes too.
    await t.app.webhooks.deliverDue();
    expect(await t.app.webhooks.pruneOld()).toBe(1);
    expect(await rows()).toEqual([]);
  });
});
