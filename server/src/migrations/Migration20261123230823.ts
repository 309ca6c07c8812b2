import { Migration } from '@mikro-orm/migrations';

/**
 * Tools catalog, tool panels, and entitlements that point at tools and can be revoked. Existing
 * tenants' system roles gain the new tool/run/message permissions their role has in the catalog
 * (new tenants get them from the catalog when provisioned).
 */
export class Migration20261123230823 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "tools" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "key" varchar(100) not null, "name" varchar(200) not null, "category" varchar(64) not null, "description" text not null default '', "status" text check ("status" in ('ACTIVE', 'BETA', 'RETIRED')) not null default 'BETA', "input_schema" jsonb not null, constraint "tools_pkey" primary key ("id"));`);
    this.addSql(`alter table "tools" add constraint "tools_key_unique" unique ("key");`);
    this.addSql(`create index "tools_category_key_index" on "tools" ("category", "key");`);
    this.addSql(`create index "tools_status_key_index" on "tools" ("status", "key");`);

    this.addSql(`create table "tool_panels" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "tenant_id" uuid not null, "tool_id" uuid not null, "title" varchar(200) not null, "layout" text check ("layout" in ('FORM', 'COMPACT', 'WIZARD')) not null default 'FORM', "default_input" jsonb not null default '{}', "recent_runs_limit" smallint not null default 5, "recent_runs_scope" text check ("recent_runs_scope" in ('MINE', 'TENANT')) not null default 'MINE', constraint "tool_panels_pkey" primary key ("id"));`);
    this.addSql(`create index "tool_panels_tenant_id_index" on "tool_panels" ("tenant_id");`);
    this.addSql(`create index "tool_panels_tool_id_index" on "tool_panels" ("tool_id");`);
    this.addSql(`create index "tool_panels_tenant_id_created_at_id_index" on "tool_panels" ("tenant_id", "created_at", "id");`);
    this.addSql(`alter table "tool_panels" add constraint "tool_panels_tenant_id_tool_id_unique" unique ("tenant_id", "tool_id");`);

    this.addSql(`alter table "tool_panels" add constraint "tool_panels_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "tool_panels" add constraint "tool_panels_tool_id_foreign" foreign key ("tool_id") references "tools" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "entitlements" add column "tool_id" uuid null, add column "revoked_at" timestamptz(3) null, add column "revoke_reason" varchar(500) null, add column "granted_by_id" uuid null;`);
    this.addSql(`alter table "entitlements" add constraint "entitlements_tool_id_foreign" foreign key ("tool_id") references "tools" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "entitlements" add constraint "entitlements_granted_by_id_foreign" foreign key ("granted_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "entitlements_tenant_id_tool_id_index" on "entitlements" ("tenant_id", "tool_id");`);

    const granted: Record<string, string[]> = {
      owner: ['tool:read', 'tool:manage', 'run:read', 'run:write', 'message:read', 'message:write'],
      admin: ['tool:read', 'tool:manage', 'run:read', 'run:write', 'message:read', 'message:write'],
      agent: ['tool:read', 'run:read', 'run:write', 'message:read', 'message:write'],
      member: ['tool:read', 'run:read', 'run:write'],
      viewer: ['tool:read', 'run:read'],
    };
    for (const [role, permissions] of Object.entries(granted)) {
      const list = permissions.map((p) => `'${p}'`).join(', ');
      this.addSql(`update "roles" set "permissions" = "permissions" || array(select p from unnest(array[${list}]::text[]) p where p <> all("permissions")) where "system" and "name" = '${role}';`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`update "roles" set "permissions" = array(select p from unnest("permissions") p where p not in ('tool:read', 'tool:manage', 'run:read', 'run:write', 'message:read', 'message:write')) where "system";`);
    this.addSql(`alter table "tool_panels" drop constraint "tool_panels_tool_id_foreign";`);

    this.addSql(`alter table "entitlements" drop constraint "entitlements_tool_id_foreign";`);

    this.addSql(`drop table if exists "tools" cascade;`);

    this.addSql(`drop table if exists "tool_panels" cascade;`);

    this.addSql(`alter table "entitlements" drop constraint "entitlements_granted_by_id_foreign";`);

    this.addSql(`drop index "entitlements_tenant_id_tool_id_index";`);
    this.addSql(`alter table "entitlements" drop column "tool_id", drop column "revoked_at", drop column "revoke_reason", drop column "granted_by_id";`);
  }

}
