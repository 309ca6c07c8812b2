import { Migration } from '@mikro-orm/migrations';

/** audit_logs is append-only: a per-row trigger stops UPDATE/DELETE; this stops TRUNCATE too. */
export class Migration20261123222500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create trigger audit_logs_no_truncate before truncate on "audit_logs" for each statement execute function audit_logs_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_logs_no_truncate on "audit_logs";`);
  }
}
