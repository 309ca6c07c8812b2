import { Migration } from '@mikro-orm/migrations';

/**
 * Partner API keys (the secret stored only as its SHA-256), and the key as a third kind of actor
 * in the audit trail (`audit_logs.api_key_id`; `actor_id` stays the member the key acts for).
 */
export class Migration20261203050000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_keys" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "name" varchar(100) not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "permissions" text[] not null, "expires_at" timestamptz null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "created_by_id" uuid null, constraint "api_keys_pkey" primary key ("id"));`);
    this.addSql(`create index "api_keys_tenant_id_index" on "api_keys" ("tenant_id");`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_keys_tenant_id_created_at_id_index" on "api_keys" ("tenant_id", "created_at", "id");`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "audit_logs" add column "api_key_id" uuid null;`);
    this.addSql(`alter table "audit_logs" add constraint "audit_logs_api_key_id_foreign" foreign key ("api_key_id") references "api_keys" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "audit_logs_api_key_id_index" on "audit_logs" ("api_key_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_logs" drop constraint "audit_logs_api_key_id_foreign";`);
    this.addSql(`drop index "audit_logs_api_key_id_index";`);
    this.addSql(`alter table "audit_logs" drop column "api_key_id";`);
    this.addSql(`drop table if exists "api_keys" cascade;`);
  }

}
