import { Migration } from '@mikro-orm/migrations';

export class Migration20261123220158 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "feature_flags" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "key" varchar(100) not null, "description" varchar(500) not null default '', "default_enabled" boolean not null default false, constraint "feature_flags_pkey" primary key ("id"));`);
    this.addSql(`alter table "feature_flags" add constraint "feature_flags_key_unique" unique ("key");`);

    this.addSql(`create table "tenants" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "slug" varchar(63) not null, "name" varchar(200) not null, "ticket_seq" int not null default 0, constraint "tenants_pkey" primary key ("id"));`);
    this.addSql(`alter table "tenants" add constraint "tenants_slug_unique" unique ("slug");`);

    this.addSql(`create table "roles" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "name" varchar(64) not null, "description" varchar(500) null, "permissions" text[] not null, "system" boolean not null default false, constraint "roles_pkey" primary key ("id"));`);
    this.addSql(`create index "roles_tenant_id_index" on "roles" ("tenant_id");`);
    this.addSql(`alter table "roles" add constraint "roles_tenant_id_name_unique" unique ("tenant_id", "name");`);

    this.addSql(`create table "feature_flag_overrides" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "flag_id" uuid not null, "enabled" boolean not null, constraint "feature_flag_overrides_pkey" primary key ("id"));`);
    this.addSql(`create index "feature_flag_overrides_tenant_id_index" on "feature_flag_overrides" ("tenant_id");`);
    this.addSql(`alter table "feature_flag_overrides" add constraint "feature_flag_overrides_tenant_id_flag_id_unique" unique ("tenant_id", "flag_id");`);

    this.addSql(`create table "entitlements" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "feature" varchar(100) not null, "plan" varchar(64) not null, "limits" jsonb not null default '{}', "valid_from" timestamptz not null, "valid_until" timestamptz null, constraint "entitlements_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_tenant_id_index" on "entitlements" ("tenant_id");`);
    this.addSql(`create index "entitlements_tenant_id_feature_index" on "entitlements" ("tenant_id", "feature");`);

    this.addSql(`create table "users" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "email" varchar(320) not null, "name" varchar(200) not null, "password_hash" varchar(255) not null, "staff_role" text check ("staff_role" in ('SUPPORT', 'COMPLIANCE', 'SUPERADMIN')) null, "disabled_at" timestamptz null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(`create table "tickets" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "number" int not null, "subject" varchar(200) not null, "body" text not null, "status" text check ("status" in ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')) not null default 'OPEN', "priority" smallint not null default 1, "requester_id" uuid not null, "assignee_id" uuid null, "version" int not null default 1, "correlation_id" varchar(128) null, constraint "tickets_pkey" primary key ("id"));`);
    this.addSql(`create index "tickets_tenant_id_index" on "tickets" ("tenant_id");`);
    this.addSql(`create index "tickets_requester_id_index" on "tickets" ("requester_id");`);
    this.addSql(`create index "tickets_assignee_id_index" on "tickets" ("assignee_id");`);
    this.addSql(`create index "tickets_correlation_id_index" on "tickets" ("correlation_id");`);
    this.addSql(`create index "tickets_tenant_id_status_index" on "tickets" ("tenant_id", "status");`);
    this.addSql(`create index "tickets_tenant_id_priority_id_index" on "tickets" ("tenant_id", "priority", "id");`);
    this.addSql(`create index "tickets_tenant_id_updated_at_id_index" on "tickets" ("tenant_id", "updated_at", "id");`);
    this.addSql(`create index "tickets_tenant_id_created_at_id_index" on "tickets" ("tenant_id", "created_at", "id");`);
    this.addSql(`alter table "tickets" add constraint "tickets_tenant_id_number_unique" unique ("tenant_id", "number");`);

    this.addSql(`create table "ticket_comments" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "ticket_id" uuid not null, "author_id" uuid not null, "body" text not null, constraint "ticket_comments_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_comments_tenant_id_index" on "ticket_comments" ("tenant_id");`);
    this.addSql(`create index "ticket_comments_ticket_id_created_at_id_index" on "ticket_comments" ("ticket_id", "created_at", "id");`);

    this.addSql(`create table "sessions" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "user_id" uuid not null, "tenant_id" uuid null, "user_agent" varchar(500) null, "ip" varchar(64) null, "last_used_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" varchar(64) null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "sessions_user_id_created_at_index" on "sessions" ("user_id", "created_at");`);

    this.addSql(`create table "refresh_tokens" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "session_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "refresh_tokens_pkey" primary key ("id"));`);
    this.addSql(`create index "refresh_tokens_session_id_index" on "refresh_tokens" ("session_id");`);
    this.addSql(`alter table "refresh_tokens" add constraint "refresh_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "memberships" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "user_id" uuid not null, "role_id" uuid not null, constraint "memberships_pkey" primary key ("id"));`);
    this.addSql(`create index "memberships_tenant_id_index" on "memberships" ("tenant_id");`);
    this.addSql(`create index "memberships_user_id_index" on "memberships" ("user_id");`);
    this.addSql(`alter table "memberships" add constraint "memberships_tenant_id_user_id_unique" unique ("tenant_id", "user_id");`);

    this.addSql(`create table "audit_logs" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid null, "actor_id" uuid null, "action" varchar(100) not null, "target_type" varchar(64) null, "target_id" varchar(200) null, "diff" jsonb null, "correlation_id" varchar(128) null, "ip" varchar(64) null, constraint "audit_logs_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_logs_target_type_target_id_index" on "audit_logs" ("target_type", "target_id");`);
    this.addSql(`create index "audit_logs_correlation_id_index" on "audit_logs" ("correlation_id");`);
    this.addSql(`create index "audit_logs_tenant_id_created_at_id_index" on "audit_logs" ("tenant_id", "created_at", "id");`);

    this.addSql(`alter table "roles" add constraint "roles_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "feature_flag_overrides" add constraint "feature_flag_overrides_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "feature_flag_overrides" add constraint "feature_flag_overrides_flag_id_foreign" foreign key ("flag_id") references "feature_flags" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "entitlements" add constraint "entitlements_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "tickets" add constraint "tickets_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "tickets" add constraint "tickets_requester_id_foreign" foreign key ("requester_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "tickets" add constraint "tickets_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_comments" add constraint "ticket_comments_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_comments" add constraint "ticket_comments_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_comments" add constraint "ticket_comments_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sessions" add constraint "sessions_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "refresh_tokens" add constraint "refresh_tokens_session_id_foreign" foreign key ("session_id") references "sessions" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "memberships" add constraint "memberships_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "memberships" add constraint "memberships_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "memberships" add constraint "memberships_role_id_foreign" foreign key ("role_id") references "roles" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "audit_logs" add constraint "audit_logs_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_logs" add constraint "audit_logs_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade on delete set null;`);

    // Audit rows are append-only: the database itself refuses to change or delete them.
    this.addSql(`create or replace function audit_logs_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_logs is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger audit_logs_no_update_delete before update or delete on "audit_logs" for each row execute function audit_logs_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_logs_no_update_delete on "audit_logs";`);
    this.addSql(`drop function if exists audit_logs_append_only();`);
    this.addSql(`alter table "feature_flag_overrides" drop constraint "feature_flag_overrides_flag_id_foreign";`);

    this.addSql(`alter table "roles" drop constraint "roles_tenant_id_foreign";`);

    this.addSql(`alter table "feature_flag_overrides" drop constraint "feature_flag_overrides_tenant_id_foreign";`);

    this.addSql(`alter table "entitlements" drop constraint "entitlements_tenant_id_foreign";`);

    this.addSql(`alter table "tickets" drop constraint "tickets_tenant_id_foreign";`);

    this.addSql(`alter table "ticket_comments" drop constraint "ticket_comments_tenant_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_tenant_id_foreign";`);

    this.addSql(`alter table "memberships" drop constraint "memberships_tenant_id_foreign";`);

    this.addSql(`alter table "audit_logs" drop constraint "audit_logs_tenant_id_foreign";`);

    this.addSql(`alter table "memberships" drop constraint "memberships_role_id_foreign";`);

    this.addSql(`alter table "tickets" drop constraint "tickets_requester_id_foreign";`);

    this.addSql(`alter table "tickets" drop constraint "tickets_assignee_id_foreign";`);

    this.addSql(`alter table "ticket_comments" drop constraint "ticket_comments_author_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);

    this.addSql(`alter table "memberships" drop constraint "memberships_user_id_foreign";`);

    this.addSql(`alter table "audit_logs" drop constraint "audit_logs_actor_id_foreign";`);

    this.addSql(`alter table "ticket_comments" drop constraint "ticket_comments_ticket_id_foreign";`);

    this.addSql(`alter table "refresh_tokens" drop constraint "refresh_tokens_session_id_foreign";`);

    this.addSql(`drop table if exists "feature_flags" cascade;`);

    this.addSql(`drop table if exists "tenants" cascade;`);

    this.addSql(`drop table if exists "roles" cascade;`);

    this.addSql(`drop table if exists "feature_flag_overrides" cascade;`);

    this.addSql(`drop table if exists "entitlements" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "tickets" cascade;`);

    this.addSql(`drop table if exists "ticket_comments" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "refresh_tokens" cascade;`);

    this.addSql(`drop table if exists "memberships" cascade;`);

    this.addSql(`drop table if exists "audit_logs" cascade;`);
  }

}
