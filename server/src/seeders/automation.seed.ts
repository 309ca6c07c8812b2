import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../common/errors';
import { toGlobalId } from '../common/global-id';
import { uuidv7 } from '../common/uuid';
import { AutomationRun, RunStatus, RunTrigger } from '../modules/runs/run.entity';
import { type RunEventDetails, runEventOf } from '../modules/runs/run.transitions';
import { DEMO_TOOLS } from '../modules/runs/handlers';
import { buildSummary } from '../modules/runs/handlers/ticket-summarise.tool';
import { checkVatNumber } from '../modules/runs/handlers/vat';
import { entitlementRequired } from '../modules/entitlements/entitlement.gate';
import { grantTool } from '../modules/entitlements/entitlement.factory';
import type { SystemEventInput } from '../modules/events/event.service';
import { EventSeverity, SystemEvent } from '../modules/events/system-event.entity';
import { InboundMessage, MessageChannel, MessageStatus } from '../modules/messages/message.entity';
import { describeRefusal } from '../modules/messages/message.service';
import type { Tenant } from '../modules/tenancy/tenant.entity';
import { TicketComment } from '../modules/tickets/ticket-comment.entity';
import { Ticket } from '../modules/tickets/ticket.entity';
import { PanelLayout, RecentRunsScope } from '../modules/tools/tool-panel.entity';
import { makeTool, makeToolPanel } from '../modules/tools/tool.factory';
import { type Tool, ToolStatus } from '../modules/tools/tool.entity';
import { assertMatchesSchema } from '../modules/tools/tool.json-schema';
import type { User } from '../modules/users/user.entity';

/**
 * Demo data for tools, entitlements, panels, automation runs (with their system events) and
 * inbound messages. Called by the demo seeder inside its transaction, after the tickets.
 * Deterministic: the seeder's PRNG picks everything; times are laid out backwards from the
 * minute the seed runs (runs over the last 30 days), so dashboards show recent activity.
 * Outputs are what the real tools produce (the same summariser and VAT checks).
 */

export interface AutomationSeedInput {
  rand: () => number;
  acme: Tenant;
  globex: Tenant;
  users: Readonly<Record<string, User>>;
  now?: Date;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

const CATALOG_ONLY = [
  { key: 'report.monthly', name: 'Monthly report', category: 'reporting', status: ToolStatus.ACTIVE, description: 'Builds the monthly service report as a PDF.', inputSchema: { type: 'object', properties: { month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } }, required: ['month'], additionalProperties: false } },
  { key: 'invoice.reconcile', name: 'Invoice reconciliation', category: 'finance', status: ToolStatus.BETA, description: 'Matches an invoice against bank transactions.', inputSchema: { type: 'object', properties: { invoiceNumber: { type: 'string', minLength: 1 }, amount: { type: 'number', exclusiveMinimum: 0 } }, required: ['invoiceNumber', 'amount'], additionalProperties: false } },
  { key: 'sla.forecast', name: 'SLA breach forecast', category: 'support', status: ToolStatus.BETA, description: 'Predicts which open tickets will miss their response time.', inputSchema: { type: 'object', properties: { horizonHours: { type: 'integer', minimum: 1, maximum: 168 } }, additionalProperties: false } },
  { key: 'sanctions.screen', name: 'Sanctions screening', category: 'compliance', status: ToolStatus.BETA, description: 'Screens a company name against sanctions lists.', inputSchema: { type: 'object', properties: { companyName: { type: 'string', minLength: 2 } }, required: ['companyName'], additionalProperties: false } },
  { key: 'csv.import-legacy', name: 'Legacy CSV import', category: 'data', status: ToolStatus.RETIRED, description: 'Imported contacts from the old CSV format. Replaced by the API.', inputSchema: { type: 'object', properties: { url: { type: 'string', format: 'uri' } }, required: ['url'], additionalProperties: false } },
  { key: 'ticket.translate', name: 'Ticket translation', category: 'support', status: ToolStatus.RETIRED, description: 'Machine-translated ticket threads. Retired.', inputSchema: { type: 'object', properties: { ticketId: { type: 'string' }, language: { type: 'string', enum: ['de', 'fr', 'nl', 'it'] } }, required: ['ticketId', 'language'], additionalProperties: false } },
];

