import { Migration } from '@mikro-orm/migrations';

/** Every tenant's system owner role gains tenant:manage (tenant-wide security settings). */
export class Migration20261203000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`update "roles" set "permissions" = array_append("permissions", 'tenant:manage') where "system" and "name" = 'owner' and not ('tenant:manage' = any("permissions"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "roles" set "permissions" = array_remove("permissions", 'tenant:manage') where "system" and "name" = 'owner';`);
  }

}
