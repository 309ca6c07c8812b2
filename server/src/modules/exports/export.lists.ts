import type { ConnectionShape } from '../../common/pagination/connection';
import { toGlobalId } from '../../common/global-id';
import type { Context } from '../../context/context';
import type { AccessGate } from '../../permissions/access';
import { auditLogAccess } from '../audit/audit.access';
import type { AuditLog } from '../audit/audit-log.entity';
import { listAuditLogs } from '../audit/audit.service';
import { auditActorKind } from '../audit/audit-log.entity';
import { systemEventAccess } from '../events/event.access';
import { listSystemEvents } from '../events/event.service';
import type { SystemEvent } from '../events/system-event.entity';
import { runAccess } from '../runs/run.access';
import type { AutomationRun } from '../runs/run.entity';
import { listRuns } from '../runs/run.service';
import { ticketAccess } from '../tickets/ticket.access';
import type { Ticket } from '../tickets/ticket.entity';
import { listTickets } from '../tickets/ticket.service';
import { TicketFilter } from '../tickets/ticket.inputs';
import { AuditLogFilter } from '../audit/audit.inputs';
import { RunFilter } from '../runs/run.inputs';
import { SystemEventFilter } from '../events/event.inputs';
import type { CsvValue } from './csv';

/** What an export asks of a list page: the filter and order as GraphQL would pass them, and the keyset cursor. */
export interface PageArgs {
  filter?: Record<string, unknown>;
  orderBy?: Record<string, unknown>;
  first: number;
  after?: string;
}

/**
 * One exportable list: who may read it (the same policy as its GraphQL query's shield rule), the
 * GraphQL input types its filter and order are checked against, its page (the list's own
 * service function: the same scoping, row policies and filters as the query), and its columns.
 */
export interface ExportList<T> {
  readonly access: AccessGate;
  readonly filterType: string;
  /** The filter's class, whose class-validator rules the export checks too. */
  readonly filterClass: new () => object;
  readonly orderType: string | null;
  readonly page: (ctx: Context, args: PageArgs) => Promise<ConnectionShape<T>>;
  readonly header: readonly string[];
  /** The page's rows as cells; names of related rows come through the request's loaders (one query per page). */
  readonly rows: (ctx: Context, nodes: T[]) => Promise<CsvValue[][]>;
}

const define = <T>(list: ExportList<T>): ExportList<unknown> => list as unknown as ExportList<unknown>;

/** One value of each distinct row `ids` name, loaded through `loader` in one batch (missing ids left out). */
async function valuesById<R>(loader: { loadMany(keys: string[]): Promise<(R | null | Error)[]> }, ids: (string | undefined)[], valueOf: (row: R) => string): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const rows = await loader.loadMany(wanted);
  const out = new Map<string, string>();
  rows.forEach((row, i) => {
    const id = wanted[i];
    if (id && row && !(row instanceof Error)) out.set(id, valueOf(row));
  });
  return out;
}

const tenantSlugs = (ctx: Context, ids: (string | undefined)[]) => valuesById(ctx.loaders.tenancy.tenantById, ids, (t) => t.slug);
const userEmails = (ctx: Context, ids: (string | undefined)[]) => valuesById(ctx.loaders.users.byId, ids, (u) => u.email);

const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

/** The lists the back office exports, by their URL name (`/api/export/<name>.csv`). */
export const EXPORT_LISTS: Readonly<Record<string, ExportList<unknown>>> = {
  tickets: define<Ticket>({
    access: ticketAccess,
    filterType: 'TicketFilter',
    filterClass: TicketFilter,
    orderType: 'TicketOrder',
    page: (ctx, args) => listTickets(ctx, args as Parameters<typeof listTickets>[1]),
    header: ['id', 'tenant', 'number', 'subject', 'status', 'priority', 'requester', 'assignee', 'createdAt', 'updatedAt', 'correlationId'],
    rows: async (ctx, nodes) => {
      const tenants = await tenantSlugs(ctx, nodes.map((t) => t.tenant.id));
      const users = await userEmails(ctx, nodes.flatMap((t) => [t.requester.id, t.assignee?.id]));
      return nodes.map((t) => [
        toGlobalId('Ticket', t.id),
        tenants.get(t.tenant.id),
        t.number,
        t.subject,
        t.status,
        t.priority,
        users.get(t.requester.id),
        t.assignee ? users.get(t.assignee.id) : '',
        t.createdAt,
        t.updatedAt,
        t.correlationId,
      ]);
    },
  }),
  'audit-logs': define<AuditLog>({
    access: auditLogAccess,
    filterType: 'AuditLogFilter',
    filterClass: AuditLogFilter,
    orderType: 'AuditLogOrder',
    page: (ctx, args) => listAuditLogs(ctx, args as Parameters<typeof listAuditLogs>[1]),
    header: ['id', 'createdAt', 'action', 'tenant', 'actor', 'actorKind', 'targetType', 'targetId', 'correlationId', 'ip', 'diff'],
    rows: async (ctx, nodes) => {
      const tenants = await tenantSlugs(ctx, nodes.map((a) => a.tenant?.id));
      const users = await userEmails(ctx, nodes.map((a) => a.actor?.id));
      return nodes.map((a) => [
        toGlobalId('AuditLog', a.id),
        a.createdAt,
        a.action,
        a.tenant ? tenants.get(a.tenant.id) : '',
        a.actor ? users.get(a.actor.id) : '',
        auditActorKind(a),
        a.targetType,
        a.targetId,
        a.correlationId,
        a.ip,
        json(a.diff),
      ]);
    },
  }),
  runs: define<AutomationRun>({
    access: runAccess,
    filterType: 'RunFilter',
    filterClass: RunFilter,
    orderType: 'RunOrder',
    page: (ctx, args) => listRuns(ctx, args as Parameters<typeof listRuns>[1]),
    header: ['id', 'tenant', 'tool', 'status', 'trigger', 'attempts', 'createdAt', 'startedAt', 'finishedAt', 'error', 'correlationId'],
    rows: async (ctx, nodes) => {
      const tenants = await tenantSlugs(ctx, nodes.map((r) => r.tenant.id));
      const tools = await ctx.loaders.tools.readById.loadMany([...new Set(nodes.map((r) => r.tool.id))]);
      const toolKey = new Map<string, string>();
      for (const tool of tools) if (tool && !(tool instanceof Error)) toolKey.set(tool.id, tool.key);
      return nodes.map((r) => [
        toGlobalId('AutomationRun', r.id),
        tenants.get(r.tenant.id),
        toolKey.get(r.tool.id),
        r.status,
        r.trigger,
        r.attempts,
        r.createdAt,
        r.startedAt,
        r.finishedAt,
        r.error,
        r.correlationId,
      ]);
    },
  }),
  'system-events': define<SystemEvent>({
    access: systemEventAccess,
    filterType: 'SystemEventFilter',
    filterClass: SystemEventFilter,
    orderType: null,
    page: (ctx, args) => listSystemEvents(ctx, args),
    header: ['id', 'occurredAt', 'type', 'severity', 'source', 'tenant', 'correlationId', 'payload'],
    rows: async (ctx, nodes) => {
      const tenants = await tenantSlugs(ctx, nodes.map((e) => e.tenant?.id));
      return nodes.map((e) => [
        toGlobalId('SystemEvent', e.id),
        e.occurredAt,
        e.type,
        e.severity,
        e.source,
        e.tenant ? tenants.get(e.tenant.id) : '',
        e.correlationId,
        json(e.payload),
      ]);
    },
  }),
};
