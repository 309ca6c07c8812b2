import { type Options, ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type PostgreSqlDriver } from '@mikro-orm/postgresql';
import { resolve } from 'node:path';
import { migrationsList } from '../migrations';
import { entities, tenantScopedEntityNames } from './entities';

export const TENANT_FILTER = 'tenant';

export interface TenantFilterArgs {
  tenantId: string;
}

export function createOrmConfig(clientUrl: string, extra: Partial<Options<PostgreSqlDriver>> = {}): Options<PostgreSqlDriver> {
  return defineConfig({
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true },
    extensions: [Migrator],
    migrations: {
      migrationsList,
      // Where `db:migration:create` writes; resolves to server/src/migrations from src and dist.
      path: resolve(__dirname, '../../src/migrations'),
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      tableName: 'mikro_orm_migrations',
      silent: true,
    },
    filters: {
      [TENANT_FILTER]: {
        name: TENANT_FILTER,
        // Declaring `args` makes MikroORM throw when no tenant was set: the filter fails closed.
        cond: (args: TenantFilterArgs) => ({ tenant: args.tenantId }),
        entity: tenantScopedEntityNames,
        default: true,
      },
    },
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    allowGlobalContext: false,
    ...extra,
  });
}
