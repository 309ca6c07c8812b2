import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../../test/harness';
import { detectContentType } from '../kyc.storage';

/**
 * The demo KYC data: every state for acme, real files behind every document, four-eyes kept,
 * the compliance demo account, and the same data on every seed.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

/** What the seed made, without ids (which are new on every run). */
async function seededContent(app: TestApp) {
  return app.sql(
    `select n.slug, c.subject_kind, c.subject_name, c.status, c.details, c.created_at, c.customer_message, c.recommendation, c.risk_rating,
            cu.email as created_by, ru.email as reviewer, du.email as decided_by,
            (select json_agg(json_build_object('kind', d.kind, 'filename', d.filename, 'sha256', d.sha256, 'size', d.size, 'status', d.status, 'reason', d.decision_reason) order by d.created_at)
               from kyc_documents d where d.case_id = c.id) as documents
       from kyc_cases c join tenants n on n.id = c.tenant_id join users cu on cu.id = c.created_by_id
       left join users ru on ru.id = c.reviewer_id left join users du on du.id = c.decided_by_id
      order by n.slug, c.created_at`,
  );
}

it('gives acme a case in every state, and globex some of its own', async () => {
  const rows = await t.sql<{ slug: string; status: string }>(`select n.slug, c.status from kyc_cases c join tenants n on n.id = c.tenant_id`);
  const acme = new Set(rows.filter((r) => r.slug === 'acme').map((r) => r.status));
  expect([...acme].sort()).toEqual(['APPROVED', 'DRAFT', 'IN_REVIEW', 'NEEDS_INFO', 'REJECTED', 'SUBMITTED']);
  expect(rows.filter((r) => r.slug === 'globex').length).toBeGreaterThan(0);
});

it('writes a real PDF or PNG behind every document, with the recorded size and sha256', async () => {
  const dir = t.app.services.config.kyc.storageDir;
  const docs = await t.sql<{ storage_key: string; size: number; sha256: string; content_type: string; tenant_id: string; id: string }>(
    `select storage_key, size, sha256, content_type, tenant_id, id from kyc_documents`,
  );
  expect(docs.length).toBeGreaterThan(10);
  expect(new Set(docs.map((d) => d.content_type))).toEqual(new Set(['application/pdf', 'image/png']));
  for (const d of docs) {
    expect(d.storage_key).toBe(`${d.tenant_id}/${d.id}`);
    const bytes = readFileSync(join(dir, d.storage_key));
    expect({ key: d.storage_key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), type: detectContentType(bytes) }).toEqual({
      key: d.storage_key,
      size: d.size,
      sha256: d.sha256,
      type: d.content_type,
    });
  }
});

it('keeps four-eyes: reviewer and decider are two different staff members, and decided documents are the reviewer’s', async () => {
  const cases = await t.sql<{ status: string; reviewer: string | null; decided_by: string | null; recommendation: string | null; reviewer_role: string | null; decider_role: string | null }>(
    `select c.status, c.reviewer_id as reviewer, c.decided_by_id as decided_by, c.recommendation, r.staff_role as reviewer_role, d.staff_role as decider_role
       from kyc_cases c left join users r on r.id = c.reviewer_id left join users d on d.id = c.decided_by_id`,
  );
  for (const c of cases) {
    if (c.status === 'APPROVED' || c.status === 'REJECTED') {
      expect(c.reviewer).toBeTruthy();
      expect(c.decided_by).toBeTruthy();
      expect(c.decided_by).not.toBe(c.reviewer);
      expect(c.recommendation).toBeTruthy();
      expect(c.reviewer_role && c.decider_role).toBeTruthy();
    } else {
      expect(c.decided_by).toBeNull();
    }
    if (c.status === 'IN_REVIEW' || c.status === 'NEEDS_INFO') expect(c.reviewer).toBeTruthy();
    if (c.status === 'DRAFT' || c.status === 'SUBMITTED') expect(c.reviewer).toBeNull();
  }
  const wrong = await t.count(
    `select count(*) as n from kyc_documents d join kyc_cases c on c.id = d.case_id where d.status <> 'PENDING' and (d.decided_by_id is distinct from c.reviewer_id or d.decision_reason is null)`,
  );
  expect(wrong).toBe(0);
});

it('has the compliance demo account, which can review, and the seeded files download', async () => {
  const { accessToken } = await t.login('compliance@atrium.test');
  const me = await t.gql('query { me { staffRole permissions } }', {}, { token: accessToken });
  expect(me.data?.me.staffRole).toBe('COMPLIANCE');
  expect(me.data?.me.permissions).toEqual(expect.arrayContaining(['platform:kyc:read', 'platform:kyc:review']));

  const [row] = await t.sql<{ id: string; sha256: string }>(`select d.id, d.sha256 from kyc_documents d join tenants n on n.id = d.tenant_id where n.slug = 'acme' order by d.created_at limit 1`);
  const owner = (await t.login('owner@acme.test')).accessToken;
  const res = await fetch(`${t.url}/api/kyc/documents/${toGlobalId('KycDocument', row.id)}/content`, { headers: { authorization: `Bearer ${owner}` } });
  expect(res.status).toBe(200);
  expect(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex')).toBe(row.sha256);
});

it('seeds the same KYC data every time', async () => {
  const other = await startTestApp();
  try {
    expect(await seededContent(other)).toEqual(await seededContent(t));
  } finally {
    await other.close();
  }
});
