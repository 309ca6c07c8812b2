import { Migration } from '@mikro-orm/migrations';

export class Migration20261123232551 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dashboard_widgets" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "user_id" uuid null, "type" text check ("type" in ('OPEN_TICKETS_BY_STATUS', 'RUNS_LAST_7_DAYS_BY_STATUS', 'ACTIVE_INCIDENTS', 'KYC_AWAITING_ACTION', 'QUOTA_USAGE')) not null, "title" varchar(100) not null, "x" smallint not null, "y" smallint not null, "w" smallint not null, "h" smallint not null, "config" jsonb not null default '{}', constraint "dashboard_widgets_pkey" primary key ("id"));`);
    this.addSql(`create index "dashboard_widgets_tenant_id_index" on "dashboard_widgets" ("tenant_id");`);
    this.addSql(`create index "dashboard_widgets_tenant_id_user_id_index" on "dashboard_widgets" ("tenant_id", "user_id");`);

    this.addSql(`alter table "dashboard_widgets" add constraint "dashboard_widgets_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dashboard_widgets" add constraint "dashboard_widgets_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dashboard_widgets" cascade;`);
  }

}
