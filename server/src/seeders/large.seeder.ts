import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger';
import { hashPassword } from '../modules/auth/password';
import { addMember, provisionTenant } from '../modules/tenancy/tenant.factory';
import { Tenant } from '../modules/tenancy/tenant.entity';
import { User } from '../modules/users/user.entity';
import { DEMO_PASSWORD } from './demo.seeder';

/** How much `db:seed -- --scale large` builds; tests pass smaller numbers. */
export interface LargeScale {
  tenants: number;
  tickets: number;
  events: number;
  runs: number;
  /** KYC cases, audit log entries and inbound messages, spread evenly over the tenants (0 when left out). */
  kycCases?: number;
  auditLogs?: number;
  messages?: number;
}

export const LARGE_SCALE: LargeScale = { tenants: 20, tickets: 200_000, events: 1_000_000, runs: 100_000, kycCases: 40_000, auditLogs: 200_000, messages: 100_000 };

/** Rows per INSERT … SELECT: large enough to be fast, small enough to show progress. */
const CHUNK = 50_000;
/** How many of each tenant's newest tickets carry a conversation, and how many replies each has. */
const THREADS = 10;
const THREAD_LENGTH = 24;

const SUBJECTS = [
  'Cannot export invoices to CSV',
  'SSO login loops back to the sign-in page',
  'Webhook deliveries delayed',
  'Two-factor codes not arriving',
  'API returns 429 during nightly sync',
  'Wrong VAT rate on invoice',
  'Report totals differ from the export',
  'Cannot upload document',
];
const EVENT_TYPES = ['run.queued', 'run.started', 'run.succeeded', 'run.failed', 'message.received', 'ticket.created', 'auth.login'];
const SEVERITIES = ['DEBUG', 'INFO', 'INFO', 'INFO', 'WARNING', 'ERROR'];

/** A progress bar on stderr (redrawn in place on a terminal, one line per step otherwise). */
export class Progress {
  private done = 0;
  private lastDrawn = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream | null = process.stderr,
  ) {}

  add(n: number): void {
    this.done = Math.min(this.total, this.done + n);
    const pct = this.total === 0 ? 100 : Math.floor((this.done / this.total) * 100);
    if (!this.out || pct === this.lastDrawn) return;
    this.lastDrawn = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const line = `${this.label.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${this.done.toLocaleString('en')}/${this.total.toLocaleString('en')}`;
    if (this.out.isTTY) this.out.write(`\r${line}${this.done === this.total ? '\n' : ''}`);
    else if (this.done === this.total || pct % 25 === 0) this.out.write(`${line}\n`);
  }
}

const sqlList = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');
const uuidArray = (ids: readonly string[]) => `array[${sqlList(ids)}]::uuid[]`;

/**
 * A benchmark-sized dataset, in bulk: tenants `large-01…` with members, tickets with comments
 * (every third one a reply, the newest ten a conversation of 24),
 * system events, finished automation runs of the demo tools, KYC cases, audit log entries and
 * inbound messages, each written by INSERT … SELECT over generate_series on the server, so a
 * million rows take seconds, not hours. Values are derived from the row number, so two runs
 * build the same shapes. Idempotent: does nothing when `large-01` exists.
 */
