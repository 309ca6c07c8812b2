import { Entity, Index, ManyToOne, type Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { SystemEvent } from '../events/system-event.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { Ticket } from '../tickets/ticket.entity';
import { User } from '../users/user.entity';
import type { Incident } from './incident.entity';

/*
 * Join rows of an incident. They are not GraphQL types: the incident exposes what they point at
 * (affectedTenants, tickets, events). Each carries the tenant of what it links, so the tenant
 * filter (and the loaders' explicit conditions) keep a customer to their own tenant's links.
 */

/** A tenant affected by an incident. Its customers can read the incident. */
@Entity({ tableName: 'incident_tenants' })
@Unique({ properties: ['incident', 'tenant'] })
export class IncidentTenant extends TenantOwnedEntity {
  @ManyToOne('Incident', { ref: true, deleteRule: 'cascade' })
  incident!: Ref<Incident>;
}

/** A ticket linked to an incident; `tenant` is the ticket's. */
@Entity({ tableName: 'incident_tickets' })
@Unique({ properties: ['incident', 'ticket'] })
export class IncidentTicket extends TenantOwnedEntity {
  @ManyToOne('Incident', { ref: true, deleteRule: 'cascade' })
  incident!: Ref<Incident>;

  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade', index: true })
  ticket!: Ref<Ticket>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  linkedBy?: Ref<User>;
}

/**
 * A system event linked to an incident; `tenant` is the event's (null for a platform event).
 * Retention deletes old events, and their links with them (the timeline keeps what was linked).
 */
@Entity({ tableName: 'incident_events' })
@Unique({ properties: ['incident', 'event'] })
export class IncidentEvent extends BaseEntity {
  @ManyToOne('Incident', { ref: true, deleteRule: 'cascade' })
  incident!: Ref<Incident>;

  // Indexed: the retention job's cascading deletes look links up by event.
  @ManyToOne(() => SystemEvent, { ref: true, deleteRule: 'cascade', index: true })
  event!: Ref<SystemEvent>;

  @ManyToOne(() => Tenant, { ref: true, nullable: true, deleteRule: 'cascade' })
  @Index()
  tenant?: Ref<Tenant>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  linkedBy?: Ref<User>;
}
