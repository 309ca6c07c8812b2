import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { DEMO_PASSWORD } from '../../../seeders/demo.seeder';
import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { hashPassword } from '../../auth/password';
import { Membership } from '../../tenancy/membership.entity';
import { Role } from '../../tenancy/role.entity';
import { Tenant } from '../../tenancy/tenant.entity';
import { StaffRole, User } from '../../users/user.entity';
import { KycCaseStatus } from '../kyc-case.entity';
import { samplePdf } from '../../../seeders/sample-files';
import { makeCase, upload } from './helpers';

/**
 * Tenant isolation of KYC cases and documents: acme callers cannot read, find, count, change,
 * download or upload to globex KYC data by any route (kycCase, kycCases, kycDocument,
 * kycDocuments, node, nodes, nested documents, mutations, HTTP), while KYC staff can read it
 * and leave an audit trail doing so.
 */

let t: TestApp;
let acmeId: string;
let globexId: string;
/** A globex DRAFT case (editable, so only the tenant stops an acme caller) with a pending document. */
let globexCase: { gid: string; id: string; docGid: string };

async function caseRow(id: string) {
  const [row] = await t.sql(
    `select c.status, c.version, c.subject_name, c.details, (select string_agg(d.id || ':' || d.status, ',' order by d.id) from kyc_documents d where d.case_id = c.id) as docs from kyc_cases c where c.id = ?`,
    [id],
  );
  return row;
}

async function platformAccessRows(): Promise<{ tenant_id: string | null; actor_id: string; diff: Record<string, any> }[]> {
  return t.sql(`select tenant_id, actor_id, diff from audit_logs where action = 'platform.access' order by created_at, id`);
}

beforeAll(async () => {
  t = await startTestApp();
  acmeId = await t.tenantId('acme');
  globexId = await t.tenantId('globex');
  const c = await makeCase(t, { tenant: 'globex', creator: 'owner@globex.test', data: { status: KycCaseStatus.DRAFT, person: { fullName: 'Globex Secret Person' } }, docs: [{}] });
  globexCase = { gid: c.gid, id: c.id, docGid: toGlobalId('KycDocument', c.docs[0].id) };
});

afterAll(async () => {
  await t?.close();
});

const CASES_FILTER = 'query($f: KycCaseFilter) { kycCases(first: 100, filter: $f) { totalCount } }';