export async function seedLargeData(orm: MikroORM, logger: Logger, scale: LargeScale = LARGE_SCALE, out: NodeJS.WriteStream | null = process.stderr): Promise<boolean> {
  const em = orm.em.fork();
  if (await em.count(Tenant, { slug: 'large-01' })) {
    logger.info('large dataset already present');
    return false;
  }
  const started = Date.now();
  const tenants = await createTenants(em, scale.tenants);
  await insertTickets(em, tenants, scale.tickets, new Progress('tickets', scale.tickets, out));
  await insertEvents(em, tenants, scale.events, new Progress('events', scale.events, out));
  await insertRuns(em, tenants, scale.runs, new Progress('runs', scale.runs, out));
  await perTenant(tenants, scale.kycCases ?? 0, new Progress('kyc cases', scale.kycCases ?? 0, out), (tenant, from, to) => em.execute(kycCasesSql(tenant, from, to)));
  await perTenant(tenants, scale.auditLogs ?? 0, new Progress('audit log', scale.auditLogs ?? 0, out), (tenant, from, to) => em.execute(auditLogsSql(tenant, from, to)));
  await perTenant(tenants, scale.messages ?? 0, new Progress('messages', scale.messages ?? 0, out), (tenant, from, to) => em.execute(messagesSql(tenant, from, to)));
  await em.execute('analyze tickets, ticket_comments, system_events, automation_runs, kyc_cases, audit_logs, inbound_messages');
  logger.info({ ...scale, seconds: Math.round((Date.now() - started) / 1000) }, 'seeded large dataset');
  return true;
}

interface LargeTenant {
  id: string;
  userIds: string[];
}

async function createTenants(em: EntityManager, count: number): Promise<LargeTenant[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result: LargeTenant[] = [];
  await em.transactional(async (tem) => {
    for (let t = 1; t <= count; t++) {
      const slug = `large-${String(t).padStart(2, '0')}`;
      const tenant = provisionTenant(tem, { slug, name: `Large Tenant ${t}` });
      const users = (['owner', 'agent', 'member', 'member', 'viewer'] as const).map((role, i) => {
        const user = tem.create(User, { email: `${role}${i}@${slug}.test`, name: `${role} ${i} of ${slug}`, passwordHash });
        tem.persist(user);
        addMember(tem, tenant, user, role);
        return user;
      });
      result.push({ id: tenant.tenant.id, userIds: users.map((u) => u.id) });
    }
  });
  return result;
}

async function insertTickets(em: EntityManager, tenants: LargeTenant[], total: number, progress: Progress): Promise<void> {
  const perTenant = Math.floor(total / tenants.length);
  for (const [index, tenant] of tenants.entries()) {
    const count = index === tenants.length - 1 ? total - perTenant * (tenants.length - 1) : perTenant;
    for (let from = 1; from <= count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK - 1);
      // Row n of this tenant: a time a little after n-1's, a subject, status and priority picked by
      // arithmetic on n, a requester among the members, an agent assignee for most.
      await em.execute(`
        insert into tickets (id, created_at, updated_at, tenant_id, number, subject, body, status, priority, requester_id, assignee_id, version, correlation_id)
        select gen_random_uuid(), at, at, '${tenant.id}', n,
               (array[${sqlList(SUBJECTS)}])[1 + (n * 7) % ${SUBJECTS.length}],
               'Generated ticket ' || n || ' for benchmarks.',
               (array['OPEN','OPEN','PENDING','RESOLVED','CLOSED'])[1 + (n * 13) % 5],
               (n * 31) % 4,
               (${uuidArray(tenant.userIds)})[1 + (n * 17) % ${tenant.userIds.length}],
               case when n % 5 = 0 then null else (${uuidArray(tenant.userIds)})[2] end,
               1,
               case when n % 10 = 0 then 'large-' || md5('${tenant.id}' || n) end
        from generate_series(${from}, ${to}) as n,
             lateral (select now() - interval '400 days' + n * interval '1 minute' * (400.0 * 1440 / ${count})) as t(at)`);
      // Every third ticket gets a comment from the assignee's side.
      await em.execute(`
        insert into ticket_comments (id, created_at, updated_at, tenant_id, ticket_id, author_id, body)
        select gen_random_uuid(), created_at + interval '1 hour', created_at + interval '1 hour', tenant_id, id, coalesce(assignee_id, requester_id), 'Looking into it.'
        from tickets where tenant_id = '${tenant.id}' and number between ${from} and ${to} and number % 3 = 0`);
      progress.add(to - from + 1);
    }
    // The newest tickets each carry a conversation: THREAD_LENGTH replies from the tenant's people
    // in turn, between the ticket's creation and now (bench/peer's Q4 reads the ticket among the
    // newest with the most comments: its first 20, with their authors).
    await em.execute(`
      insert into ticket_comments (id, created_at, updated_at, tenant_id, ticket_id, author_id, body)
      select gen_random_uuid(), at, at, t.tenant_id, t.id,
             (${uuidArray(tenant.userIds)})[1 + (t.number + g) % ${tenant.userIds.length}],
             'Reply ' || g || ' on ticket ' || t.number || ': we are looking into it and will update this thread.'
      from tickets t, generate_series(1, ${THREAD_LENGTH}) as g,
           lateral (select t.created_at + (now() - t.created_at) * g / ${THREAD_LENGTH + 1}) as c(at)
      where t.tenant_id = '${tenant.id}' and t.number > ${count - THREADS}`);
    await em.execute(`update tenants set ticket_seq = ${count} where id = '${tenant.id}'`);
  }
}

