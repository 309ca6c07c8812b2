import { Migration } from '@mikro-orm/migrations';

/** Inbound messages (e-mail, webhook, API), linked to the ticket or run each produced; externalId unique per tenant and channel. */
export class Migration20261123234743 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inbound_messages" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "channel" text check ("channel" in ('EMAIL', 'WEBHOOK', 'API')) not null, "sender" varchar(320) not null, "subject" varchar(300) null, "payload" jsonb not null, "external_id" varchar(200) null, "received_at" timestamptz(3) not null, "status" text check ("status" in ('RECEIVED', 'PROCESSED', 'FAILED', 'IGNORED')) not null default 'RECEIVED', "processed_at" timestamptz(3) null, "error" text null, "correlation_id" varchar(128) not null, "ticket_id" uuid null, "run_id" uuid null, "received_by_id" uuid null, constraint "inbound_messages_pkey" primary key ("id"));`);
    this.addSql(`create index "inbound_messages_tenant_id_index" on "inbound_messages" ("tenant_id");`);
    this.addSql(`create index "inbound_messages_run_id_index" on "inbound_messages" ("run_id");`);
    this.addSql(`create index "inbound_messages_ticket_id_index" on "inbound_messages" ("ticket_id");`);
    this.addSql(`create index "inbound_messages_correlation_id_index" on "inbound_messages" ("correlation_id");`);
    this.addSql(`create index "inbound_messages_tenant_id_status_index" on "inbound_messages" ("tenant_id", "status");`);
    this.addSql(`create index "inbound_messages_tenant_id_received_at_id_index" on "inbound_messages" ("tenant_id", "received_at", "id");`);
    this.addSql(`alter table "inbound_messages" add constraint "inbound_messages_tenant_id_channel_external_id_unique" unique ("tenant_id", "channel", "external_id");`);

    this.addSql(`alter table "inbound_messages" add constraint "inbound_messages_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inbound_messages" add constraint "inbound_messages_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inbound_messages" add constraint "inbound_messages_run_id_foreign" foreign key ("run_id") references "automation_runs" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inbound_messages" add constraint "inbound_messages_received_by_id_foreign" foreign key ("received_by_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inbound_messages" cascade;`);
  }

}
