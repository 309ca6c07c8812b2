import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { expectGlobalId } from '../../common/global-id';
import { forbidden, notFound } from '../../common/errors';
import type { Context } from '../../context/context';
import { userIdOf } from '../../context/scope';
import { Notification } from '../notifications/notification.entity';
import { loadNodes } from '../node/node.registry';
import { isIncidentStaff } from '../incidents/incident.access';
import { Incident } from '../incidents/incident.entity';
import { AutomationRun } from '../runs/run.entity';
import type { TicketComment } from '../tickets/ticket-comment.entity';
import type { Ticket } from '../tickets/ticket.entity';
import { topic } from './bus';
import { type LivePayload, liveSubscription, valueOf } from './live';
import { TicketChange, TicketChangeKind } from './realtime.types';

/** One entity of a node type as `ctx` may read it (its access policy and row conditions), or null. */
async function readNode<T>(ctx: Context, type: string, id: string): Promise<T | null> {
  return ((await loadNodes(ctx, type, [id])).get(id) as T | undefined) ?? null;
}

/**
 * The id argument of a one-entity subscription, checked now: one the caller cannot read answers
 * NOT_FOUND, as the query would (another tenant's included).
 */
async function subscribedId(ctx: Context, type: string, globalId: string | null | undefined, what: string): Promise<string | null> {
  if (!globalId) return null;
  const id = expectGlobalId(globalId, type);
  if (!(await readNode(ctx, type, id))) throw notFound(what);
  return id;
}

type IdArgs = { id?: string | null };

/** Inside a tenant, its topic; staff (outside any tenant) listen to every tenant's. */
const scoped = (ctx: Context, perTenant: (tenantId: string) => string, all: string) => [ctx.tenantId ? perTenant(ctx.tenantId) : all];

const ticketChanges = liveSubscription<IdArgs, TicketChange>({
  async start(ctx, args) {
    const id = await subscribedId(ctx, 'Ticket', args.id, 'Ticket');
    return {
      topics: scoped(ctx, topic.tickets, topic.allTickets),
      accept: (event) => event.type === 'ticket' && (!id || event.ticketId === id),
    };
  },
  async read(fresh, event) {
    if (event.type !== 'ticket') return null;
    const ticket = await readNode<Ticket>(fresh, 'Ticket', event.ticketId);
    if (!ticket) return null;
    let comment: TicketComment | null = null;
    if (event.commentId) {
      // A comment the subscriber may not read is not delivered at all, not even as "commented".
      comment = await readNode<TicketComment>(fresh, 'TicketComment', event.commentId);
      if (!comment) return null;
    }
    return Object.assign(new TicketChange(), { kind: TicketChangeKind[event.kind], ticket, comment });
  },
});

const runChanges = liveSubscription<IdArgs, AutomationRun>({
  async start(ctx, args) {
    const id = await subscribedId(ctx, 'AutomationRun', args.id, 'Run');
    return {
      topics: scoped(ctx, topic.runs, topic.allRuns),
      accept: (event) => event.type === 'run' && (!id || event.runId === id),
      // One run: its status now comes first, so a run that moved on before the subscription
      // started (a quick one finishes in milliseconds) is not missed.
      initial: id ? { type: 'run', tenantId: ctx.tenantId ?? '', runId: id } : undefined,
    };
  },
  read: (fresh, event) => (event.type === 'run' ? readNode<AutomationRun>(fresh, 'AutomationRun', event.runId) : Promise.resolve(null)),
});

const incidentChanges = liveSubscription<Record<string, never>, Incident>({
  start: (ctx) => {
    // Staff hear every incident; a member only those affecting their tenant (the read decides the rest).
    const staff = isIncidentStaff(ctx);
    const tenantId = ctx.tenantId;
    return {
      topics: [topic.incidents],
      accept: (event) => event.type === 'incident' && (staff || (!!tenantId && event.tenantIds.includes(tenantId))),
    };
  },
  read: (fresh, event) => (event.type === 'incident' ? readNode<Incident>(fresh, 'Incident', event.incidentId) : Promise.resolve(null)),
});

const notificationEvents = liveSubscription<Record<string, never>, Notification>({
  start: (ctx) => {
    // An inbox belongs to a person: an API key has none (as for the notification queries).
    const userId = ctx.principal.kind === 'user' ? userIdOf(ctx) : null;
    if (!userId) throw forbidden();
    return { topics: [topic.notifications(userId)], accept: (event) => event.type === 'notification' && event.userId === userId };
  },
  // Read again as the subscriber: their own, in the tenant they act in, shown in the app.
  read: (fresh, event) => (event.type === 'notification' ? readNode<Notification>(fresh, 'Notification', event.notificationId) : Promise.resolve(null)),
});

/**
 * Live changes over WebSocket (graphql-transport-ws at /graphql, realtime/ws-server.ts). Each
 * event is read again with the subscriber's own context: what it may not read never arrives.
 */
@Resolver()
export class RealtimeResolver {
  @Subscription(() => TicketChange, {
    description: "Changes to the tickets of your tenant (staff: every tenant's), or to one ticket: opened, updated, commented.",
    subscribe: ticketChanges,
  })
  ticketChanged(
    @Root() payload: LivePayload<TicketChange>,
    @Arg('id', () => ID, { nullable: true, description: 'Only this ticket (its global id); another tenant\'s answers NOT_FOUND.' }) _id?: string,
  ): TicketChange {
    return valueOf(payload);
  }

  @Subscription(() => AutomationRun, {
    description: "Status changes of your tenant's automation runs (staff: every tenant's), or of one run (its current state first).",
    subscribe: runChanges,
  })
  runChanged(
    @Root() payload: LivePayload<AutomationRun>,
    @Arg('id', () => ID, { nullable: true, description: 'Only this run (its global id); another tenant\'s answers NOT_FOUND.' }) _id?: string,
  ): AutomationRun {
    return valueOf(payload);
  }

  @Subscription(() => Incident, {
    description: 'Incidents affecting your tenant as they are opened, change state or get a public note; staff: every incident.',
    subscribe: incidentChanges,
  })
  incidentChanged(@Root() payload: LivePayload<Incident>): Incident {
    return valueOf(payload);
  }

  @Subscription(() => Notification, {
    description: 'Your new in-app notifications as they are created, in the tenant you act in (none for API keys).',
    subscribe: notificationEvents,
  })
  notificationReceived(@Root() payload: LivePayload<Notification>): Notification {
    return valueOf(payload);
  }
}
