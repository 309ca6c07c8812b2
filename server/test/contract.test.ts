import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { ConfigError, loadConfig } from '../src/config';
import { buildBareSchema } from '../src/schema';
import { printSchemaFile } from '../src/schema-file';
import { startTestApp, type TestApp } from './harness';

describe('the schema contract', () => {
  it('schema.graphql is exactly what the server emits (run `npm run schema:emit` when this fails)', async () => {
    const committed = readFileSync(resolve(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toEqual(await printSchemaFile());
  });

  it('describes every type, field, argument, input field and enum value', async () => {
    expect(undescribed(await buildBareSchema())).toEqual([]);
  });
});

/** Coordinates (Type, Type.field, Type.field(arg), Enum.VALUE) without a non-blank description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing.sort();
}

describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('leave nothing for the entities to change (run `npm run db:migration:create` when this fails)', async () => {
    const diff = await t.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
    expect(await t.orm.getMigrator().checkMigrationNeeded()).toBe(false);
  });

  it('are all applied to a new database', async () => {
    expect(await t.orm.getMigrator().getPendingMigrations()).toEqual([]);
  });
});

describe('development mode', () => {
  it('serves the sandbox page to browsers at /graphql', async () => {
    const t = await startTestApp({ seed: false, env: { NODE_ENV: 'development' } });
    try {
      const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
    } finally {
      await t.close();
    }
  });
});

describe('production mode', () => {
  it('refuses to start without a JWT secret or a database URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/atrium' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short', DATABASE_URL: 'postgres://db/atrium' })).toThrow(/32 characters/);
  });

  it('turns introspection off and keeps CSRF prevention on', async () => {
    const t = await startTestApp({ seed: false, env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://unused/atrium', SMTP_URL: 'smtp://mail.invalid:25' } });
    try {
      const res = await t.gql('{ __schema { queryType { name } } }');
      expect(res.errors?.[0]?.message).toMatch(/introspection/i);
      expect(res.data ?? null).toBeNull();
      // No sandbox page for browsers.
      const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/sandbox|<html/i);
      // A simple GET without a preflight-forcing header is refused by CSRF prevention.
      const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { role } }')}`);
      expect(get.status).toBe(400);
    } finally {
      await t.close();
    }
  });

  it('masks unexpected errors: no stack, no SQL', async () => {
    const t = await startTestApp({ env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://unused/atrium', SMTP_URL: 'smtp://mail.invalid:25' } });
    try {
      const { accessToken } = await t.login('agent@acme.test');
      // Break the database under the app: the next ticket query fails inside the driver.
      await t.orm.em.getConnection().execute('alter table tickets rename to tickets_gone');
      const res = await t.gql('{ tickets(first: 1) { nodes { id } } }', {}, { token: accessToken });
      expect(res.errors?.[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res.errors)).not.toMatch(/tickets_gone|select|stack|relation/i);
    } finally {
      await t.close();
    }
  });
});