describeCrossTenant<typeof globexCase & { tenant: string }, { caseGid: string }>('globex KYC data', {
  app: () => t,
  as: ['owner@acme.test', 'admin@acme.test'],
  foreign: () => ({ ...globexCase, tenant: toGlobalId('Tenant', globexId) }),
  own: async () => ({ caseGid: (await makeCase(t, { docs: [{}] })).gid }),
  secrets: ['Globex Secret'],
  // No refused call changes the globex case or its documents.
  unchanged: (c) => caseRow(c.foreign.id),
  reads: [
    {
      name: 'kycCase(id) on a globex case, its own through the same route',
      query: 'query($id: ID!) { kycCase(id: $id) { id subjectName } }',
      variables: (c) => ({ id: c.foreign.gid }),
      expect: 'NOT_FOUND',
      control: { query: 'query($id: ID!) { kycCase(id: $id) { id } node(id: $id) { id } }', variables: (c) => ({ id: c.own.caseGid }), expect: (res, c) => expect(res.data).toEqual({ kycCase: { id: c.own.caseGid }, node: { id: c.own.caseGid } }) },
    },
    { name: 'kycDocument(id) on a globex document', query: 'query($id: ID!) { kycDocument(id: $id) { id filename } }', variables: (c) => ({ id: c.foreign.docGid }), expect: 'NOT_FOUND' },
    { name: 'node(id) on a globex case', query: 'query($id: ID!) { node(id: $id) { id ... on KycCase { subjectName } } }', variables: (c) => ({ id: c.foreign.gid }), expect: 'NOT_FOUND' },
    { name: 'node(id) on a globex document', query: 'query($id: ID!) { node(id: $id) { id ... on KycDocument { filename } } }', variables: (c) => ({ id: c.foreign.docGid }), expect: 'NOT_FOUND' },
    {
      name: 'nodes(ids) with its own case, a globex case and a globex document',
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: (c) => ({ ids: [c.own.caseGid, c.foreign.gid, c.foreign.docGid] }),
      expect: { nodes: (c) => [c.own.caseGid, null, null] },
    },
    {
      name: "kycCases counts and lists acme's cases only",
      query: 'query { kycCases(first: 100) { totalCount nodes { id tenant { slug } } } }',
      expect: { ownOnly: { tenant: 'acme', excludes: (c) => [c.foreign.gid], total: () => t.count('select count(*) as n from kyc_cases where tenant_id = ?', [acmeId]) } },
    },
    { name: 'kycCases filtered by the globex tenant', query: CASES_FILTER, variables: (c) => ({ f: { tenantId: c.foreign.tenant } }), expect: 'empty' },
    { name: "kycCases searched for the globex subject's name", query: CASES_FILTER, variables: () => ({ f: { text: 'Globex Secret' } }), expect: 'empty' },
    {
      name: "kycDocuments counts and lists acme's documents only",
      query: 'query { kycDocuments(first: 100) { totalCount nodes { id case { tenant { slug } } } } }',
      expect: { ownOnly: { tenant: 'acme', tenantOf: (n: { case: { tenant: { slug: string } } }) => n.case.tenant.slug, total: () => t.count('select count(*) as n from kyc_documents where tenant_id = ?', [acmeId]) } },
    },
    {
      name: 'kycDocuments filtered by a globex case',
      query: 'query($f: KycDocumentFilter) { kycDocuments(first: 100, filter: $f) { totalCount nodes { id } } }',
      variables: (c) => ({ f: { caseId: c.foreign.gid } }),
      expect: 'empty',
    },
  ],
  writes: [
    {
      name: 'updateKycCase on a globex case',
      mutation: 'mutation($input: UpdateKycCaseInput!) { updateKycCase(input: $input) { id } }',
      variables: (c) => ({ input: { id: c.foreign.gid, version: 1, person: { fullName: `Hijacked by ${c.as}` } } }),
    },
    { name: 'submitKycCase on a globex case', mutation: 'mutation($input: KycCaseVersionInput!) { submitKycCase(input: $input) { id } }', variables: (c) => ({ input: { id: c.foreign.gid, version: 1 } }) },
    { name: 'deleteKycDocument on a globex document', mutation: 'mutation($id: ID!) { deleteKycDocument(id: $id) }', variables: (c) => ({ id: c.foreign.docGid }) },
  ],
  checks: [
    {
      name: 'GET a globex document\'s content: 404',
      run: async (c) => {
        const get = await fetch(`${t.url}/api/kyc/documents/${c.foreign.docGid}/content`, { headers: { authorization: `Bearer ${c.token}` } });
        expect(get.status).toBe(404);
      },
    },
    {
      name: 'POST a document to a globex case: 404, and no document is added',
      run: async (c) => {
        const up = await upload(t, c.token, c.foreign.gid, { content: samplePdf('planted') });
        expect(up.status).toBe(404);
        expect(await caseRow(c.foreign.id)).toMatchObject({ docs: expect.not.stringContaining(',') });
      },
    },
    {
      name: 'no refused call left an audit row on the globex case or document',
      run: async (c) => {
        expect(await t.sql(`select id from audit_logs where target_id in (?, ?)`, [c.foreign.gid, c.foreign.docGid])).toEqual([]);
      },
    },
  ],
});

