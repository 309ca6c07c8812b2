import { Migration } from '@mikro-orm/migrations';

const TABLES = ['sessions', 'users', 'memberships', 'roles', 'tenants'] as const;

/**
 * Every committed change to what a session look-up reads (sessions, users, memberships, roles,
 * tenants), by any code path (the ORM, the query builder, raw SQL, psql), sends a notification on
 * `atrium_auth_changed` when it commits; each API instance listens and forgets the look-ups it
 * remembered (modules/auth/session-cache.ts). One notification per statement, none on rollback.
 */
export class Migration20261204050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function atrium_notify_auth_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('atrium_auth_changed', tg_table_name);
  return null;
end $$;`);
    for (const table of TABLES) {
      this.addSql(`create trigger "${table}_auth_changed" after insert or update or delete or truncate on "${table}" for each statement execute function atrium_notify_auth_changed();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) this.addSql(`drop trigger if exists "${table}_auth_changed" on "${table}";`);
    this.addSql('drop function if exists atrium_notify_auth_changed();');
  }
}
