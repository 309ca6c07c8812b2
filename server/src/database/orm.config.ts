import { type Options, ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type PostgreSqlDriver } from '@mikro-orm/postgresql';
import { resolve } from 'node:path';
import type { Timeouts } from '../config';
import { checkBudget } from '../common/request-budget';
import { migrationsList } from '../migrations';
import { entities, tenantScopedEntityNames } from './entities';
import { TENANT_FILTER, type TenantFilterArgs } from './tenant-filter';
import { watchReads, type WatchedClient } from './read-watchdog';


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
    // Every statement first asks the current request's budget (a no-op outside requests).
    onQuery: (sql: string) => {
      checkBudget();
      return sql;
    },
    allowGlobalContext: false,
    ...extra,
  });
}

/**
 * What the API's own connections add to createOrmConfig: PostgreSQL cancels any statement past
 * statement_timeout; the driver gives up on a server that stopped answering altogether (frozen,
 * or a network partition) a little later; a request waits at most acquireTimeout for a pooled
 * connection. Each surfaces as 503 with Retry-After. Migrations and the CLI seeders use their
 * own ORM without these limits (a large seed or an index build may rightly take minutes).
 */
export function requestTimeoutOptions(t: Timeouts): Partial<Options<PostgreSqlDriver>> {
  return {
    pool: {
      min: 0,
      max: t.poolMax,
      acquireTimeoutMillis: t.acquireTimeoutMs,
      // Client side: a server that does not answer at all (frozen) never enforces statement_timeout;
      // a connection left waiting 2 s past it is destroyed (read-watchdog.ts says why not pg's query_timeout).
      afterCreate: (conn: WatchedClient, done: (err: Error | null, conn: WatchedClient) => void) => done(null, watchReads(conn, t.statementTimeoutMs + 2000)),
    },
    driverOptions: {
      connection: {
        statement_timeout: t.statementTimeoutMs,
        connectionTimeoutMillis: t.connectTimeoutMs,
        // A transaction left open by a stuck request must not hold its locks for ever.
        idle_in_transaction_session_timeout: Math.max(t.statementTimeoutMs * 2, 10_000),
      },
    },
  };
}
