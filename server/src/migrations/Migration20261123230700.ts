import { Migration } from '@mikro-orm/migrations';

/**
 * Grants the observability permissions (events, incidents, correlation, dashboard) to the system
 * roles of tenants that already exist; new tenants get them from the catalog. Idempotent: a
 * permission a role already holds is not added twice. Custom roles are left to their owners.
 */
export const OBSERVABILITY_GRANTS: Record<string, string[]> = {
  owner: ['event:read', 'incident:read', 'correlation:read', 'dashboard:use', 'dashboard:manage'],
  admin: ['event:read', 'incident:read', 'correlation:read', 'dashboard:use', 'dashboard:manage'],
  agent: ['event:read', 'incident:read', 'correlation:read', 'dashboard:use'],
  member: ['incident:read', 'dashboard:use'],
  viewer: ['incident:read', 'dashboard:use'],
};

const literal = (perms: string[]) => `array[${perms.map((p) => `'${p}'`).join(', ')}]::text[]`;

export class Migration20261123230700 extends Migration {
  override async up(): Promise<void> {
    for (const [role, perms] of Object.entries(OBSERVABILITY_GRANTS)) {
      this.addSql(
        `update "roles" set "permissions" = "permissions" || array(select unnest(${literal(perms)}) except select unnest("permissions")), "updated_at" = now()
          where "system" and "name" = '${role}' and not ("permissions" @> ${literal(perms)});`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const [role, perms] of Object.entries(OBSERVABILITY_GRANTS)) {
      this.addSql(
        `update "roles" set "permissions" = array(select p from unnest("permissions") with ordinality as u(p, i) where p <> all(${literal(perms)}) order by i)
          where "system" and "name" = '${role}';`,
      );
    }
  }
}
