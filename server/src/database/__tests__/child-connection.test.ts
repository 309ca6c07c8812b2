import { type EntityMetadata, MikroORM } from '@mikro-orm/postgresql';
import { assertParentStatesItsTenant } from '../child-connection';
import { createOrmConfig } from '../orm.config';

/*
 * withParent writes the parent's tenant condition into its own statement (raw SQL: the ORM's
 * filters do not reach it), so it takes only a tenant-owned parent without filters of its own.
 */
let metaOf: (className: string) => EntityMetadata;
let orm: MikroORM;

beforeAll(async () => {
  // Metadata only: discovery, no connection.
  orm = await MikroORM.init({ ...createOrmConfig('postgresql://metadata-only@127.0.0.1:1/none'), connect: false });
  metaOf = (className) => orm.getMetadata().find(className) as EntityMetadata;
});
afterAll(() => orm.close(true));

describe('withParent: which parents may state their tenant in the statement', () => {
  it('takes a tenant-owned entity (a ticket, a KYC case), again and again', () => {
    for (const name of ['Ticket', 'KycCase']) {
      expect(() => assertParentStatesItsTenant(metaOf(name))).not.toThrow();
      expect(() => assertParentStatesItsTenant(metaOf(name))).not.toThrow();
    }
  });

  it('refuses an entity without a tenant (users, tenants), every time', () => {
    for (const name of ['User', 'Tenant']) {
      expect(() => assertParentStatesItsTenant(metaOf(name))).toThrow(`withParent: ${name} is not tenant-owned or has filters of its own.`);
      expect(() => assertParentStatesItsTenant(metaOf(name))).toThrow(/not tenant-owned/);
    }
  });

  it('refuses a tenant-owned entity with a filter of its own', () => {
    const ticket = metaOf('Ticket');
    const filtered = { ...ticket, className: 'FilteredTicket', properties: ticket.properties, filters: { open: { name: 'open', cond: {} } } } as unknown as EntityMetadata;
    expect(() => assertParentStatesItsTenant(filtered)).toThrow('withParent: FilteredTicket is not tenant-owned or has filters of its own.');
  });
});