async function insertEvents(em: EntityManager, tenants: LargeTenant[], total: number, progress: Progress): Promise<void> {
  const tenantIds = uuidArray(tenants.map((t) => t.id));
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    // Spread over the last 29 days so the default 30-day retention keeps them; one in 50 global.
    await em.execute(`
      insert into system_events (id, tenant_id, type, severity, source, payload, correlation_id, occurred_at)
      select gen_random_uuid(),
             case when n % 50 = 0 then null else (${tenantIds})[1 + n % ${tenants.length}] end,
             (array[${sqlList(EVENT_TYPES)}])[1 + (n * 7) % ${EVENT_TYPES.length}],
             (array[${sqlList(SEVERITIES)}])[1 + (n * 11) % ${SEVERITIES.length}],
             'bench',
             jsonb_build_object('n', n),
             case when n % 20 = 0 then 'large-ev-' || (n / 20) end,
             now() - (n % (29 * 86400)) * interval '1 second'
      from generate_series(${from}, ${to}) as n`);
    progress.add(to - from + 1);
  }
}

async function insertRuns(em: EntityManager, tenants: LargeTenant[], total: number, progress: Progress): Promise<void> {
  const tools: { id: string; key: string }[] = await em.execute(`select id, key from tools where key in ('vat.validate', 'ticket.summarise') order by key`);
  if (tools.length === 0) throw new Error('the demo tools are missing: seed the demo data first');
  const toolIds = uuidArray(tools.map((t) => t.id));
  const tenantIds = uuidArray(tenants.map((t) => t.id));
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    // Finished runs only (succeeded, failed, cancelled), so a server started on this data has no
    // backlog to work through; spread over the last 60 days.
    await em.execute(`
      insert into automation_runs (id, created_at, updated_at, tenant_id, tool_id, status, trigger, input, output, error,
                                   started_at, finished_at, correlation_id, attempts, max_attempts)
      select gen_random_uuid(), at, at + interval '2 seconds', (${tenantIds})[1 + n % ${tenants.length}],
             (${toolIds})[1 + (n * 7) % ${tools.length}], st,
             (array['USER','USER','MESSAGE','SCHEDULE','PARTNER'])[1 + (n * 3) % 5],
             jsonb_build_object('vatNumber', 'DE' || lpad((n % 1000000000)::text, 9, '0')),
             case when st = 'SUCCEEDED' then jsonb_build_object('valid', n % 2 = 0) end,
             case when st = 'FAILED' then 'Generated failure for benchmarks.' end,
             case when st <> 'CANCELLED' then at + interval '1 second' end,
             at + interval '2 seconds',
             'large-run-' || n, case when st = 'CANCELLED' then 0 else 1 end, 3
      from generate_series(${from}, ${to}) as n,
           lateral (select now() - (n % (60 * 86400)) * interval '1 second' as at,
                           (array['SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','FAILED','CANCELLED'])[1 + (n * 11) % 6] as st) as x`);
    progress.add(to - from + 1);
  }
}

