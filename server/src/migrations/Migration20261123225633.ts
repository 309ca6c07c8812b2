import { Migration } from '@mikro-orm/migrations';

/**
 * system_events: high-volume, append-only. UPDATE is refused always; DELETE only inside a
 * transaction that set `atrium.retention = on` (the retention job), so nothing else can rewrite
 * or remove history.
 */
export class Migration20261123225633 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "system_events" ("id" uuid not null, "tenant_id" uuid null, "type" varchar(100) not null, "severity" text check ("severity" in ('DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL')) not null default 'INFO', "source" varchar(100) not null, "payload" jsonb not null default '{}', "correlation_id" varchar(128) null, "occurred_at" timestamptz(3) not null default now(), constraint "system_events_pkey" primary key ("id"));`);
    this.addSql(`create index "system_events_correlation_id_index" on "system_events" ("correlation_id");`);
    this.addSql(`create index "system_events_type_occurred_at_index" on "system_events" ("type", "occurred_at");`);
    this.addSql(`create index "system_events_occurred_at_id_index" on "system_events" ("occurred_at", "id");`);
    this.addSql(`create index "system_events_tenant_id_occurred_at_id_index" on "system_events" ("tenant_id", "occurred_at", "id");`);

    this.addSql(`alter table "system_events" add constraint "system_events_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`create or replace function system_events_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and coalesce(current_setting('atrium.retention', true), '') = 'on' then
    return old;
  end if;
  raise exception 'system_events is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(`create trigger system_events_append_only before update or delete on "system_events" for each row execute function system_events_append_only();`);
    this.addSql(`create trigger system_events_no_truncate before truncate on "system_events" for each statement execute function system_events_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "system_events" cascade;`);
    this.addSql(`drop function if exists system_events_append_only();`);
  }

}
