import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { grantTool } from '../../entitlements/entitlement.factory';
import { addMember, provisionTenant } from '../../tenancy/tenant.factory';
import { Tenant } from '../../tenancy/tenant.entity';
import { User } from '../../users/user.entity';
import { hashPassword } from '../../auth/password';
import { makeTool, makeToolPanel } from '../tool.factory';
import { ToolStatus } from '../tool.entity';
import { checkInputSchema, validateAgainstSchema } from '../tool.json-schema';

/**
 * The tools catalog (staff manage it, everyone reads it, its input schemas are checked as JSON
 * Schema) and tool panels (tenant admins manage them for entitled tools, members read them,
 * nothing crosses tenants).
 */

let t: TestApp;
const tokens: Record<string, string> = {};
let acmeId: string;
let globexId: string;

const SCHEMA = {
  type: 'object',
  properties: {
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    number: { type: 'string', minLength: 4, maxLength: 20 },
    strict: { type: 'boolean' },
  },
  required: ['country', 'number'],
  additionalProperties: false,
};

/** Tools made for this file, by key, with global ids. */
const tool: Record<string, string> = {};
let globexPanelId: string;

function fieldsOf(res: GqlResponse): string[] {
  return ((res.errors?.[0]?.extensions.fields ?? []) as { field: string }[]).map((f) => f.field);
}

const CREATE = 'mutation($input: CreateToolInput!) { createTool(input: $input) { id key name category status description inputSchema } }';
const UPDATE = 'mutation($input: UpdateToolInput!) { updateTool(input: $input) { id key name status inputSchema } }';
const SET_PANEL = `mutation($input: SetToolPanelInput!) {
  setToolPanel(input: $input) { id title layout defaultInput recentRunsLimit recentRunsScope tool { key } tenant { slug } }
}`;

const audits = (action: string) => t.sql<{ tenant_id: string | null; target_id: string; diff: any; actor_id: string | null }>(
  'select tenant_id, target_id, diff, actor_id from audit_logs where action = ? order by created_at, id',
  [action],
);

beforeAll(async () => {
  t = await startTestApp();
  acmeId = await t.tenantId('acme');
  globexId = await t.tenantId('globex');
  const em = t.orm.em.fork();
  const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
  const globex = await em.findOneOrFail(Tenant, { slug: 'globex' });
  const vat = makeTool(em, { key: 'test.vat', name: 'Test VAT', category: 'finance', inputSchema: SCHEMA });
  const other = makeTool(em, { key: 'test.other', name: 'Other tool', category: 'support', status: ToolStatus.BETA });
  const retired = makeTool(em, { key: 'test.retired', name: 'Old tool', category: 'support', status: ToolStatus.RETIRED });
  const globexOnly = makeTool(em, { key: 'test.globex', name: 'Globex tool', category: 'finance', inputSchema: SCHEMA });
  grantTool(em, acme, vat, { limits: { runsPerMonth: 10 } });
  grantTool(em, acme, retired);
  grantTool(em, globex, globexOnly);
  grantTool(em, globex, vat);
  const panel = makeToolPanel(em, globex, globexOnly, { title: 'Globex panel', defaultInput: { country: 'NL' } });
  await em.flush();
  for (const x of [vat, other, retired, globexOnly]) tool[x.key] = toGlobalId('Tool', x.id);
  globexPanelId = toGlobalId('ToolPanel', panel.id);
  for (const email of ['staff@atrium.test', 'admin@acme.test', 'member@acme.test', 'viewer@acme.test', 'owner@acme.test']) {
    tokens[email] = (await t.login(email)).accessToken;
  }
  tokens.globex = (await t.login('owner@globex.test', 'globex')).accessToken;
});

afterAll(async () => {
  await t?.close();
});

