import { Migration } from '@mikro-orm/migrations';

/**
 * Two-factor sign-in: the user's TOTP secret (sealed), a pending one while enrolling, when it was
 * turned on and the last time step used; hashed one-time recovery codes; and the tenant setting
 * that requires two-factor sign-in of its members.
 */
export class Migration20261203020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "totp_secret" varchar(255) null, add column "totp_pending_secret" varchar(255) null, add column "totp_enabled_at" timestamptz null, add column "totp_last_step" int null;`);
    this.addSql(`alter table "tenants" add column "require_two_factor" boolean not null default false;`);

    this.addSql(`create table "recovery_codes" ("id" uuid not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "user_id" uuid not null, "code_hash" varchar(64) not null, "used_at" timestamptz null, constraint "recovery_codes_pkey" primary key ("id"));`);
    this.addSql(`create index "recovery_codes_user_id_index" on "recovery_codes" ("user_id");`);
    this.addSql(`alter table "recovery_codes" add constraint "recovery_codes_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recovery_codes" cascade;`);
    this.addSql(`alter table "tenants" drop column "require_two_factor";`);
    this.addSql(`alter table "users" drop column "totp_secret", drop column "totp_pending_secret", drop column "totp_enabled_at", drop column "totp_last_step";`);
  }

}
