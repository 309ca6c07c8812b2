import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger';
import { toGlobalId } from '../common/global-id';
import { DashboardWidget, WidgetType } from '../modules/dashboard/dashboard-widget.entity';
import { availableWidgetTypes } from '../modules/dashboard/widget.registry';
import { type EventRow, insertEvents } from '../modules/events/event.factory';
import { EventSeverity } from '../modules/events/system-event.entity';
import { IncidentTimelineKind } from '../modules/incidents/incident-timeline-entry.entity';
import { IncidentSeverity, IncidentStatus } from '../modules/incidents/incident.entity';
import { addTimelineEntry, linkEvent, linkTicket, makeIncident } from '../modules/incidents/incident.factory';
import type { Tenant } from '../modules/tenancy/tenant.entity';
import { Ticket } from '../modules/tickets/ticket.entity';
import type { User } from '../modules/users/user.entity';

export interface ObservabilitySeedInput {
  /** A seeded PRNG of the demo seeder's kind, so every run produces the same rows. */
  random: () => number;
  acme: Tenant;
  globex: Tenant;
  staff: User;
  /** A member who gets a dashboard widget of their own. */
  agent: User;
  logger: Logger;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Events spread over the retention window (30 days by default), a little inside it. */
const SPREAD = 29 * DAY;

/** What a tenant's operations look like: a chain of events sharing one correlation id. */
const CHAINS: { weight: number; steps: [type: string, source: string, severity: EventSeverity][] }[] = [
  // Runs, messages and KYC cases write their own events (their seeds make real ones); these are
  // the operational signals around them.
  { weight: 30, steps: [['webhook.delivery', 'webhooks', EventSeverity.DEBUG], ['webhook.delivered', 'webhooks', EventSeverity.INFO]] },
  { weight: 5, steps: [['webhook.delivery', 'webhooks', EventSeverity.DEBUG], ['webhook.retry', 'webhooks', EventSeverity.WARNING], ['webhook.failed', 'webhooks', EventSeverity.ERROR]] },
  { weight: 8, steps: [['api.request_burst', 'gateway', EventSeverity.INFO], ['api.rate_limited', 'gateway', EventSeverity.WARNING]] },
  { weight: 3, steps: [['auth.login_failed', 'auth', EventSeverity.WARNING]] },
  { weight: 2, steps: [['tool.called', 'tools', EventSeverity.DEBUG], ['tool.failed', 'tools', EventSeverity.ERROR]] },
  { weight: 1, steps: [['quota.warning', 'quota', EventSeverity.WARNING]] },
];
const TOTAL_WEIGHT = CHAINS.reduce((sum, c) => sum + c.weight, 0);

function pickChain(random: () => number): (typeof CHAINS)[number] {
  let r = random() * TOTAL_WEIGHT;
  for (const chain of CHAINS) {
    r -= chain.weight;
    if (r < 0) return chain;
  }
  return CHAINS[0];
}

/** About `count` events of one tenant over the last 29 days, in correlated chains. */
function tenantEvents(random: () => number, tenant: Tenant, count: number, anchor: number): EventRow[] {
  const rows: EventRow[] = [];
  for (let chainNo = 0; rows.length < count; chainNo++) {
    const chain = pickChain(random);
    const start = anchor - Math.floor(random() * SPREAD);
    const correlationId = `seed-${tenant.slug}-${String(chainNo).padStart(5, '0')}`;
    chain.steps.forEach(([type, source, severity], step) => {
      rows.push({ tenantId: tenant.id, type, source, severity, correlationId, occurredAt: new Date(start + step * (2_000 + Math.floor(random() * 60_000))), payload: { step } });
    });
  }
  return rows;
}

/** Platform-wide events: the nightly jobs, deployments, the odd backlog. */
function platformEvents(random: () => number, anchor: number): EventRow[] {
  const rows: EventRow[] = [];
  for (let day = 0; day < 29; day++) {
    const midnight = anchor - day * DAY - (anchor % DAY);
    rows.push({ tenantId: null, type: 'job.retention', source: 'jobs', occurredAt: new Date(midnight + 2 * HOUR), payload: { deleted: Math.floor(random() * 5_000) } });
    rows.push({ tenantId: null, type: 'job.backup', source: 'jobs', occurredAt: new Date(midnight + 3 * HOUR), payload: {} });
    if (random() < 0.5) rows.push({ tenantId: null, type: 'deploy.finished', source: 'deploy', occurredAt: new Date(midnight + 14 * HOUR + Math.floor(random() * 4 * HOUR)), payload: { version: `2026.${day}` } });
    if (random() < 0.2) {
      rows.push({ tenantId: null, type: 'queue.backlog', source: 'executor', severity: EventSeverity.WARNING, occurredAt: new Date(midnight + Math.floor(random() * DAY)), payload: { depth: 1_000 + Math.floor(random() * 9_000) } });
    }
  }
  return rows;
}

interface Scenario {
  key: string;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  summary: string;
  tenants: ('acme' | 'globex')[];
  /** Hours before now the incident was opened. */
  openedHoursAgo: number;
  /** Events that led to it: type, source, severity, tenant (null: platform). */
  events: [type: string, source: string, severity: EventSeverity, tenant: 'acme' | 'globex' | null][];
  /** Subjects of demo tickets to link (the first ticket of each tenant with that subject). */
  ticketSubjects: string[];
  notes: [body: string, internal: boolean][];
}

const SCENARIOS: Scenario[] = [
  {
    key: 'webhooks',
    title: 'Webhook deliveries delayed',
    severity: IncidentSeverity.SEV2,
    status: IncidentStatus.RESOLVED,
    summary: 'Webhook deliveries were queued for up to 20 minutes. None were lost; all have been delivered.',
    tenants: ['acme', 'globex'],
    openedHoursAgo: 20 * 24,
    events: [
      ['queue.backlog', 'executor', EventSeverity.WARNING, null],
      ['webhook.failed', 'webhooks', EventSeverity.ERROR, 'acme'],
      ['webhook.failed', 'webhooks', EventSeverity.ERROR, 'globex'],
    ],
    ticketSubjects: ['Webhook deliveries delayed by several minutes'],
    notes: [
      ['Queue workers were starved by a noisy neighbour; scaled the pool from 4 to 12.', true],
      ['Deliveries are catching up; expect normal latency within the hour.', false],
    ],
  },
  {
    key: 'sms',
    title: 'Two-factor SMS codes delayed',
    severity: IncidentSeverity.SEV3,
    status: IncidentStatus.RESOLVED,
    summary: 'Our SMS provider delayed messages in some regions. Codes arrived late but remained valid.',
    tenants: ['acme'],
    openedHoursAgo: 12 * 24,
    events: [['auth.login_failed', 'auth', EventSeverity.WARNING, 'acme']],
    ticketSubjects: ['Two-factor codes not arriving by SMS'],
    notes: [['Provider confirmed a carrier issue on their side.', true]],
  },
  {
    key: 'sso',
    title: 'Single sign-on loops back to the sign-in page',
    severity: IncidentSeverity.SEV1,
    status: IncidentStatus.MITIGATED,
    summary: 'Some users were sent back to the sign-in page after SSO. A configuration rollback restored sign-in; we are confirming the root cause.',
    tenants: ['acme', 'globex'],
    openedHoursAgo: 50,
    events: [
      ['auth.login_failed', 'auth', EventSeverity.ERROR, 'acme'],
      ['auth.login_failed', 'auth', EventSeverity.ERROR, 'globex'],
      ['deploy.finished', 'deploy', EventSeverity.INFO, null],
    ],
    ticketSubjects: ['SSO login loops back to the sign-in page'],
    notes: [
      ['Rolled back the session-cookie change from the last deploy.', true],
      ['Sign-in works again. We will post the root cause here.', false],
    ],
  },
  {
    key: 'rate-limit',
    title: 'API rate limits hit during nightly sync',
    severity: IncidentSeverity.SEV2,
    status: IncidentStatus.OPEN,
    summary: 'Nightly synchronisation jobs receive 429 responses. We are raising the limits for batch clients.',
    tenants: ['acme'],
    openedHoursAgo: 6,
    events: [
      ['quota.warning', 'quota', EventSeverity.WARNING, 'acme'],
      ['api.rate_limited', 'gateway', EventSeverity.ERROR, 'acme'],
    ],
    ticketSubjects: ['API returns 429 during nightly sync'],
    notes: [['Batch clients share the interactive bucket; splitting them.', true]],
  },
  {
    key: 'dashboards',
    title: 'Dashboards load slowly',
    severity: IncidentSeverity.SEV4,
    status: IncidentStatus.OPEN,
    summary: 'Dashboards take several seconds to load at the start of the week. Data is correct.',
    tenants: ['globex'],
    openedHoursAgo: 26,
    events: [['queue.backlog', 'executor', EventSeverity.WARNING, null]],
    ticketSubjects: [],
    notes: [],
  },
];

/** Tenant-wide widgets every demo tenant starts with (only the types this build can fill). */
const DEFAULT_WIDGETS: { type: WidgetType; title: string; x: number; y: number; w: number; h: number; config?: Record<string, unknown> }[] = [
  { type: WidgetType.OPEN_TICKETS_BY_STATUS, title: 'Open tickets', x: 0, y: 0, w: 6, h: 4 },
  { type: WidgetType.ACTIVE_INCIDENTS, title: 'Active incidents', x: 6, y: 0, w: 6, h: 4 },
  { type: WidgetType.RUNS_LAST_7_DAYS_BY_STATUS, title: 'Runs in the last 7 days', x: 0, y: 4, w: 6, h: 4 },
  { type: WidgetType.QUOTA_USAGE, title: 'Quota usage', x: 6, y: 4, w: 6, h: 4 },
  { type: WidgetType.KYC_AWAITING_ACTION, title: 'KYC awaiting action', x: 0, y: 8, w: 12, h: 3 },
];

/**
 * Demo observability data: a month of system events for acme and globex plus platform events
 * (bulk inserted), incidents in every state with timelines and links, and default dashboards.
 * Times are relative to the hour of seeding so that the events sit inside the retention window;
 * everything else comes from `random`, so two runs make the same rows.
 */
export async function seedObservability(em: EntityManager, input: ObservabilitySeedInput): Promise<void> {
  const { random, acme, globex, staff, agent } = input;
  const tenants = { acme, globex };
  // The tenants, users and tickets must be rows before events and links point at them.
  await em.flush();
  const anchor = Math.floor(Date.now() / HOUR) * HOUR;

  // Every event goes in one bulk insert; the incidents' own events are placed after the background.
  const rows = [...tenantEvents(random, acme, 2_000, anchor), ...tenantEvents(random, globex, 700, anchor), ...platformEvents(random, anchor)];
  const subjects = [...new Set(SCENARIOS.flatMap((s) => s.ticketSubjects))];
  const tickets = await em.find(Ticket, { tenant: { $in: [acme.id, globex.id] }, subject: { $in: subjects } }, { filters: false, orderBy: { number: 'ASC' } });
  const linkLater: (() => void)[] = [];

  for (const s of SCENARIOS) {
    const openedAt = anchor - s.openedHoursAgo * HOUR;
    const correlationId = `seed-incident-${s.key}`;
    const incident = makeIncident(em, {
      title: s.title,
      severity: s.severity,
      status: s.status,
      summary: s.summary,
      tenantIds: s.tenants.map((k) => tenants[k].id),
      by: staff,
      correlationId,
      createdAt: new Date(openedAt),
      minutesToMitigate: 25 + Math.floor(random() * 60),
      minutesToResolve: 60 + Math.floor(random() * 240),
    });
    // What led to the incident, just before it was opened, under its correlation id ...
    const firstLeading = rows.length;
    s.events.forEach(([type, source, severity, tenant], i) => {
      rows.push({
        tenantId: tenant ? tenants[tenant].id : null,
        type,
        source,
        severity,
        correlationId,
        occurredAt: new Date(openedAt - (s.events.length - i) * 4 * MINUTE),
        payload: { scenario: s.key },
      });
    });
    // ... and the platform events its status changes write (see the incident service).
    const payload = { incidentId: toGlobalId('Incident', incident.id) };
    const opened = s.severity === IncidentSeverity.SEV1 ? EventSeverity.CRITICAL : EventSeverity.ERROR;
    rows.push({ tenantId: null, type: 'incident.opened', source: 'incidents', severity: opened, correlationId, occurredAt: new Date(openedAt), payload });
    if (incident.mitigatedAt) rows.push({ tenantId: null, type: 'incident.mitigated', source: 'incidents', correlationId, occurredAt: incident.mitigatedAt, payload });
    if (incident.resolvedAt) rows.push({ tenantId: null, type: 'incident.resolved', source: 'incidents', correlationId, occurredAt: incident.resolvedAt, payload });

    linkLater.push(() => {
      let at = openedAt + 5 * MINUTE;
      s.events.forEach(([type, , , tenant], i) => {
        linkEvent(em, incident, { id: ids[firstLeading + i] ?? '', type, tenantId: tenant ? tenants[tenant].id : null }, staff, new Date(at));
        at += MINUTE;
      });
      for (const subject of s.ticketSubjects) {
        for (const key of s.tenants) {
          const ticket = tickets.find((tk) => tk.subject === subject && tk.tenant.id === tenants[key].id);
          if (!ticket) continue;
          linkTicket(em, incident, ticket, staff, new Date(at));
          at += MINUTE;
        }
      }
      for (const [body, internal] of s.notes) {
        addTimelineEntry(em, incident, staff, { kind: IncidentTimelineKind.NOTE, message: body, internal, at: new Date(at) });
        at += 7 * MINUTE;
      }
    });
  }
  const ids = await insertEvents(em, rows);
  for (const link of linkLater) link();

  const available = new Set(availableWidgetTypes());
  let widgets = 0;
  for (const tenant of [acme, globex]) {
    for (const w of DEFAULT_WIDGETS.filter((d) => available.has(d.type))) {
      em.persist(em.create(DashboardWidget, { tenant, type: w.type, title: w.title, x: w.x, y: w.y, w: w.w, h: w.h, config: w.config ?? {} }));
      widgets += 1;
    }
  }
  // One widget of the agent's own.
  em.persist(
    em.create(DashboardWidget, {
      tenant: acme,
      user: agent,
      type: WidgetType.OPEN_TICKETS_BY_STATUS,
      title: 'All my tenant\'s tickets',
      x: 0,
      y: 11,
      w: 12,
      h: 4,
      config: { statuses: ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] },
    }),
  );
  widgets += 1;
  await em.flush();
  input.logger.info(`seeded observability data: ${rows.length} system events, ${SCENARIOS.length} incidents, ${widgets} dashboard widgets`);
}