describe('input schemas', () => {
  it('accepts a draft-07 object schema and refuses broken or unsafe ones with a reason', () => {
    expect(checkInputSchema(SCHEMA)).toEqual([]);
    const refused: [unknown, RegExp][] = [
      [[1, 2], /JSON object/],
      [{ type: 'string' }, /"type": "object"/],
      [{ type: 'object', properties: { a: { type: 'strin' } } }, /Not a valid JSON Schema/],
      [{ type: 'object', properties: { a: { type: 'string', maxLenght: 3 } } }, /cannot be used: .*maxLenght/],
      [{ type: 'object', properties: { a: { type: 'string', format: 'no-such-format' } } }, /cannot be used/],
      [{ type: 'object', $id: 'https://example.test/a' }, /\$id/],
      [{ type: 'object', properties: { a: { $ref: 'https://example.test/s.json' } } }, /local "\$ref"/],
      [{ type: 'object', $schema: 'https://json-schema.org/draft/2020-12/schema' }, /draft-07/],
      [{ type: 'object', description: 'x'.repeat(40_000) }, /too large/],
    ];
    for (const [schema, message] of refused) {
      const problems = checkInputSchema(schema);
      expect({ schema, problems: problems.length }).toEqual({ schema, problems: 1 });
      expect(problems[0]?.field).toBe('inputSchema');
      expect(problems[0]?.message).toMatch(message);
    }
  });

  it('reports each problem of an input with its path', () => {
    expect(validateAgainstSchema(SCHEMA, { country: 'NL', number: '1234' })).toEqual([]);
    const problems = validateAgainstSchema(SCHEMA, { country: 'nl', extra: 1, strict: 'yes' });
    expect(problems.map((p) => p.field).sort()).toEqual(['input.country', 'input.extra', 'input.number', 'input.strict']);
    expect(problems.find((p) => p.field === 'input.number')?.message).toBe('input.number is required.');
    expect(validateAgainstSchema(SCHEMA, 'text')).toEqual([{ field: 'input', message: 'input must be a JSON object.' }]);
    // Partial: required fields may be missing, everything else still holds.
    expect(validateAgainstSchema(SCHEMA, { country: 'NL' }, { partial: true })).toEqual([]);
    expect(validateAgainstSchema(SCHEMA, { country: 'x' }, { partial: true, field: 'defaultInput' }).map((p) => p.field)).toEqual(['defaultInput.country']);
  });
});

