import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { DEMO_PASSWORD } from '../../../seeders/demo.seeder';
import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
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

describe.each(['owner@acme.test', 'admin@acme.test'])('as %s', (email) => {
  let token: string;
  let acmeCaseGid: string;

  beforeAll(async () => {
    token = (await t.login(email)).accessToken;
    acmeCaseGid = (await makeCase(t, { docs: [{}] })).gid;
  });

  it('gets NOT_FOUND for a globex case and document through kycCase, kycDocument and node, but its own through the same routes', async () => {
    const own = await t.gql('query($id: ID!) { kycCase(id: $id) { id } node(id: $id) { id } }', { id: acmeCaseGid }, { token });
    expect(own.data).toEqual({ kycCase: { id: acmeCaseGid }, node: { id: acmeCaseGid } });

    for (const [query, id] of [
      ['query($id: ID!) { kycCase(id: $id) { id subjectName } }', globexCase.gid],
      ['query($id: ID!) { kycDocument(id: $id) { id filename } }', globexCase.docGid],
      ['query($id: ID!) { node(id: $id) { id ... on KycCase { subjectName } } }', globexCase.gid],
      ['query($id: ID!) { node(id: $id) { id ... on KycDocument { filename } } }', globexCase.docGid],
    ] as const) {
      const res = await t.gql(query, { id }, { token });
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(JSON.stringify(res.data)).not.toContain('Globex Secret');
    }
    const many = await t.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [acmeCaseGid, globexCase.gid, globexCase.docGid] }, { token });
    expect(many.data?.nodes).toEqual([{ id: acmeCaseGid }, null, null]);
    expect((many.errors ?? []).map((e) => [e.extensions.code, e.path])).toEqual([
      ['NOT_FOUND', ['nodes', 1]],
      ['NOT_FOUND', ['nodes', 2]],
    ]);
  });

  it("lists and counts acme's cases and documents only, whatever the filter says", async () => {
    const cases = await t.gql('query { kycCases(first: 100) { totalCount nodes { id tenant { slug } } } }', {}, { token });
    expect(cases.data?.kycCases.totalCount).toBe(await t.count('select count(*) as n from kyc_cases where tenant_id = ?', [acmeId]));
    expect(cases.data?.kycCases.nodes.every((n: { tenant: { slug: string } }) => n.tenant.slug === 'acme')).toBe(true);
    expect(cases.data?.kycCases.nodes.map((n: { id: string }) => n.id)).not.toContain(globexCase.gid);

    const byTenant = await t.gql('query($f: KycCaseFilter) { kycCases(first: 100, filter: $f) { totalCount } }', { f: { tenantId: toGlobalId('Tenant', globexId) } }, { token });
    expect(byTenant.data?.kycCases.totalCount).toBe(0);
    const byText = await t.gql('query($f: KycCaseFilter) { kycCases(first: 100, filter: $f) { totalCount } }', { f: { text: 'Globex Secret' } }, { token });
    expect(byText.data?.kycCases.totalCount).toBe(0);

    const docs = await t.gql('query { kycDocuments(first: 100) { totalCount nodes { id case { tenant { slug } } } } }', {}, { token });
    expect(docs.data?.kycDocuments.totalCount).toBe(await t.count('select count(*) as n from kyc_documents where tenant_id = ?', [acmeId]));
    expect(docs.data?.kycDocuments.nodes.every((n: { case: { tenant: { slug: string } } }) => n.case.tenant.slug === 'acme')).toBe(true);
    const byCase = await t.gql('query($f: KycDocumentFilter) { kycDocuments(first: 100, filter: $f) { totalCount nodes { id } } }', { f: { caseId: globexCase.gid } }, { token });
    expect(byCase.data?.kycDocuments).toEqual({ totalCount: 0, nodes: [] });
  });

  it('gets NOT_FOUND from every mutation on globex KYC data, and nothing changes', async () => {
    const before = await caseRow(globexCase.id);
    const attempts = [
      ['mutation($input: UpdateKycCaseInput!) { updateKycCase(input: $input) { id } }', { input: { id: globexCase.gid, version: 1, person: { fullName: `Hijacked by ${email}` } } }],
      ['mutation($input: KycCaseVersionInput!) { submitKycCase(input: $input) { id } }', { input: { id: globexCase.gid, version: 1 } }],
      ['mutation($id: ID!) { deleteKycDocument(id: $id) }', { id: globexCase.docGid }],
    ] as const;
    for (const [query, variables] of attempts) {
      const res = await t.gql(query, variables, { token });
      expect(codeOf(res)).toBe('NOT_FOUND');
    }
    expect(await caseRow(globexCase.id)).toEqual(before);
    expect(await t.sql(`select id from audit_logs where target_id in (?, ?)`, [globexCase.gid, globexCase.docGid])).toEqual([]);
  });

  it('gets 404 downloading a globex document or uploading to a globex case', async () => {
    const get = await fetch(`${t.url}/api/kyc/documents/${globexCase.docGid}/content`, { headers: { authorization: `Bearer ${token}` } });
    expect(get.status).toBe(404);
    const up = await upload(t, token, globexCase.gid, { content: samplePdf('planted') });
    expect(up.status).toBe(404);
    expect(await caseRow(globexCase.id)).toMatchObject({ docs: expect.not.stringContaining(',') });
  });
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
