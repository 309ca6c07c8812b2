import { Migration } from '@mikro-orm/migrations';

/** Notifications: one row per recipient (inbox and mail digest) and per-kind preferences. */
export class Migration20261204010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification_preferences" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "user_id" uuid not null, "kind" text check ("kind" in ('TICKET_ASSIGNED', 'TICKET_REPLY', 'RUN_FAILED', 'KYC_INFORMATION_REQUESTED', 'KYC_DECIDED', 'INCIDENT_CHANGED', 'INVITATION_ACCEPTED')) not null, "in_app" boolean not null, "email" boolean not null, constraint "notification_preferences_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification_preferences" add constraint "notification_preferences_user_id_kind_unique" unique ("user_id", "kind");`);

    this.addSql(`create table "notifications" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "recipient_id" uuid not null, "tenant_id" uuid null, "kind" text check ("kind" in ('TICKET_ASSIGNED', 'TICKET_REPLY', 'RUN_FAILED', 'KYC_INFORMATION_REQUESTED', 'KYC_DECIDED', 'INCIDENT_CHANGED', 'INVITATION_ACCEPTED')) not null, "title" varchar(200) not null, "body" text not null, "url" varchar(500) not null, "ticket_id" uuid null, "run_id" uuid null, "kyc_case_id" uuid null, "incident_id" uuid null, "in_app" boolean not null default true, "read_at" timestamptz(3) null, "email_pending" boolean not null default false, "emailed_at" timestamptz(3) null, constraint "notifications_pkey" primary key ("id"));`);
    this.addSql(`create index "notifications_tenant_id_index" on "notifications" ("tenant_id");`);
    this.addSql(`create index "notifications_email_pending_created_at_index" on "notifications" ("email_pending", "created_at");`);
    this.addSql(`create index "notifications_recipient_id_tenant_id_created_at_id_index" on "notifications" ("recipient_id", "tenant_id", "created_at", "id");`);

    this.addSql(`alter table "notification_preferences" add constraint "notification_preferences_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notifications" add constraint "notifications_recipient_id_foreign" foreign key ("recipient_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notifications" add constraint "notifications_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_preferences" cascade;`);

    this.addSql(`drop table if exists "notifications" cascade;`);
  }

}
