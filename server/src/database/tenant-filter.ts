/** The MikroORM filter that scopes every tenant-owned entity to the request's tenant (orm.config.ts). */
export const TENANT_FILTER = 'tenant';

export interface TenantFilterArgs {
  tenantId: string;
}