describe('raw-SQL document loaders', () => {
  it("keep a document row stamped with another tenant out of an acme case's documents", async () => {
    const { accessToken: token } = await t.login('owner@acme.test');
    const c = await makeCase(t, { docs: [{}, {}] });
    const globexOwner = await t.userId('owner@globex.test');
    // Inconsistent on purpose: an acme case, but the globex tenant. Only the loaders' own
    // tenant condition keeps it out.
    const [planted] = await t.sql<{ id: string }>(
      `insert into kyc_documents (id, tenant_id, case_id, kind, filename, content_type, size, sha256, storage_key, uploaded_by_id, status, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, 'OTHER', 'planted.pdf', 'application/pdf', 1, repeat('0', 64), 'x', ?, 'PENDING', now(), now()) returning id`,
      [globexId, c.id, globexOwner],
    );
    try {
      const res = await t.gql(
        `query($id: ID!) { kycCase(id: $id) {
           first: documents(first: 100) { totalCount nodes { id filename } }
           byOffset: documents(first: 100, offset: 0) { totalCount nodes { id filename } } } }`,
        { id: c.gid },
        { token },
      );
      expect(res.errors).toBeUndefined();
      for (const page of [res.data?.kycCase.first, res.data?.kycCase.byOffset]) {
        expect(page.totalCount).toBe(2);
        expect(page.nodes.map((n: { filename: string }) => n.filename)).not.toContain('planted.pdf');
      }
    } finally {
      await t.sql(`delete from kyc_documents where id = ?`, [planted.id]);
    }
  });
});

describe('KYC staff', () => {
  let token: string;

  beforeAll(async () => {
    token = (await t.login('compliance@atrium.test')).accessToken;
    const me = await t.gql('query { me { tenant { slug } staffRole permissions } }', {}, { token });
    expect(me.data?.me).toMatchObject({ tenant: null, staffRole: 'COMPLIANCE' });
    expect(me.data?.me.permissions).toEqual(expect.arrayContaining(['platform:kyc:read', 'platform:kyc:review']));
  });

  it('read globex cases by tenant filter and by id, and each read is audited as platform.access on globex', async () => {
    const before = await platformAccessRows();
    const list = await t.gql('query($f: KycCaseFilter) { kycCases(first: 100, filter: $f) { totalCount nodes { id tenant { slug } } } }', { f: { tenantId: toGlobalId('Tenant', globexId) } }, { token });
    expect(list.errors).toBeUndefined();
    expect(list.data?.kycCases.totalCount).toBe(await t.count('select count(*) as n from kyc_cases where tenant_id = ?', [globexId]));
    expect(list.data?.kycCases.nodes.map((n: { id: string }) => n.id)).toContain(globexCase.gid);
    expect(list.data?.kycCases.nodes.every((n: { tenant: { slug: string } }) => n.tenant.slug === 'globex')).toBe(true);

    const one = await t.gql('query($id: ID!) { kycCase(id: $id) { id person { fullName } } }', { id: globexCase.gid }, { token });
    expect(one.data?.kycCase).toEqual({ id: globexCase.gid, person: { fullName: 'Globex Secret Person' } });

    const after = await platformAccessRows();
    const added = after.slice(before.length);
    const staffId = await t.userId('compliance@atrium.test');
    expect(added.map((r) => [r.tenant_id, r.actor_id, r.diff.operation])).toEqual([
      [globexId, staffId, 'kycCases'],
      [globexId, staffId, 'kycCase'],
    ]);
    expect(added[1].diff.caseId).toBe(fromGlobalId(globexCase.gid).id);
  });

  it('a staff member signed in to a tenant acts as that member: no KYC review there', async () => {
    const em = t.orm.em.fork();
    const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
    const viewer = await em.findOneOrFail(Role, { tenant: acme.id, name: 'viewer' }, { filters: false });
    const both = em.create(User, { email: 'compliance-member@atrium.test', name: 'Compliance Member', passwordHash: await hashPassword(DEMO_PASSWORD), staffRole: StaffRole.COMPLIANCE });
    em.persist(both);
    em.persist(em.create(Membership, { tenant: acme, user: both, role: viewer }));
    await em.flush();
    const { accessToken } = await t.login('compliance-member@atrium.test');
    const submitted = await makeCase(t, { data: { status: KycCaseStatus.SUBMITTED } });
    const res = await t.gql('mutation($input: KycCaseVersionInput!) { startKycReview(input: $input) { id } }', { input: { id: submitted.gid, version: 1 } }, { token: accessToken });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('query($id: ID!) { kycCase(id: $id) { id } }', { id: globexCase.gid }, { token: accessToken }))).toBe('FORBIDDEN');
    expect((await t.sql(`select status from kyc_cases where id = ?`, [submitted.id]))[0]).toEqual({ status: 'SUBMITTED' });
  });
});