const VAT_NUMBERS = [
  'DE136695976', 'DE 136 695 976', 'NL004495445B01', 'NL100000024B01', 'BE0403019261', 'BE 0403.019.261', 'IT00743110157',
  'ATU13585627', 'ESX1234567L', 'SE556188840401', 'DK13585628', 'FRXX123456789', 'DE136695975', 'NL004495446B01', 'IT00743110158',
  'GR094259216', 'US123456789', 'PL526025099',
];

const FAILURES = ['The worker running this attempt stopped responding. No attempts are left.', 'The tool failed unexpectedly (reference {corr}).'];
const AUTO_REPLIES = ['I am out of the office until Monday and will answer then.', 'Thank you for your message. This mailbox is not monitored.', 'Automatic reply: on parental leave.'];

export async function seedAutomation(em: EntityManager, input: AutomationSeedInput): Promise<{ tools: number; runs: number; messages: number }> {
  const { rand, acme, globex, users } = input;
  const now = input.now ?? new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const newCorrelationId = () => `seed-${hex(24)}`;
  const user = (email: string): User => {
    const u = users[email];
    if (!u) throw new Error(`seed: no user ${email}`);
    return u;
  };

  // ---- Catalog, grants, panels ----
  const catalogSince = new Date(now.getTime() - 120 * DAY);
  const tools: Record<string, Tool> = {};
  for (const def of DEMO_TOOLS) {
    tools[def.key] = makeTool(em, { key: def.key, name: def.name, category: def.category, description: def.description, status: ToolStatus.ACTIVE, inputSchema: def.inputSchema, createdAt: catalogSince });
  }
  for (const def of CATALOG_ONLY) tools[def.key] = makeTool(em, { ...def, createdAt: catalogSince });
  const toolOf = (key: string): Tool => {
    const tool = tools[key];
    if (!tool) throw new Error(`seed: no tool ${key}`);
    return tool;
  };
  const summarise = toolOf('ticket.summarise');
  const vat = toolOf('vat.validate');
  const validFrom = new Date(now.getTime() - 90 * DAY);
  grantTool(em, acme, summarise, { plan: 'pro', limits: { runsPerMonth: 500 }, validFrom });
  grantTool(em, acme, vat, { plan: 'pro', limits: { runsPerMonth: 1000 }, validFrom });
  grantTool(em, globex, vat, { plan: 'starter', limits: { runsPerMonth: 200 }, validFrom });
  makeToolPanel(em, acme, summarise, { title: 'Summarise a ticket', layout: PanelLayout.FORM, defaultInput: { maxSentences: 3 }, recentRunsLimit: 5, recentRunsScope: RecentRunsScope.MINE });
  makeToolPanel(em, acme, vat, { title: 'Check a VAT number', layout: PanelLayout.COMPACT, defaultInput: {}, recentRunsLimit: 10, recentRunsScope: RecentRunsScope.TENANT });
  makeToolPanel(em, globex, vat, { title: 'VAT check', layout: PanelLayout.FORM, defaultInput: {}, recentRunsLimit: 5, recentRunsScope: RecentRunsScope.TENANT });
  await em.flush();

  // ---- What the summaries read: every demo ticket with its comments ----
  const tenantIds = [acme.id, globex.id];
  const tickets = await em.find(Ticket, { tenant: { $in: tenantIds } }, { filters: false, orderBy: { number: 'ASC' } });
  const comments = await em.find(TicketComment, { tenant: { $in: tenantIds } }, { filters: false, orderBy: { createdAt: 'ASC', id: 'ASC' } });
  const ticketsOf = (tenant: Tenant) => tickets.filter((tk) => tk.tenant.id === tenant.id);
  const names = new Map(Object.values(users).map((u) => [u.id, u.name]));
  const emailOf = new Map(Object.values(users).map((u) => [u.id, u.email]));
  const summaryOf = (ticket: Ticket, maxSentences: number) =>
    buildSummary({
      ticket: { id: ticket.id, number: ticket.number, subject: ticket.subject, body: ticket.body, status: ticket.status, createdAt: ticket.createdAt, requesterId: ticket.requester.id, assigneeId: ticket.assignee?.id ?? null },
      comments: comments.filter((c) => c.ticket.id === ticket.id).map((c) => ({ authorId: c.author.id, body: c.body, createdAt: c.createdAt })),
      names,
      maxSentences,
    });

  // Events go in with one multi-row insert at the end: the seed makes well over a thousand.
  const events: SystemEventInput[] = [];
  const stageRunEvent = (run: AutomationRun, from: RunStatus | null, to: RunStatus, details: RunEventDetails) => events.push(runEventOf(run, from, to, details));
  const stageEvent = (event: SystemEventInput) => events.push(event);

  // ---- Runs, each with the events its life would have written ----
  // Runs and messages are inserted in bulk at the end, outside the unit of work (hundreds of rows).
  const runs: AutomationRun[] = [];
  const messages: InboundMessage[] = [];
  interface RunPlan {
    tenant: Tenant;
    tool: Tool;
    createdAt: Date;
    trigger: RunTrigger;
    requestedBy?: User;
    status: RunStatus;
    correlationId: string;
    retried?: boolean;
  }
  const addRun = (plan: RunPlan): AutomationRun => {
    let runInput: Record<string, unknown>;
    let output: Record<string, unknown> | undefined;
    let ticket: Ticket | undefined;
    if (plan.tool === summarise) {
      ticket = pick(ticketsOf(plan.tenant));
      const maxSentences = between(2, 4);
      runInput = { ticketId: toGlobalId('Ticket', ticket.id), maxSentences };
      output = summaryOf(ticket, maxSentences);
    } else {
      runInput = { vatNumber: pick(VAT_NUMBERS) };
      output = { ...checkVatNumber(String(runInput.vatNumber)) };
    }
    const run = em.create(
      AutomationRun,
      {
        tenant: plan.tenant,
        tool: plan.tool,
        status: RunStatus.QUEUED,
        trigger: plan.trigger,
        input: runInput,
        createdAt: plan.createdAt,
        updatedAt: plan.createdAt,
        correlationId: plan.correlationId,
        attempts: 0,
        maxAttempts: 3,
        nextAttemptAt: plan.createdAt,
        ticket,
        requestedBy: plan.requestedBy,
      },
      { persist: false },
    );
    runs.push(run);
    const source = plan.trigger === RunTrigger.MESSAGE ? 'ingest' : plan.trigger === RunTrigger.SCHEDULE ? 'scheduler' : 'api';
    let at = plan.createdAt.getTime();
    stageRunEvent(run, null, RunStatus.QUEUED, { source, now: new Date(at), payload: { trigger: plan.trigger, toolKey: plan.tool.key } });
    const step = (ms: number) => new Date((at += ms));
    const start = (from: RunStatus) => {
      run.attempts += 1;
      const when = step(between(300, 20_000));
      run.startedAt ??= when;
      stageRunEvent(run, from, RunStatus.RUNNING, { source: 'executor', now: when, payload: { worker: 'worker-seed' } });
    };
    const requeue = (error: string) => {
      const backoff = 2000 * 2 ** (run.attempts - 1);
      const when = step(between(200, 4000));
      run.error = error;
      stageRunEvent(run, RunStatus.RUNNING, RunStatus.QUEUED, {
        source: 'executor',
        now: when,
        payload: { reason: 'ATTEMPT_FAILED', error, nextAttemptAt: new Date(when.getTime() + backoff).toISOString(), worker: 'worker-seed' },
      });
      at += backoff;
    };
    const finish = (to: RunStatus, payload: Record<string, unknown>) => {
      const when = step(between(200, 6000));
      run.status = to;
      run.finishedAt = when;
      run.updatedAt = when;
      run.nextAttemptAt = undefined;
      stageRunEvent(run, RunStatus.RUNNING, to, { source: 'executor', now: when, payload });
    };
    const failure = pick(FAILURES).replace('{corr}', plan.correlationId);

    switch (plan.status) {
      case RunStatus.QUEUED:
        break;
      case RunStatus.RUNNING: {
        // Left behind by a worker that died: the lease has expired, the executor will reclaim it.
        start(RunStatus.QUEUED);
        run.status = RunStatus.RUNNING;
        run.nextAttemptAt = undefined;
        run.leaseOwner = `00000000-0000-4000-8000-${hex(12)}`;
        run.lockedUntil = new Date(at + 30_000);
        run.heartbeatAt = new Date(at);
        break;
      }
      case RunStatus.CANCELLED: {
        const whileRunning = rand() < 0.5;
        const by = plan.requestedBy ? toGlobalId('User', plan.requestedBy.id) : null;
        if (whileRunning) {
          start(RunStatus.QUEUED);
          finish(RunStatus.CANCELLED, { cancelledBy: by });
        } else {
          const when = step(between(1000, 60_000));
          run.status = RunStatus.CANCELLED;
          run.finishedAt = when;
          run.nextAttemptAt = undefined;
          stageRunEvent(run, RunStatus.QUEUED, RunStatus.CANCELLED, { source: 'api', now: when, payload: { cancelledBy: by } });
        }
        break;
      }
      case RunStatus.FAILED: {
        start(RunStatus.QUEUED);
        requeue(failure);
        start(RunStatus.QUEUED);
        requeue(failure);
        start(RunStatus.QUEUED);
        run.error = failure;
        finish(RunStatus.FAILED, { error: failure, retryable: true, worker: 'worker-seed' });
        break;
      }
      default: {
        start(RunStatus.QUEUED);
        if (plan.retried) {
          requeue(failure);
          start(RunStatus.QUEUED);
        }
        run.output = output;
        run.error = undefined;
        finish(RunStatus.SUCCEEDED, { worker: 'worker-seed' });
      }
    }
    return run;
  };

  const statusByChance = (): Pick<RunPlan, 'status' | 'retried'> => {
    const r = rand();
    if (r < 0.72) return { status: RunStatus.SUCCEEDED };
    if (r < 0.8) return { status: RunStatus.SUCCEEDED, retried: true };
    if (r < 0.91) return { status: RunStatus.FAILED };
    return { status: RunStatus.CANCELLED };
  };
  const withinDays = (days: number) => new Date(now.getTime() - Math.floor(rand() * days * DAY) - 10 * MINUTE);

  const seedRuns = (tenant: Tenant, count: number, toolsOf: Tool[], requesters: User[]) => {
    for (let i = 0; i < count; i++) {
      const r = rand();
      const trigger = r < 0.62 ? RunTrigger.USER : r < 0.85 ? RunTrigger.SCHEDULE : RunTrigger.PARTNER;
      addRun({
        tenant,
        tool: pick(toolsOf),
        createdAt: withinDays(30),
        trigger,
        requestedBy: trigger === RunTrigger.USER ? pick(requesters) : undefined,
        correlationId: newCorrelationId(),
        ...statusByChance(),
      });
    }
  };
  const acmeRequesters = ['member@acme.test', 'agent@acme.test', 'admin@acme.test', 'owner@acme.test'].map(user);
  seedRuns(acme, 150, [summarise, vat, vat], acmeRequesters);
  seedRuns(globex, 40, [vat], [user('owner@globex.test')]);
  // A few just queued, and two whose worker died (expired leases): a started server picks them up.
  for (const [tenant, tool, minutesAgo, status] of [
    [acme, vat, 2, RunStatus.QUEUED],
    [acme, summarise, 3, RunStatus.QUEUED],
    [acme, vat, 4, RunStatus.QUEUED],
    [globex, vat, 3, RunStatus.QUEUED],
    [acme, summarise, 14, RunStatus.RUNNING],
    [acme, vat, 12, RunStatus.RUNNING],
  ] as const) {
    addRun({ tenant, tool, createdAt: new Date(now.getTime() - minutesAgo * MINUTE), trigger: RunTrigger.USER, requestedBy: user(tenant === acme ? 'member@acme.test' : 'owner@globex.test'), status, correlationId: newCorrelationId() });
  }

  // ---- Inbound messages ----
  const addMessage = (data: {
    tenant: Tenant;
    channel: MessageChannel;
    sender: string;
    subject?: string;
    payload: Record<string, unknown>;
    receivedAt: Date;
    status: MessageStatus;
    correlationId: string;
    receivedBy: User;
    error?: string;
    ticket?: Ticket;
    run?: AutomationRun;
  }): InboundMessage => {
    const processedAt = new Date(data.receivedAt.getTime() + between(20, 900));
    const message = em.create(
      InboundMessage,
      {
      tenant: data.tenant,
      channel: data.channel,
      sender: data.sender,
      subject: data.subject,
      payload: data.payload,
      receivedAt: data.receivedAt,
      status: data.status,
      processedAt,
      error: data.error,
      correlationId: data.correlationId,
      ticket: data.ticket,
      run: data.run,
      receivedBy: data.receivedBy,
      createdAt: data.receivedAt,
      updatedAt: processedAt,
      },
      { persist: false },
    );
    messages.push(message);
    const messageId = toGlobalId('InboundMessage', message.id);
    stageEvent({ tenantId: data.tenant.id, type: 'message.received', source: 'ingest', correlationId: data.correlationId, occurredAt: data.receivedAt, payload: { messageId, channel: data.channel, sender: data.sender } });
    stageEvent({
      tenantId: data.tenant.id,
      type: `message.${data.status.toLowerCase()}`,
      source: 'ingest',
      severity: data.status === MessageStatus.FAILED ? EventSeverity.WARNING : EventSeverity.INFO,
      correlationId: data.correlationId,
      occurredAt: processedAt,
      payload: {
        messageId,
        channel: data.channel,
        ticketId: data.ticket ? toGlobalId('Ticket', data.ticket.id) : null,
        runId: data.run ? toGlobalId('AutomationRun', data.run.id) : null,
        error: data.error ?? null,
      },
    });
    return message;
  };

  const refusal = (err: unknown) => (err instanceof AppError ? describeRefusal(err) : 'INTERNAL_SERVER_ERROR');
  const inputRefusal = (tool: Tool, value: Record<string, unknown>) => {
    try {
      assertMatchesSchema(tool.inputSchema, value);
      return null;
    } catch (err) {
      return refusal(err);
    }
  };

  const seedMessages = (tenant: Tenant, opts: { ticketEvery: number; runs: number; integration: User; webhookSender: string; failing: { tool: Tool; count: number }; ignored: number }) => {
    // E-mails that opened tickets: the ticket keeps the message's correlation id.
    ticketsOf(tenant).forEach((ticket, i) => {
      if (i % opts.ticketEvery !== 0) return;
      const correlationId = newCorrelationId();
      ticket.correlationId = correlationId;
      const requester = ticket.requester.id;
      addMessage({
        tenant,
        channel: MessageChannel.EMAIL,
        sender: emailOf.get(requester) ?? 'customer@example.test',
        subject: ticket.subject,
        payload: { text: ticket.body, headers: { 'message-id': `<${hex(16)}@mail.example.test>` } },
        receivedAt: new Date(ticket.createdAt.getTime() - between(500, 3000)),
        status: MessageStatus.PROCESSED,
        correlationId,
        receivedBy: opts.integration,
        ticket,
      });
    });
    // Webhooks that started runs: the run is triggered by the message and shares its correlation id.
    for (let i = 0; i < opts.runs; i++) {
      const correlationId = newCorrelationId();
      const receivedAt = withinDays(30);
      const tool = tenant === acme && i % 4 === 0 ? summarise : vat;
      const run = addRun({ tenant, tool, createdAt: receivedAt, trigger: RunTrigger.MESSAGE, requestedBy: opts.integration, correlationId, ...statusByChance() });
      addMessage({
        tenant,
        channel: i % 3 === 0 ? MessageChannel.API : MessageChannel.WEBHOOK,
        sender: opts.webhookSender,
        subject: tool === vat ? 'VAT check requested' : undefined,
        payload: { action: 'run', tool: tool.key, input: run.input },
        receivedAt,
        status: MessageStatus.PROCESSED,
        correlationId,
        receivedBy: opts.integration,
        run,
      });
    }
    // Refused requests: a tool the tenant is not entitled to, or input that does not fit.
    for (let i = 0; i < opts.failing.count; i++) {
      const badInput = i % 3 === 2 && tenant === acme;
      const tool = badInput ? vat : opts.failing.tool;
      const runInput = badInput ? { vatNumber: 'DE' } : tool === summarise ? { ticketId: toGlobalId('Ticket', pick(ticketsOf(tenant)).id) } : { invoiceNumber: `INV-${between(1000, 9999)}`, amount: between(10, 5000) };
      const error = badInput ? inputRefusal(vat, runInput) : refusal(entitlementRequired(tool));
      addMessage({
        tenant,
        channel: MessageChannel.WEBHOOK,
        sender: opts.webhookSender,
        payload: { action: 'run', tool: tool.key, input: runInput },
        receivedAt: withinDays(30),
        status: MessageStatus.FAILED,
        correlationId: newCorrelationId(),
        receivedBy: opts.integration,
        error: error ?? undefined,
      });
    }
    for (let i = 0; i < opts.ignored; i++) {
      addMessage({
        tenant,
        channel: MessageChannel.EMAIL,
        sender: `no-reply+${hex(6)}@mail.example.test`,
        subject: 'Automatic reply',
        payload: { autoReply: true, text: pick(AUTO_REPLIES) },
        receivedAt: withinDays(30),
        status: MessageStatus.IGNORED,
        correlationId: newCorrelationId(),
        receivedBy: opts.integration,
        error: 'Automatic reply; no ticket opened.',
      });
    }
  };
  const reconcile = toolOf('invoice.reconcile');
  seedMessages(acme, { ticketEvery: 2, runs: 32, integration: user('admin@acme.test'), webhookSender: 'erp.acme.example', failing: { tool: reconcile, count: 10 }, ignored: 8 });
  seedMessages(globex, { ticketEvery: 2, runs: 6, integration: user('owner@globex.test'), webhookSender: 'billing.globex.example', failing: { tool: summarise, count: 4 }, ignored: 3 });

  // Tickets that messages opened now carry the message's correlation id.
  await em.flush();
  await em.insertMany(runs);
  await em.insertMany(messages);
  await em.insertMany(
    SystemEvent,
    events.map((e) => ({
      id: uuidv7(),
      tenant: e.tenantId ?? undefined,
      type: e.type,
      source: e.source,
      severity: e.severity ?? EventSeverity.INFO,
      payload: e.payload ?? {},
      correlationId: e.correlationId ?? undefined,
      occurredAt: e.occurredAt ?? now,
    })),
  );
  return { tools: Object.keys(tools).length, runs: runs.length, messages: messages.length };
}
