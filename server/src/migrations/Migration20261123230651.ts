import { Migration } from '@mikro-orm/migrations';

export class Migration20261123230651 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "system_events_tenant_id_type_occurred_at_id_index" on "system_events" ("tenant_id", "type", "occurred_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "system_events_tenant_id_type_occurred_at_id_index";`);
  }

}
