import { Migration } from '@mikro-orm/migrations';

/** Outbound webhooks: endpoints (secrets sealed), the event outbox and the delivery log. */
export class Migration20261203060000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "webhook_endpoints" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "url" varchar(2048) not null, "events" text[] not null, "description" varchar(500) null, "enabled" boolean not null default true, "disabled_reason" text null, "disabled_at" timestamptz(3) null, "secret_sealed" text not null, "previous_secret_sealed" text null, "previous_secret_expires_at" timestamptz(3) null, "secret_rotated_at" timestamptz(3) null, "consecutive_failures" int not null default 0, "failing_since" timestamptz(3) null, "last_success_at" timestamptz(3) null, "last_failure_at" timestamptz(3) null, "created_by_id" uuid null, constraint "webhook_endpoints_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_endpoints_tenant_id_index" on "webhook_endpoints" ("tenant_id");`);
    this.addSql(`create index "webhook_endpoints_tenant_id_enabled_index" on "webhook_endpoints" ("tenant_id", "enabled");`);

    this.addSql(`create table "webhook_events" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "type" varchar(64) not null, "payload" jsonb not null, constraint "webhook_events_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_events_tenant_id_index" on "webhook_events" ("tenant_id");`);

    this.addSql(`create table "webhook_deliveries" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "endpoint_id" uuid not null, "event_id" uuid not null, "event_type" varchar(64) not null, "trigger" text check ("trigger" in ('EVENT', 'TEST', 'REDELIVERY')) not null default 'EVENT', "status" text check ("status" in ('PENDING', 'SENDING', 'RETRYING', 'SUCCEEDED', 'FAILED')) not null default 'PENDING', "attempt_count" smallint not null default 0, "attempt_log" jsonb not null default '[]', "response_status" smallint null, "duration_ms" int null, "response_excerpt" text null, "error" varchar(500) null, "next_attempt_at" timestamptz(3) null, "delivered_at" timestamptz(3) null, "lease_until" timestamptz(3) null, "locked_by" uuid null, constraint "webhook_deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_deliveries_tenant_id_index" on "webhook_deliveries" ("tenant_id");`);
    this.addSql(`create index "webhook_deliveries_endpoint_id_index" on "webhook_deliveries" ("endpoint_id");`);
    this.addSql(`create index "webhook_deliveries_event_id_index" on "webhook_deliveries" ("event_id");`);
    this.addSql(`create index "webhook_deliveries_tenant_id_created_at_index" on "webhook_deliveries" ("tenant_id", "created_at");`);
    this.addSql(`create index "webhook_deliveries_status_lease_until_index" on "webhook_deliveries" ("status", "lease_until");`);
    this.addSql(`create index "webhook_deliveries_status_next_attempt_at_index" on "webhook_deliveries" ("status", "next_attempt_at");`);

    this.addSql(`alter table "webhook_endpoints" add constraint "webhook_endpoints_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_endpoints" add constraint "webhook_endpoints_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "webhook_events" add constraint "webhook_events_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_event_id_foreign" foreign key ("event_id") references "webhook_events" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);
    this.addSql(`drop table if exists "webhook_events" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);
  }

}
