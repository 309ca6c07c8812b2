import { type FilterQuery, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, badInput, conflict, forbidden, notFound } from '../../common/errors';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate, type PageSelection } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions, userIdOf, requireTenant } from '../../context/scope';
import { auditPlatformAccess, recordAudit } from '../audit/audit.service';
import { reserveRun } from '../entitlements/entitlement.gate';
import { Tenant } from '../tenancy/tenant.entity';
import { Ticket } from '../tickets/ticket.entity';
import { Tool } from '../tools/tool.entity';
import { assertMatchesSchema } from '../tools/tool.json-schema';
import { User } from '../users/user.entity';
import { AutomationRun, RunStatus, RunTrigger } from './run.entity';
import { runList, type RunsArgs, type StartRunInput } from './run.inputs';
import { canTransition, recordRunEvent, transitionRun } from './run.transitions';

/** Runs newest first: the default list order, and the order of a ticket's runs. */
export const RUN_ORDER = runList.defaultSort;

export async function listRuns(ctx: Context, args: RunsArgs, selection: PageSelection = {}): Promise<ConnectionShape<AutomationRun>> {
  const f = args.filter;
  const where: FilterQuery<AutomationRun> & Record<string, unknown> = {};
  if (f?.status?.length) where.status = { $in: f.status };
  if (f?.trigger?.length) where.trigger = { $in: f.trigger };
  if (f?.toolId) where.tool = expectGlobalId(f.toolId, 'Tool', 'filter.toolId');
  if (f?.ticketId) where.ticket = expectGlobalId(f.ticketId, 'Ticket', 'filter.ticketId');
  if (f?.requestedById) where.requestedBy = expectGlobalId(f.requestedById, 'User', 'filter.requestedById');
  if (f?.correlationId) where.correlationId = f.correlationId;
  if (f?.from || f?.to) where.createdAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lte: f.to } : {}) };
  // Inside a tenant the filter pins the tenant already; another tenant's id matches nothing.
  if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
  const page = await paginate({ em: ctx.em, entity: AutomationRun, where, args, sort: runList.sortOf(args), options: scopeOptions(ctx), ...selection });
  await auditPlatformAccess(ctx, 'runs', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
  return page;
}

export async function getRun(ctx: Context, id: string): Promise<AutomationRun> {
  const run = await ctx.loaders.runs.byId.load(id);
  if (!run) throw notFound('Run');
  await auditPlatformAccess(ctx, 'run', { runId: toGlobalId('AutomationRun', id) }, run.tenant.id);
  return run;
}

/** What a new run needs; the tenant and correlation id come from the caller (token or message), never from input. */
export interface NewRun {
  tenantId: string;
  tool: Tool;
  input: unknown;
  trigger: RunTrigger;
  correlationId: string;
  maxAttempts: number;
  requestedById?: string | null;
  ticketId?: string | null;
  retryOfId?: string | null;
  /** Who emits the run.queued event: "api", "ingest". */
  source: string;
  now?: Date;
}

/**
 * Queues a run inside the caller's transaction, after the gates: the tool is not retired, the
 * tenant holds an active grant of it, the input matches its schema, and (under the grant's row
 * lock) the monthly quota has room. Writes the run and its run.queued event; the caller commits.
 * Shared by startRun, retryRun and message ingestion.
 */
export async function enqueueRun(em: EntityManager, spec: NewRun): Promise<AutomationRun> {
  const now = spec.now ?? new Date();
  const { tool } = spec;
  if (tool.isRetired()) throw forbidden(`${tool.name} is retired; it can no longer be run.`, ErrorReason.TOOL_RETIRED);
  // One query decides the grant and the quota (locking the grant), so callers without a grant
  // or out of quota hear that before any input problems.
  await reserveRun(em, spec.tenantId, tool, now);
  assertMatchesSchema(tool.inputSchema, spec.input);
  const run = em.create(AutomationRun, {
    tenant: em.getReference(Tenant, spec.tenantId),
    tool: em.getReference(Tool, tool.id),
    status: RunStatus.QUEUED,
    trigger: spec.trigger,
    input: spec.input,
    correlationId: spec.correlationId,
    maxAttempts: spec.maxAttempts,
    nextAttemptAt: now,
    requestedBy: spec.requestedById ? em.getReference(User, spec.requestedById) : undefined,
    ticket: spec.ticketId ? em.getReference(Ticket, spec.ticketId) : undefined,
    retryOf: spec.retryOfId ? em.getReference(AutomationRun, spec.retryOfId) : undefined,
    createdAt: now,
    updatedAt: now,
  });
  em.persist(run);
  recordRunEvent(em, run, null, RunStatus.QUEUED, { source: spec.source, now, payload: { trigger: spec.trigger, toolKey: tool.key } });
  return run;
}

