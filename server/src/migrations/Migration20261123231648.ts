import { Migration } from '@mikro-orm/migrations';

export class Migration20261123231648 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "incidents" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "title" varchar(200) not null, "severity" text check ("severity" in ('SEV1', 'SEV2', 'SEV3', 'SEV4')) not null, "status" text check ("status" in ('OPEN', 'MITIGATED', 'RESOLVED')) not null default 'OPEN', "summary" text not null, "correlation_id" varchar(128) null, "opened_by_id" uuid null, "mitigated_at" timestamptz(3) null, "mitigated_by_id" uuid null, "resolved_at" timestamptz(3) null, "resolved_by_id" uuid null, constraint "incidents_pkey" primary key ("id"));`);
    this.addSql(`create index "incidents_correlation_id_index" on "incidents" ("correlation_id");`);
    this.addSql(`create index "incidents_updated_at_id_index" on "incidents" ("updated_at", "id");`);
    this.addSql(`create index "incidents_created_at_id_index" on "incidents" ("created_at", "id");`);

    this.addSql(`create table "incident_timeline_entries" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "incident_id" uuid not null, "kind" text check ("kind" in ('CREATED', 'STATUS_CHANGED', 'EVENTS_LINKED', 'TICKETS_LINKED', 'TENANT_ADDED', 'NOTE')) not null, "message" text not null, "from_status" text check ("from_status" in ('OPEN', 'MITIGATED', 'RESOLVED')) null, "to_status" text check ("to_status" in ('OPEN', 'MITIGATED', 'RESOLVED')) null, "internal" boolean not null default false, "tenant_id" uuid null, "author_id" uuid null, constraint "incident_timeline_entries_pkey" primary key ("id"));`);
    this.addSql(`create index "incident_timeline_entries_incident_id_created_at_id_index" on "incident_timeline_entries" ("incident_id", "created_at", "id");`);

    this.addSql(`create table "incident_tickets" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "incident_id" uuid not null, "ticket_id" uuid not null, "linked_by_id" uuid null, constraint "incident_tickets_pkey" primary key ("id"));`);
    this.addSql(`create index "incident_tickets_tenant_id_index" on "incident_tickets" ("tenant_id");`);
    this.addSql(`create index "incident_tickets_ticket_id_index" on "incident_tickets" ("ticket_id");`);
    this.addSql(`alter table "incident_tickets" add constraint "incident_tickets_incident_id_ticket_id_unique" unique ("incident_id", "ticket_id");`);

    this.addSql(`create table "incident_tenants" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "incident_id" uuid not null, constraint "incident_tenants_pkey" primary key ("id"));`);
    this.addSql(`create index "incident_tenants_tenant_id_index" on "incident_tenants" ("tenant_id");`);
    this.addSql(`alter table "incident_tenants" add constraint "incident_tenants_incident_id_tenant_id_unique" unique ("incident_id", "tenant_id");`);

    this.addSql(`create table "incident_events" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "incident_id" uuid not null, "event_id" uuid not null, "tenant_id" uuid null, "linked_by_id" uuid null, constraint "incident_events_pkey" primary key ("id"));`);
    this.addSql(`create index "incident_events_event_id_index" on "incident_events" ("event_id");`);
    this.addSql(`create index "incident_events_tenant_id_index" on "incident_events" ("tenant_id");`);
    this.addSql(`alter table "incident_events" add constraint "incident_events_incident_id_event_id_unique" unique ("incident_id", "event_id");`);

    this.addSql(`alter table "incidents" add constraint "incidents_opened_by_id_foreign" foreign key ("opened_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "incidents" add constraint "incidents_mitigated_by_id_foreign" foreign key ("mitigated_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "incidents" add constraint "incidents_resolved_by_id_foreign" foreign key ("resolved_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "incident_timeline_entries" add constraint "incident_timeline_entries_incident_id_foreign" foreign key ("incident_id") references "incidents" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_timeline_entries" add constraint "incident_timeline_entries_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_timeline_entries" add constraint "incident_timeline_entries_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "incident_tickets" add constraint "incident_tickets_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_tickets" add constraint "incident_tickets_incident_id_foreign" foreign key ("incident_id") references "incidents" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_tickets" add constraint "incident_tickets_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_tickets" add constraint "incident_tickets_linked_by_id_foreign" foreign key ("linked_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "incident_tenants" add constraint "incident_tenants_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_tenants" add constraint "incident_tenants_incident_id_foreign" foreign key ("incident_id") references "incidents" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "incident_events" add constraint "incident_events_incident_id_foreign" foreign key ("incident_id") references "incidents" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_events" add constraint "incident_events_event_id_foreign" foreign key ("event_id") references "system_events" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_events" add constraint "incident_events_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incident_events" add constraint "incident_events_linked_by_id_foreign" foreign key ("linked_by_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "incident_timeline_entries" drop constraint "incident_timeline_entries_incident_id_foreign";`);

    this.addSql(`alter table "incident_tickets" drop constraint "incident_tickets_incident_id_foreign";`);

    this.addSql(`alter table "incident_tenants" drop constraint "incident_tenants_incident_id_foreign";`);

    this.addSql(`alter table "incident_events" drop constraint "incident_events_incident_id_foreign";`);

    this.addSql(`drop table if exists "incidents" cascade;`);

    this.addSql(`drop table if exists "incident_timeline_entries" cascade;`);

    this.addSql(`drop table if exists "incident_tickets" cascade;`);

    this.addSql(`drop table if exists "incident_tenants" cascade;`);

    this.addSql(`drop table if exists "incident_events" cascade;`);
  }

}
