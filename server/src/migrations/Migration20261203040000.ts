import { Migration } from '@mikro-orm/migrations';

/** Every tenant's system owner and admin roles gain apikey:manage and webhook:manage (the partner API). */
export class Migration20261203040000 extends Migration {

  override async up(): Promise<void> {
    for (const permission of ['apikey:manage', 'webhook:manage']) {
      this.addSql(`update "roles" set "permissions" = array_append("permissions", '${permission}') where "system" and "name" in ('owner', 'admin') and not ('${permission}' = any("permissions"));`);
    }
  }

  override async down(): Promise<void> {
    for (const permission of ['apikey:manage', 'webhook:manage']) {
      this.addSql(`update "roles" set "permissions" = array_remove("permissions", '${permission}') where "system" and "name" in ('owner', 'admin');`);
    }
  }

}