/** Rows 1..count of each tenant's share of `total`, in chunks, through `insert`. */
async function perTenant(tenants: LargeTenant[], total: number, progress: Progress, insert: (tenant: LargeTenant, from: number, to: number) => Promise<unknown>): Promise<void> {
  const share = Math.floor(total / tenants.length);
  for (const [index, tenant] of tenants.entries()) {
    const count = index === tenants.length - 1 ? total - share * (tenants.length - 1) : share;
    for (let from = 1; from <= count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK - 1);
      await insert(tenant, from, to);
      progress.add(to - from + 1);
    }
  }
}

/** KYC cases in every status, created by the tenant's members over the last 200 days. */
function kycCasesSql(tenant: LargeTenant, from: number, to: number): string {
  return `
    insert into kyc_cases (id, created_at, updated_at, tenant_id, subject_kind, subject_name, details, status, created_by_id, submitted_at, version)
    select gen_random_uuid(), at, at, '${tenant.id}', kind, 'Subject ' || n,
           case when kind = 'PERSON' then jsonb_build_object('fullName', 'Subject ' || n, 'dateOfBirth', '1980-01-01', 'nationality', 'DE', 'address', null)
                else jsonb_build_object('legalName', 'Subject ' || n, 'country', 'DE', 'registrationNumber', 'HRB' || n, 'vatNumber', null, 'address', null) end,
           st, (${uuidArray(tenant.userIds)})[1 + (n * 17) % ${tenant.userIds.length}],
           case when st <> 'DRAFT' then at + interval '1 hour' end, 1
    from generate_series(${from}, ${to}) as n,
         lateral (select now() - (n % (200 * 86400)) * interval '1 second' as at,
                         (array['PERSON','BUSINESS'])[1 + n % 2] as kind,
                         (array['DRAFT','SUBMITTED','IN_REVIEW','NEEDS_INFO','APPROVED','REJECTED'])[1 + (n * 7) % 6] as st) as x`;
}

/** Audit entries of the tenant's members changing tickets, over the last 90 days. */
function auditLogsSql(tenant: LargeTenant, from: number, to: number): string {
  return `
    insert into audit_logs (id, created_at, updated_at, tenant_id, actor_id, action, target_type, target_id, diff, ip)
    select gen_random_uuid(), at, at, '${tenant.id}', (${uuidArray(tenant.userIds)})[1 + (n * 13) % ${tenant.userIds.length}],
           (array['ticket.update','ticket.comment','member.role_change','flag.override'])[1 + n % 4], 'Ticket', 'bench-' || n,
           jsonb_build_object('status', jsonb_build_array('OPEN', 'PENDING')), '203.0.113.' || (n % 250)
    from generate_series(${from}, ${to}) as n, lateral (select now() - (n % (90 * 86400)) * interval '1 second' as at) as x`;
}

/** Inbound messages (mail, webhook, API) in every status, received over the last 60 days. */
function messagesSql(tenant: LargeTenant, from: number, to: number): string {
  return `
    insert into inbound_messages (id, created_at, updated_at, tenant_id, channel, sender, subject, payload, external_id, received_at, status, processed_at, correlation_id)
    select gen_random_uuid(), at, at, '${tenant.id}', (array['EMAIL','WEBHOOK','API'])[1 + n % 3], 'sender' || (n % 50) || '@customer.test',
           (array[${sqlList(SUBJECTS)}])[1 + (n * 7) % ${SUBJECTS.length}], jsonb_build_object('text', 'Generated message ' || n || ' for benchmarks.'),
           'large-msg-' || n, at, st, case when st <> 'RECEIVED' then at + interval '2 seconds' end, 'large-msg-' || n
    from generate_series(${from}, ${to}) as n,
         lateral (select now() - (n % (60 * 86400)) * interval '1 second' as at,
                         (array['PROCESSED','PROCESSED','PROCESSED','FAILED','IGNORED','RECEIVED'])[1 + (n * 5) % 6] as st) as x`;
}
