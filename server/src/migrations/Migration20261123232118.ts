import { Migration } from '@mikro-orm/migrations';

/** Automation runs: the queue the executor claims from (status/next_attempt_at, status/locked_until) and per-tenant history. */
export class Migration20261123232118 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "automation_runs" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "tool_id" uuid not null, "status" text check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')) not null default 'QUEUED', "trigger" text check ("trigger" in ('USER', 'MESSAGE', 'SCHEDULE', 'PARTNER')) not null, "input" jsonb not null, "output" jsonb null, "error" text null, "started_at" timestamptz(3) null, "finished_at" timestamptz(3) null, "correlation_id" varchar(128) not null, "attempts" smallint not null default 0, "max_attempts" smallint not null, "next_attempt_at" timestamptz(3) null, "locked_until" timestamptz(3) null, "lease_owner" uuid null, "heartbeat_at" timestamptz(3) null, "ticket_id" uuid null, "requested_by_id" uuid null, "retry_of_id" uuid null, constraint "automation_runs_pkey" primary key ("id"));`);
    this.addSql(`create index "automation_runs_tenant_id_index" on "automation_runs" ("tenant_id");`);
    this.addSql(`create index "automation_runs_ticket_id_created_at_id_index" on "automation_runs" ("ticket_id", "created_at", "id");`);
    this.addSql(`create index "automation_runs_correlation_id_index" on "automation_runs" ("correlation_id");`);
    this.addSql(`create index "automation_runs_status_locked_until_index" on "automation_runs" ("status", "locked_until");`);
    this.addSql(`create index "automation_runs_status_next_attempt_at_index" on "automation_runs" ("status", "next_attempt_at");`);
    this.addSql(`create index "automation_runs_tenant_id_status_index" on "automation_runs" ("tenant_id", "status");`);
    this.addSql(`create index "automation_runs_tenant_id_tool_id_created_at_index" on "automation_runs" ("tenant_id", "tool_id", "created_at");`);
    this.addSql(`create index "automation_runs_tenant_id_created_at_id_index" on "automation_runs" ("tenant_id", "created_at", "id");`);

    this.addSql(`alter table "automation_runs" add constraint "automation_runs_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "automation_runs" add constraint "automation_runs_tool_id_foreign" foreign key ("tool_id") references "tools" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "automation_runs" add constraint "automation_runs_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "automation_runs" add constraint "automation_runs_requested_by_id_foreign" foreign key ("requested_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "automation_runs" add constraint "automation_runs_retry_of_id_foreign" foreign key ("retry_of_id") references "automation_runs" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "automation_runs" drop constraint "automation_runs_retry_of_id_foreign";`);

    this.addSql(`drop table if exists "automation_runs" cascade;`);
  }

}
