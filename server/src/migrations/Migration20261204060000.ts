import { Migration } from '@mikro-orm/migrations';

/**
 * API keys join the tables whose committed changes are notified on `atrium_auth_changed`
 * (Migration20261204050000): a key revoked, expiring or changing permissions closes its open
 * WebSockets on every instance at once. Only those columns: `last_used_at`, written as keys are
 * used, notifies nothing (it would empty every instance's session cache once a minute per key).
 */
export class Migration20261204060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create trigger "api_keys_auth_changed" after insert or delete or truncate on "api_keys" for each statement execute function atrium_notify_auth_changed();`);
    this.addSql(`create trigger "api_keys_auth_changed_update" after update of "revoked_at", "expires_at", "permissions" on "api_keys" for each statement execute function atrium_notify_auth_changed();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists "api_keys_auth_changed" on "api_keys";');
    this.addSql('drop trigger if exists "api_keys_auth_changed_update" on "api_keys";');
  }
}
