import type { Loaded } from '../../common/batch-loaders';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isIncidentStaff } from './incident.access';
import { expectGlobalId } from '../../common/global-id';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import { listCost } from '../../common/query-limits';
import type { Context } from '../../context/context';
import { SystemEvent } from '../events/system-event.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { Ticket } from '../tickets/ticket.entity';
import { User } from '../users/user.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { Incident } from './incident.entity';
import {
  AddIncidentNoteInput,
  CreateIncidentInput,
  IncidentsArgs,
  LinkIncidentEventsInput,
  LinkIncidentTicketsInput,
  TransitionIncidentInput,
} from './incident.inputs';
import { INCIDENT_LIST_BOUNDS as BOUND } from './incident.loaders';
import * as links from './incident.links';
import * as incidents from './incident.service';

const IncidentConnection = Connection(Incident);

/** Staff members behind an incident are shown to staff only; customers get null. */
function staffMember(ctx: Context, ref: { id: string } | undefined): Loaded<User> {
  return ref && isIncidentStaff(ctx) ? ctx.loaders.users.byId.get(ref.id) : null;
}

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => IncidentConnection, { description: 'Incidents, newest first: staff see all; customers those affecting their tenant.' })
  incidents(@Args() args: IncidentsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Incident>> {
    return incidents.listIncidents(ctx, args);
  }

  @Query(() => Incident, { nullable: true, description: 'One incident; ids you cannot see answer NOT_FOUND.' })
  incident(@Arg('id', () => ID, { description: 'Global id of the incident.' }) id: string, @Ctx() ctx: Context): Promise<Incident> {
    return incidents.getIncident(ctx, expectGlobalId(id, 'Incident'));
  }

  @Mutation(() => Incident, { description: 'Staff: opens an incident affecting the given tenants; audited, and writes an "incident.opened" event.' })
  createIncident(@Arg('input', { description: 'Title, severity, summary and affected tenants of the new incident.' }) input: CreateIncidentInput, @Ctx() ctx: Context): Promise<Incident> {
    return incidents.createIncident(ctx, input);
  }

  @Mutation(() => Incident, { description: 'Staff: OPEN → MITIGATED → RESOLVED; any other move answers CONFLICT.' })
  transitionIncident(@Arg('input', { description: 'The incident and the status to move it to.' }) input: TransitionIncidentInput, @Ctx() ctx: Context): Promise<Incident> {
    return incidents.transitionIncident(ctx, input);
  }

  @Mutation(() => Incident, { description: "Staff: links system events; their tenants join the affected tenants." })
  linkIncidentEvents(@Arg('input', { description: 'The incident and the system events to link to it.' }) input: LinkIncidentEventsInput, @Ctx() ctx: Context): Promise<Incident> {
    return links.linkIncidentEvents(ctx, input);
  }

  @Mutation(() => Incident, { description: "Staff: links tickets; their tenants join the affected tenants." })
  linkIncidentTickets(@Arg('input', { description: 'The incident and the tickets to link to it.' }) input: LinkIncidentTicketsInput, @Ctx() ctx: Context): Promise<Incident> {
    return links.linkIncidentTickets(ctx, input);
  }

  @Mutation(() => IncidentTimelineEntry, { description: 'Staff: adds a note to the timeline (internal unless internal: false).' })
  addIncidentNote(@Arg('input', { description: 'The incident and the note to add to its timeline.' }) input: AddIncidentNoteInput, @Ctx() ctx: Context): Promise<IncidentTimelineEntry> {
    return incidents.addIncidentNote(ctx, input);
  }

  @FieldResolver(() => [Tenant], { complexity: listCost(BOUND.affectedTenants), description: `Staff: every affected tenant (at most ${BOUND.affectedTenants}); customers: their own.` })
  affectedTenants(@Root() incident: Incident, @Ctx() ctx: Context): Promise<Tenant[]> {
    return ctx.loaders.incidents.affectedTenants.load(incident.id);
  }

  @FieldResolver(() => [Ticket], { complexity: listCost(BOUND.tickets), description: `Linked tickets, oldest first, at most ${BOUND.tickets}; customers see their tenant's (with ticket:read).` })
  tickets(@Root() incident: Incident, @Ctx() ctx: Context): Promise<Ticket[]> {
    return ctx.loaders.incidents.tickets.load(incident.id);
  }

  @FieldResolver(() => [SystemEvent], { complexity: listCost(BOUND.events), description: `Linked events, oldest first, at most ${BOUND.events}; customers see their tenant's (with event:read).` })
  events(@Root() incident: Incident, @Ctx() ctx: Context): Promise<SystemEvent[]> {
    return ctx.loaders.incidents.events.load(incident.id);
  }

  @FieldResolver(() => [IncidentTimelineEntry], { complexity: listCost(BOUND.timeline), description: `The newest ${BOUND.timeline} entries, oldest first; customers see the public entries for everyone or for their tenant.` })
  timeline(@Root() incident: Incident, @Ctx() ctx: Context): Promise<IncidentTimelineEntry[]> {
    return ctx.loaders.incidents.timeline.load(incident.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Staff only.' })
  openedBy(@Root() incident: Incident, @Ctx() ctx: Context): Loaded<User> {
    return staffMember(ctx, incident.openedBy);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Staff only.' })
  mitigatedBy(@Root() incident: Incident, @Ctx() ctx: Context): Loaded<User> {
    return staffMember(ctx, incident.mitigatedBy);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Staff only.' })
  resolvedBy(@Root() incident: Incident, @Ctx() ctx: Context): Loaded<User> {
    return staffMember(ctx, incident.resolvedBy);
  }
}

@Resolver(() => IncidentTimelineEntry)
export class IncidentTimelineEntryResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Staff only.' })
  author(@Root() entry: IncidentTimelineEntry, @Ctx() ctx: Context): Loaded<User> {
    return staffMember(ctx, entry.author);
  }

  @FieldResolver(() => Date, { description: 'When it happened.' })
  at(@Root() entry: IncidentTimelineEntry): Date {
    return entry.createdAt;
  }

  @FieldResolver(() => Incident, { description: 'Incident the entry belongs to.' })
  incident(@Root() entry: IncidentTimelineEntry, @Ctx() ctx: Context): Loaded<Incident> {
    return ctx.loaders.incidents.byId.load(entry.incident.id);
  }
}

/** Ticket.incidents, contributed by this module. */
@Resolver(() => Ticket)
export class TicketIncidentsResolver {
  @FieldResolver(() => [Incident], { complexity: listCost(BOUND.ofTicket), description: `Incidents this ticket is linked to, newest first, at most ${BOUND.ofTicket} (empty without incident:read).` })
  incidents(@Root() ticket: Ticket, @Ctx() ctx: Context): Promise<Incident[]> {
    return ctx.loaders.incidents.ofTicket.load(ticket.id);
  }
}