/** A tool by global id or by key (exactly one); NOT_FOUND when there is none. */
export async function resolveTool(em: EntityManager, ref: { toolId?: string | null; toolKey?: string | null }): Promise<Tool> {
  if (!ref.toolId === !ref.toolKey) {
    throw badInput('Name the tool by toolId or by toolKey (one of them).', [{ field: 'toolId', message: 'Give either toolId or toolKey.' }]);
  }
  const tool = ref.toolId ? await em.findOne(Tool, { id: expectGlobalId(ref.toolId, 'Tool', 'toolId') }) : await em.findOne(Tool, { key: ref.toolKey ?? '' });
  if (!tool) throw notFound('Tool');
  return tool;
}

/** Starts a run of a tool for the caller's tenant (trigger USER, the request's correlation id). */
export async function startRun(ctx: Context, input: StartRunInput): Promise<AutomationRun> {
  const { tenantId, userId } = requireTenant(ctx);
  const tool = await resolveTool(ctx.em, input);
  let ticketId: string | null = null;
  if (input.ticketId) {
    ticketId = expectGlobalId(input.ticketId, 'Ticket', 'ticketId');
    if (!(await ctx.loaders.tickets.byId.load(ticketId))) throw notFound('Ticket');
  }
  return ctx.em.transactional((em) =>
    enqueueRun(em, {
      tenantId,
      tool,
      input: input.input,
      trigger: RunTrigger.USER,
      correlationId: ctx.correlationId,
      maxAttempts: ctx.app.config.executor.maxAttempts,
      requestedById: userId,
      ticketId,
      source: 'api',
    }),
  );
}

/**
 * Cancels a queued or running run. A running one is cancelled in the database at once; its
 * worker notices at its next heartbeat, aborts the handler and its late result is discarded.
 * Audited (platform staff may cancel in any tenant).
 */
export async function cancelRun(ctx: Context, globalId: string): Promise<AutomationRun> {
  const id = expectGlobalId(globalId, 'AutomationRun');
  return ctx.em.transactional(async (em) => {
    const run = await em.findOne(AutomationRun, { id }, { ...scopeOptions(ctx), lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!run) throw notFound('Run');
    const from = run.status as RunStatus;
    if (!canTransition(from, RunStatus.CANCELLED)) {
      throw conflict(`This run has already finished (${from}); only queued or running runs can be cancelled.`, ErrorReason.RUN_FINISHED);
    }
    const userId = userIdOf(ctx);
    transitionRun(em, run, RunStatus.CANCELLED, { source: 'api', payload: { cancelledBy: userId ? toGlobalId('User', userId) : null } });
    recordAudit(ctx, em, {
      action: 'run.cancelled',
      tenantId: run.tenant.id,
      target: { type: 'AutomationRun', id: run.id },
      diff: { before: { status: from }, after: { status: RunStatus.CANCELLED }, ...(isPlatformScope(ctx) ? { viaPlatform: true } : {}) },
    });
    return run;
  });
}

/**
 * Runs a failed or cancelled run again as a new run (same tool, input and ticket), through the
 * same gates and quota (the run's tenant's). A member with run:write retries in their tenant;
 * platform staff with platform:run:manage retry in any tenant. Audited.
 */
export async function retryRun(ctx: Context, globalId: string): Promise<AutomationRun> {
  const platform = isPlatformScope(ctx);
  const userId = platform ? userIdOf(ctx) : requireTenant(ctx).userId;
  const id = expectGlobalId(globalId, 'AutomationRun');
  const original = await ctx.loaders.runs.byId.load(id);
  if (!original) throw notFound('Run');
  if (!original.statusIs(RunStatus.FAILED, RunStatus.CANCELLED)) {
    throw conflict(`Only failed or cancelled runs can be retried; this one is ${original.status}.`, ErrorReason.RUN_NOT_RETRYABLE);
  }
  const tool = await ctx.loaders.tools.byId.load(original.tool.id);
  if (!tool) throw notFound('Tool');
  const tenantId = original.tenant.id;
  return ctx.em.transactional(async (em) => {
    const run = await enqueueRun(em, {
      tenantId,
      tool,
      input: original.input,
      trigger: RunTrigger.USER,
      // The retry continues the original's story: same correlation id.
      correlationId: original.correlationId,
      maxAttempts: ctx.app.config.executor.maxAttempts,
      requestedById: userId,
      ticketId: original.ticket?.id ?? null,
      retryOfId: original.id,
      source: 'api',
    });
    recordAudit(ctx, em, {
      action: 'run.retried',
      tenantId,
      target: { type: 'AutomationRun', id: original.id },
      diff: { after: { retryId: toGlobalId('AutomationRun', run.id) }, ...(platform ? { viaPlatform: true } : {}) },
    });
    return run;
  });
}