describe('catalog management (staff)', () => {
  it('creates a tool with a valid schema, audited without a tenant', async () => {
    const res = await t.gql(CREATE, { input: { key: 'test.created', name: 'Created tool', category: 'support', description: 'Does things.', inputSchema: SCHEMA } }, { token: tokens['staff@atrium.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createTool).toMatchObject({ key: 'test.created', status: 'BETA', category: 'support', inputSchema: SCHEMA });
    const rows = await audits('tool.created');
    const row = rows.find((r) => r.target_id === res.data?.createTool.id);
    expect(row).toBeDefined();
    expect(row?.tenant_id).toBeNull();
    expect(row?.actor_id).toBe(await t.userId('staff@atrium.test'));
    expect(row?.diff.after).toMatchObject({ key: 'test.created', status: 'BETA' });
  });

  it('refuses a bad schema, a bad key or a duplicate key, and writes nothing', async () => {
    const before = { tools: await t.count('select count(*) as n from tools'), audit: await t.count('select count(*) as n from audit_logs') };
    const badSchema = await t.gql(CREATE, { input: { key: 'test.bad', name: 'Bad', category: 'support', inputSchema: { type: 'object', properties: { a: { type: 'nope' } } } } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(badSchema)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(badSchema)).toEqual(['inputSchema']);
    const badKey = await t.gql(CREATE, { input: { key: 'Not A Key', name: 'Bad', category: 'support', inputSchema: SCHEMA } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(badKey)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(badKey)).toEqual(['key']);
    const duplicate = await t.gql(CREATE, { input: { key: 'test.vat', name: 'Again', category: 'finance', inputSchema: SCHEMA } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(duplicate)).toBe('CONFLICT');
    expect(await t.count('select count(*) as n from tools')).toBe(before.tools);
    expect(await t.count('select count(*) as n from audit_logs')).toBe(before.audit);
  });

  it('updates a tool with an audited diff; a change to nothing is not audited; tenant roles are refused', async () => {
    const created = await t.gql(CREATE, { input: { key: 'test.updated', name: 'To update', category: 'support', inputSchema: SCHEMA } }, { token: tokens['staff@atrium.test'] });
    const id = created.data?.createTool.id as string;
    const newSchema = { ...SCHEMA, required: ['country'] };
    const res = await t.gql(UPDATE, { input: { id, status: 'ACTIVE', inputSchema: newSchema } }, { token: tokens['staff@atrium.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateTool).toMatchObject({ status: 'ACTIVE', key: 'test.updated', inputSchema: newSchema });
    const rows = (await audits('tool.updated')).filter((r) => r.target_id === id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.diff.before).toEqual({ status: 'BETA', inputSchema: SCHEMA });
    expect(rows[0]?.diff.after).toEqual({ status: 'ACTIVE', inputSchema: newSchema });

    const same = await t.gql(UPDATE, { input: { id, status: 'ACTIVE' } }, { token: tokens['staff@atrium.test'] });
    expect(same.errors).toBeUndefined();
    expect((await audits('tool.updated')).filter((r) => r.target_id === id)).toHaveLength(1);

    const bad = await t.gql(UPDATE, { input: { id, inputSchema: { type: 'array' } } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const missing = await t.gql(UPDATE, { input: { id: toGlobalId('Tool', randomUUID()), name: 'Nobody' } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    for (const email of ['owner@acme.test', 'admin@acme.test']) {
      const denied = await t.gql(UPDATE, { input: { id, name: 'Hijacked' } }, { token: tokens[email] });
      expect(codeOf(denied)).toBe('FORBIDDEN');
    }
  });
});

describe('reading the catalog', () => {
  it('lets every signed-in role list and filter it; anonymous callers are refused', async () => {
    for (const email of ['viewer@acme.test', 'member@acme.test', 'staff@atrium.test']) {
      const res = await t.gql('{ tools(first: 100, filter: { text: "test." }) { totalCount nodes { key status } } }', {}, { token: tokens[email] });
      expect(res.errors).toBeUndefined();
      const keys = (res.data?.tools.nodes as { key: string }[]).map((n) => n.key);
      expect(keys).toEqual([...keys].sort());
      expect(keys).toEqual(expect.arrayContaining(['test.vat', 'test.other', 'test.retired', 'test.globex']));
    }
    const anon = await t.gql('{ tools(first: 1) { totalCount } }');
    expect(codeOf(anon)).toBe('UNAUTHENTICATED');

    const retired = await t.gql('{ tools(first: 100, filter: { status: [RETIRED], category: "support", text: "test." }) { nodes { key } } }', {}, { token: tokens['viewer@acme.test'] });
    expect(retired.data?.tools.nodes).toEqual([{ key: 'test.retired' }]);
  });

  it('pages by cursor and by offset in every ordering', async () => {
    const token = tokens['member@acme.test'];
    const all = await t.gql('{ tools(first: 100, orderBy: { field: NAME, direction: DESC }) { nodes { name } } }', {}, { token });
    const names = (all.data?.tools.nodes as { name: string }[]).map((n) => n.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    const byDb = await t.sql<{ name: string }>('select name from tools order by name desc, id desc');
    expect(names).toEqual(byDb.map((r) => r.name));
    const first = await t.gql('{ tools(first: 2, orderBy: { field: NAME, direction: DESC }) { pageInfo { endCursor hasNextPage } nodes { name } } }', {}, { token });
    const next = await t.gql('query($after: String) { tools(first: 2, after: $after, orderBy: { field: NAME, direction: DESC }) { nodes { name } } }', { after: first.data?.tools.pageInfo.endCursor }, { token });
    expect([...first.data!.tools.nodes, ...next.data!.tools.nodes].map((n: { name: string }) => n.name)).toEqual(names.slice(0, 4));
    const offset = await t.gql('{ tools(first: 2, offset: 2, orderBy: { field: NAME, direction: DESC }) { nodes { name } } }', {}, { token });
    expect(offset.data?.tools.nodes.map((n: { name: string }) => n.name)).toEqual(names.slice(2, 4));
  });

  it("shows each tenant's own entitlement and panel on a tool", async () => {
    const q = 'query($id: ID!) { tool(id: $id) { key entitlement { plan limits tenant { slug } } panel { title } } }';
    const acme = await t.gql(q, { id: tool['test.vat'] }, { token: tokens['member@acme.test'] });
    expect(acme.errors).toBeUndefined();
    expect(acme.data?.tool).toMatchObject({ key: 'test.vat', entitlement: { plan: 'pro', limits: { runsPerMonth: 10 }, tenant: { slug: 'acme' } } });
    const acmeOnGlobex = await t.gql(q, { id: tool['test.globex'] }, { token: tokens['member@acme.test'] });
    expect(acmeOnGlobex.data?.tool).toEqual({ key: 'test.globex', entitlement: null, panel: null });
    const globex = await t.gql(q, { id: tool['test.globex'] }, { token: tokens.globex });
    expect(globex.data?.tool).toMatchObject({ entitlement: { tenant: { slug: 'globex' } }, panel: { title: 'Globex panel' } });
    const missing = await t.gql(q, { id: toGlobalId('Tool', randomUUID()) }, { token: tokens['member@acme.test'] });
    expect(codeOf(missing)).toBe('NOT_FOUND');
  });
});

describe('tool panels', () => {
  it('an admin sets the panel of an entitled tool (audited), then changes it in place', async () => {
    const token = tokens['admin@acme.test'];
    const input = { toolId: tool['test.vat'], title: 'VAT check', layout: 'COMPACT', defaultInput: { country: 'DE' }, recentRunsLimit: 10, recentRunsScope: 'TENANT' };
    const res = await t.gql(SET_PANEL, { input }, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data?.setToolPanel).toMatchObject({ title: 'VAT check', layout: 'COMPACT', defaultInput: { country: 'DE' }, recentRunsLimit: 10, recentRunsScope: 'TENANT', tool: { key: 'test.vat' }, tenant: { slug: 'acme' } });
    const id = res.data?.setToolPanel.id as string;
    const created = (await audits('tool_panel.created')).filter((r) => r.target_id === id);
    expect(created).toHaveLength(1);
    expect(created[0]?.tenant_id).toBe(acmeId);

    const again = await t.gql(SET_PANEL, { input: { ...input, recentRunsLimit: 3 } }, { token });
    expect(again.data?.setToolPanel.id).toBe(id);
    expect(again.data?.setToolPanel.recentRunsLimit).toBe(3);
    const updated = (await audits('tool_panel.updated')).filter((r) => r.target_id === id);
    expect(updated).toHaveLength(1);
    expect(updated[0]?.diff).toMatchObject({ before: { recentRunsLimit: 10 }, after: { recentRunsLimit: 3 } });

    // Members read it, through the list and through the tool.
    const read = await t.gql('query($tool: ID!) { toolPanels(first: 10, filter: { toolId: $tool }) { totalCount nodes { id title tool { key } } } }', { tool: tool['test.vat'] }, { token: tokens['viewer@acme.test'] });
    expect(read.errors).toBeUndefined();
    expect(read.data?.toolPanels.nodes).toEqual([{ id, title: 'VAT check', tool: { key: 'test.vat' } }]);
    const all = await t.gql('{ toolPanels(first: 100) { totalCount nodes { id tenant { slug } } } }', {}, { token: tokens['viewer@acme.test'] });
    expect(all.data?.toolPanels.totalCount).toBe(await t.count('select count(*) as n from tool_panels where tenant_id = ?', [acmeId]));
    expect(all.data?.toolPanels.nodes.every((n: { tenant: { slug: string } }) => n.tenant.slug === 'acme')).toBe(true);
    const one = await t.gql('query($id: ID!) { toolPanel(id: $id) { title } node(id: $id) { id } }', { id }, { token: tokens['member@acme.test'] });
    expect(one.data).toEqual({ toolPanel: { title: 'VAT check' }, node: { id } });
  });

  it('checks the default input against the tool schema and names the fields', async () => {
    const res = await t.gql(SET_PANEL, { input: { toolId: tool['test.vat'], title: 'VAT', defaultInput: { country: 'germany', colour: 'red' } } }, { token: tokens['admin@acme.test'] });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res).sort()).toEqual(['defaultInput.colour', 'defaultInput.country']);
    const notObject = await t.gql(SET_PANEL, { input: { toolId: tool['test.vat'], title: 'VAT', defaultInput: [1] } }, { token: tokens['admin@acme.test'] });
    expect(fieldsOf(notObject)).toEqual(['defaultInput']);
    const limit = await t.gql(SET_PANEL, { input: { toolId: tool['test.vat'], title: 'VAT', recentRunsLimit: 500 } }, { token: tokens['admin@acme.test'] });
    expect(codeOf(limit)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(limit)).toEqual(['recentRunsLimit']);
  });

  it('refuses tools the tenant is not entitled to, retired tools, and members', async () => {
    const notEntitled = await t.gql(SET_PANEL, { input: { toolId: tool['test.other'], title: 'Other' } }, { token: tokens['admin@acme.test'] });
    expect(codeOf(notEntitled)).toBe('FORBIDDEN');
    expect(notEntitled.errors?.[0]?.extensions.reason).toBe('ENTITLEMENT_REQUIRED');
    const retired = await t.gql(SET_PANEL, { input: { toolId: tool['test.retired'], title: 'Old' } }, { token: tokens['admin@acme.test'] });
    expect(retired.errors?.[0]?.extensions.reason).toBe('TOOL_RETIRED');
    const member = await t.gql(SET_PANEL, { input: { toolId: tool['test.vat'], title: 'Mine' } }, { token: tokens['member@acme.test'] });
    expect(codeOf(member)).toBe('FORBIDDEN');
    expect(member.errors?.[0]?.extensions.reason).toBe('MISSING_PERMISSION');
  });

  it('deletes a panel (audited)', async () => {
    const made = await t.gql(SET_PANEL, { input: { toolId: tool['test.vat'], title: 'To delete' } }, { token: tokens['owner@acme.test'] });
    const id = made.data?.setToolPanel.id as string;
    const res = await t.gql('mutation($id: ID!) { deleteToolPanel(id: $id) }', { id }, { token: tokens['owner@acme.test'] });
    expect(res.data?.deleteToolPanel).toBe(true);
    expect(await t.count('select count(*) as n from tool_panels where id = ?', [fromGlobalId(id).id])).toBe(0);
    expect((await audits('tool_panel.deleted')).filter((r) => r.target_id === id)).toHaveLength(1);
  });
});

describe('tenant isolation of panels', () => {
  const panelRow = async (panelGid: string) => (await t.sql<{ title: string; tenant_id: string }>('select title, tenant_id from tool_panels where id = ?', [fromGlobalId(panelGid).id]))[0];

  describeCrossTenant('a globex panel', {
    app: () => t,
    as: { label: 'owner@acme.test', token: () => tokens['owner@acme.test'] },
    foreign: () => ({ panel: globexPanelId, tool: tool['test.globex'], tenant: toGlobalId('Tenant', globexId) }),
    unchanged: (c) => t.sql('select * from tool_panels where id = ?', [fromGlobalId(c.foreign.panel).id]),
    reads: [
      { name: 'toolPanels filtered by the globex-only tool', query: 'query($id: ID!) { toolPanels(first: 100, filter: { toolId: $id }) { totalCount nodes { id } } }', variables: (c) => ({ id: c.foreign.tool }), expect: 'empty' },
      { name: 'toolPanels filtered by the globex tenant', query: 'query($t: ID!) { toolPanels(first: 100, filter: { tenantId: $t }) { totalCount } }', variables: (c) => ({ t: c.foreign.tenant }), expect: 'empty' },
      { name: 'toolPanel(id)', query: 'query($id: ID!) { toolPanel(id: $id) { title } }', variables: (c) => ({ id: c.foreign.panel }), expect: 'NOT_FOUND' },
      { name: 'node(id)', query: 'query($id: ID!) { node(id: $id) { id } }', variables: (c) => ({ id: c.foreign.panel }), expect: 'NOT_FOUND' },
      { name: 'nodes(ids)', query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: (c) => ({ ids: [c.foreign.panel] }), expect: { nodes: () => [null] } },
      { name: 'tool(id).panel of the globex-only tool', query: 'query($id: ID!) { tool(id: $id) { panel { id } } }', variables: (c) => ({ id: c.foreign.tool }), at: 'tool.panel', expect: 'null' },
    ],
    writes: [
      {
        name: 'deleteToolPanel',
        mutation: 'mutation($id: ID!) { deleteToolPanel(id: $id) }',
        variables: (c) => ({ id: c.foreign.panel }),
        then: async (_res, c) => expect(await panelRow(c.foreign.panel)).toEqual({ title: 'Globex panel', tenant_id: globexId }),
      },
      {
        // acme's own panel for the globex-only tool: refused, acme is not entitled to it.
        name: 'setToolPanel for the globex-only tool',
        mutation: SET_PANEL,
        variables: (c) => ({ input: { toolId: c.foreign.tool, title: 'Mine now' } }),
        expect: { code: 'FORBIDDEN', reason: 'ENTITLEMENT_REQUIRED' },
        then: async (_res, c) => expect(await panelRow(c.foreign.panel)).toEqual({ title: 'Globex panel', tenant_id: globexId }),
      },
    ],
  });

  it('lets platform staff read panels across tenants, audited', async () => {
    const token = tokens['staff@atrium.test'];
    const before = await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`);
    const res = await t.gql('query($t: ID!) { toolPanels(first: 10, filter: { tenantId: $t }) { nodes { id tenant { slug } } } }', { t: toGlobalId('Tenant', globexId) }, { token });
    expect(res.errors).toBeUndefined();
    const nodes = res.data?.toolPanels.nodes as { id: string; tenant: { slug: string } }[];
    expect(nodes.map((n) => n.id)).toContain(globexPanelId);
    expect(nodes.every((n) => n.tenant.slug === 'globex')).toBe(true);
    expect(nodes).toHaveLength(await t.count('select count(*) as n from tool_panels where tenant_id = ?', [globexId]));
    expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`)).toBe(before + 1);
  });
});

describe('SQL statements', () => {
  it('lists panels with their tool, entitlement, panel and tenant in the same number of statements for 3 as for 12', async () => {
    const em = t.orm.em.fork();
    const p = provisionTenant(em, { slug: 'panels-counted', name: 'Panels counted' });
    const admin = em.create(User, { email: 'admin@panels.test', name: 'Panel Admin', passwordHash: await hashPassword('counted-pass') });
    em.persist(admin);
    addMember(em, p, admin, 'admin');
    for (let i = 0; i < 12; i++) {
      const x = makeTool(em, { key: `test.counted-${String(i).padStart(2, '0')}`, inputSchema: SCHEMA });
      grantTool(em, p.tenant, x);
      makeToolPanel(em, p.tenant, x, { title: `Panel ${i}` });
    }
    await em.flush();
    const token = (await t.login('admin@panels.test', 'panels-counted', 'counted-pass')).accessToken;
    const q = 'query($n: Int) { toolPanels(first: $n) { nodes { title tenant { slug } tool { key entitlement { plan } panel { title } } } } }';
    const counts: number[] = [];
    for (const n of [3, 12]) {
      const { count } = await t.countQueries(async () => {
        const res = await t.gql(q, { n }, { token });
        expect(res.errors).toBeUndefined();
        const nodes = res.data?.toolPanels.nodes as { title: string; tool: { key: string; panel: { title: string } } }[];
        expect(nodes).toHaveLength(n);
        for (const node of nodes) expect(node.tool.panel.title).toBe(node.title);
      });
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
    // session check, page, tools, entitlements, panels, tenants.
    expect(counts[0]).toBeLessThanOrEqual(7);
  });
});
