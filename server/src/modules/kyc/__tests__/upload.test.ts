import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../../test/harness';
import { KycCaseStatus } from '../kyc-case.entity';
import { KycDocumentStatus } from '../kyc-document.entity';
import { samplePdf, samplePng } from '../../../seeders/sample-files';
import { auditRows, makeCase, storeOf, upload } from './helpers';

/**
 * The upload and download endpoints over real HTTP: good files, size and type limits with
 * nothing left behind, authentication, tenancy and case state, and the metadata recorded.
 */

/** Small limit so oversize files stay small in the test. */
const LIMIT = 64 * 1024;

let t: TestApp;
const tokens: Record<string, string> = {};
let storageDir: string;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under the storage directory, relative paths. */
function storedFiles(): string[] {
  if (!existsSync(storageDir)) return [];
  return readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(storageDir.length + 1))
    .sort();
}

async function documentRows(caseId: string): Promise<{ id: string; filename: string; content_type: string; size: number; sha256: string; storage_key: string; status: string; uploaded_by_id: string; kind: string }[]> {
  return t.sql(`select id, filename, content_type, size, sha256, storage_key, status, uploaded_by_id, kind from kyc_documents where case_id = ? order by created_at`, [caseId]);
}

beforeAll(async () => {
  t = await startTestApp({ env: { KYC_MAX_UPLOAD_BYTES: String(LIMIT) } });
  storageDir = t.app.services.config.kyc.storageDir;
  for (const email of ['owner@acme.test', 'admin@acme.test', 'viewer@acme.test', 'member@acme.test', 'owner@globex.test', 'staff@atrium.test', 'compliance@atrium.test']) {
    tokens[email] = (await t.login(email, email.endsWith('@globex.test') ? 'globex' : undefined)).accessToken;
  }
});

afterAll(async () => {
  await t?.close();
});

describe('a good upload', () => {
  it('stores a PDF by id, records sha256, size, detected type and uploader, audits it, and answers 201', async () => {
    const c = await makeCase(t);
    const content = samplePdf('Passport of Jane Example');
    const before = storedFiles();
    const res = await upload(t, tokens['owner@acme.test'], c.gid, { content, filename: 'my passport.pdf', type: 'application/pdf', kind: 'passport' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ caseId: c.gid, kind: 'PASSPORT', filename: 'my passport.pdf', contentType: 'application/pdf', size: content.length, sha256: sha256(content), status: 'PENDING' });
    expect(res.headers.get('location')).toBe(res.body.downloadPath);

    const rows = await documentRows(c.id);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(toGlobalId('KycDocument', row.id)).toBe(res.body.id);
    expect(row).toMatchObject({ filename: 'my passport.pdf', content_type: 'application/pdf', size: content.length, sha256: sha256(content), status: 'PENDING', kind: 'PASSPORT' });
    expect(row.uploaded_by_id).toBe(await t.userId('owner@acme.test'));
    // Named by ids, never by the uploaded name; the bytes on disk are the bytes sent.
    expect(row.storage_key).toBe(`${await t.tenantId('acme')}/${row.id}`);
    expect(storedFiles()).toEqual([...before, row.storage_key].sort());
    const onDisk = readFileSync(join(storageDir, row.storage_key));
    expect(sha256(onDisk)).toBe(sha256(content));

    const audits = await auditRows(t, res.body.id);
    expect(audits).toEqual([
      expect.objectContaining({ action: 'kyc.document.uploaded', tenant_id: await t.tenantId('acme'), actor_id: await t.userId('owner@acme.test') }),
    ]);
    expect(audits[0].diff).toMatchObject({ caseId: c.gid, status: 'DRAFT', added: { kind: 'PASSPORT', sha256: sha256(content), size: content.length } });
  });

  it('recognises a PNG by its content even when declared as something else, and keeps only the base name', async () => {
    const c = await makeCase(t, { data: { status: KycCaseStatus.NEEDS_INFO } });
    const content = samplePng(7);
    const res = await upload(t, tokens['admin@acme.test'], c.gid, { content, filename: 'C:\\Users\\me\\scans\\..\\proof.pdf', type: 'application/pdf', kind: 'PROOF_OF_ADDRESS' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/png', filename: 'proof.pdf', kind: 'PROOF_OF_ADDRESS', sha256: sha256(content) });
  });

  it('accepts a JPEG signature and a file of exactly the limit', async () => {
    const c = await makeCase(t);
    const jpeg = Buffer.alloc(LIMIT, 0x20);
    jpeg.set([0xff, 0xd8, 0xff, 0xe0], 0);
    const res = await upload(t, tokens['owner@acme.test'], c.gid, { content: jpeg, filename: 'id.jpg', type: 'image/jpeg', kind: 'ID_CARD' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/jpeg', size: LIMIT, sha256: sha256(jpeg) });
  });

  it('is readable through GraphQL by the tenant, with the same metadata', async () => {
    const c = await makeCase(t);
    const content = samplePng(3);
    const up = await upload(t, tokens['owner@acme.test'], c.gid, { content, filename: 'selfie.png', kind: 'OTHER' });
    const res = await t.gql('query($id: ID!) { kycDocument(id: $id) { id kind filename contentType size sha256 status downloadPath uploadedBy { email } case { id } } }', { id: up.body.id }, { token: tokens['admin@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.kycDocument).toEqual({
      id: up.body.id,
      kind: 'OTHER',
      filename: 'selfie.png',
      contentType: 'image/png',
      size: content.length,
      sha256: sha256(content),
      status: 'PENDING',
      downloadPath: `/api/kyc/documents/${up.body.id}/content`,
      uploadedBy: { email: 'owner@acme.test' },
      case: { id: c.gid },
    });
  });
});

describe('limits and bad files', () => {
  it('answers 413 naming the limit for a file one byte over it, and leaves no file and no row', async () => {
    const c = await makeCase(t);
    const before = storedFiles();
    const big = Buffer.alloc(LIMIT + 1, 0x41);
    big.set(Buffer.from('%PDF-1.4\n'), 0);
    const res = await upload(t, tokens['owner@acme.test'], c.gid, { content: big, filename: 'big.pdf', type: 'application/pdf' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE', maxBytes: LIMIT });
    expect(res.body.message).toContain(String(LIMIT));
    expect(await documentRows(c.id)).toEqual([]);
    expect(storedFiles()).toEqual(before);
    expect(await t.count(`select count(*) as n from audit_logs where action = 'kyc.document.uploaded' and diff->>'caseId' = ?`, [c.gid])).toBe(0);
  });

  it('answers 413 before reading a body whose declared length is far over the limit', async () => {
    const c = await makeCase(t);
    const before = storedFiles();
    // Declares 50 MB but sends only the start: the server answers from the header alone.
    const answer = await new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
      const req = request(`${t.url}/api/kyc/cases/${c.gid}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens['owner@acme.test']}`, 'content-type': 'multipart/form-data; boundary=xyz', 'content-length': String(50 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
      });
      req.on('error', reject);
      req.write('--xyz\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\n%PDF-');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ reason: 'FILE_TOO_LARGE', maxBytes: LIMIT });
    expect(answer.connection).toBe('close');
    expect(storedFiles()).toEqual(before);
    expect(await documentRows(c.id)).toEqual([]);
  });

  it('removes the partial file when the client goes away mid-upload', async () => {
    const c = await makeCase(t);
    const before = storedFiles();
    const req = request(`${t.url}/api/kyc/cases/${c.gid}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['owner@acme.test']}`, 'content-type': 'multipart/form-data; boundary=xyz', 'content-length': String(LIMIT) },
    });
    req.on('error', () => undefined);
    req.write('--xyz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nPASSPORT\r\n');
    req.write('--xyz\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\n');
    req.write(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 0x41)]));
    // The server has started writing the file: a .part file appears under the case's tenant.
    const deadline = Date.now() + 5_000;
    while (!storedFiles().some((f) => f.endsWith('.part')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(storedFiles().filter((f) => f.endsWith('.part'))).toHaveLength(1);
    req.destroy();
    while (storedFiles().length !== before.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(storedFiles()).toEqual(before);
    expect(await documentRows(c.id)).toEqual([]);
  });

  it('answers 415 for content that is not a PDF, PNG or JPEG, whatever its name and declared type', async () => {
    const c = await makeCase(t);
    const before = storedFiles();
    const cases = [
      { content: Buffer.from('<html><script>alert(1)</script></html>'), filename: 'passport.pdf', type: 'application/pdf' },
      { content: Buffer.from('GIF89a........'), filename: 'photo.png', type: 'image/png' },
      { content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0]), filename: 'scan.jpg', type: 'image/jpeg' },
      // Shorter than any signature.
      { content: Buffer.from('%P'), filename: 'tiny.pdf', type: 'application/pdf' },
    ];
    for (const file of cases) {
      const res = await upload(t, tokens['owner@acme.test'], c.gid, file);
      expect({ name: file.filename, status: res.status }).toEqual({ name: file.filename, status: 415 });
      expect(res.body).toMatchObject({ error: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_FILE_TYPE', allowedTypes: ['application/pdf', 'image/png', 'image/jpeg'] });
    }
    expect(await documentRows(c.id)).toEqual([]);
    expect(storedFiles()).toEqual(before);
  });

  it('answers 400 for an empty file, a missing or unknown kind, no file, two files or a non-multipart body, leaving nothing', async () => {
    const c = await makeCase(t);
    const before = storedFiles();
    const token = tokens['owner@acme.test'];
    const pdf = samplePdf('x');

    const empty = await upload(t, token, c.gid, { content: Buffer.alloc(0), filename: 'empty.pdf' });
    expect([empty.status, empty.body.reason]).toEqual([400, 'EMPTY_FILE']);

    const noKind = await upload(t, token, c.gid, { content: pdf, kind: null });
    expect(noKind.status).toBe(400);
    expect(noKind.body.fields).toEqual([{ field: 'kind', message: expect.stringContaining('PASSPORT') }]);

    const badKind = await upload(t, token, c.gid, { content: pdf, kind: 'SELFIE_WITH_CAT' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.fields?.[0]?.field).toBe('kind');

    const noFile = await upload(t, token, c.gid, null);
    expect([noFile.status, noFile.body.reason]).toEqual([400, 'NO_FILE']);

    const wrongField = await upload(t, token, c.gid, { content: pdf, field: 'document' });
    expect([wrongField.status, wrongField.body.reason]).toEqual([400, 'BAD_FORM']);

    const form = new FormData();
    form.append('kind', 'PASSPORT');
    form.append('file', new Blob([pdf]), 'a.pdf');
    form.append('file', new Blob([pdf]), 'b.pdf');
    const two = await fetch(`${t.url}/api/kyc/cases/${c.gid}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(two.status).toBe(400);
    expect(((await two.json()) as { reason: string }).reason).toBe('BAD_FORM');

    const json = await fetch(`${t.url}/api/kyc/cases/${c.gid}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'PASSPORT', file: pdf.toString('base64') }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { reason: string }).reason).toBe('NOT_MULTIPART');

    expect(await documentRows(c.id)).toEqual([]);
    expect(storedFiles()).toEqual(before);
  });

  it('removes the stored file when the database refuses the row', async () => {
    const c = await makeCase(t);
    const before = storedFiles();
    await t.sql(`create function kyc_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`);
    await t.sql(`create trigger kyc_test_refuse before insert on kyc_documents for each row execute function kyc_test_refuse()`);
    try {
      const res = await upload(t, tokens['owner@acme.test'], c.gid, { content: samplePdf('doomed') });
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ error: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(res.body)).not.toMatch(/refused for the test|insert|kyc_documents/);
    } finally {
      await t.sql(`drop trigger kyc_test_refuse on kyc_documents`);
      await t.sql(`drop function kyc_test_refuse()`);
    }
    expect(await documentRows(c.id)).toEqual([]);
    expect(storedFiles()).toEqual(before);
  });
});

describe('who may upload where', () => {
  it('answers 401 without a token or with a bad one', async () => {
    const c = await makeCase(t);
    const none = await upload(t, null, c.gid, { content: samplePdf('x') });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: 'UNAUTHENTICATED', reason: 'NO_TOKEN' });
    const bad = await upload(t, 'not-a-jwt', c.gid, { content: samplePdf('x') });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ error: 'UNAUTHENTICATED', reason: 'INVALID' });
    expect(await documentRows(c.id)).toEqual([]);
  });

  it('answers 403 to tenant roles without kyc:write and to staff (staff never upload for a customer)', async () => {
    const c = await makeCase(t);
    for (const email of ['viewer@acme.test', 'member@acme.test', 'staff@atrium.test', 'compliance@atrium.test']) {
      const res = await upload(t, tokens[email], c.gid, { content: samplePdf('x') });
      expect({ email, status: res.status, reason: res.body.reason }).toEqual({ email, status: 403, reason: 'MISSING_PERMISSION' });
    }
    expect(await documentRows(c.id)).toEqual([]);
  });

  it("answers 404 for another tenant's case and for a case that does not exist", async () => {
    const globex = await makeCase(t, { tenant: 'globex', creator: 'owner@globex.test' });
    const res = await upload(t, tokens['owner@acme.test'], globex.gid, { content: samplePdf('x') });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'NOT_FOUND' });
    expect(await documentRows(globex.id)).toEqual([]);
    const missing = await upload(t, tokens['owner@acme.test'], toGlobalId('KycCase', '0191f0c4-0000-7000-8000-000000000000'), { content: samplePdf('x') });
    expect(missing.status).toBe(404);
    const malformed = await upload(t, tokens['owner@acme.test'], 'not-an-id!', { content: samplePdf('x') });
    expect(malformed.status).toBe(400);
  });

  it('answers 409 when the case is not editable (SUBMITTED, IN_REVIEW, APPROVED, REJECTED)', async () => {
    for (const status of [KycCaseStatus.SUBMITTED, KycCaseStatus.IN_REVIEW, KycCaseStatus.APPROVED, KycCaseStatus.REJECTED]) {
      const c = await makeCase(t, { data: { status } });
      const res = await upload(t, tokens['owner@acme.test'], c.gid, { content: samplePdf('x') });
      expect({ status, code: res.status, reason: res.body.reason }).toEqual({ status, code: 409, reason: 'INVALID_TRANSITION' });
      expect(await documentRows(c.id)).toEqual([]);
    }
  });
});

describe('download', () => {
  let docGid: string;
  let content: Buffer;

  beforeAll(async () => {
    const c = await makeCase(t);
    content = samplePdf('Download me');
    const up = await upload(t, tokens['owner@acme.test'], c.gid, { content, filename: 'Grüße "quoted".pdf', kind: 'PASSPORT' });
    expect(up.status).toBe(201);
    docGid = up.body.id;
  });

  const get = (token: string | null, gid = docGid) => fetch(`${t.url}/api/kyc/documents/${gid}/content`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('gives the tenant the exact bytes, as an attachment with nosniff and the stored type', async () => {
    const res = await get(tokens['admin@acme.test']);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Gr\?\?e \\"quoted\\".pdf"; filename\*=UTF-8''Gr%C3%BC%C3%9Fe%20%22quoted%22.pdf$/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(content).digest('base64')}:`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(content)).toBe(true);
  });

  it('gives KYC staff any tenant\'s file and audits the access', async () => {
    const before = await t.count(`select count(*) as n from audit_logs where action = 'platform.access' and diff->>'operation' = 'kycDocumentContent'`);
    const res = await get(tokens['compliance@atrium.test']);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(content)).toBe(true);
    const rows = await t.sql<{ tenant_id: string; actor_id: string; diff: Record<string, unknown> }>(
      `select tenant_id, actor_id, diff from audit_logs where action = 'platform.access' and diff->>'operation' = 'kycDocumentContent' order by created_at`,
    );
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ tenant_id: await t.tenantId('acme'), actor_id: await t.userId('compliance@atrium.test'), diff: { documentId: fromGlobalId(docGid).id } });
  });

  it('answers 401, 403 and 404 to those who may not see it', async () => {
    expect((await get(null)).status).toBe(401);
    expect((await get(tokens['viewer@acme.test'])).status).toBe(403);
    expect((await get(tokens['member@acme.test'])).status).toBe(403);
    const other = await get(tokens['owner@globex.test']);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: 'NOT_FOUND' });
    expect((await get(tokens['admin@acme.test'], toGlobalId('KycDocument', '0191f0c4-0000-7000-8000-000000000000'))).status).toBe(404);
  });
});

describe('documents and case state', () => {
  it('lets the customer delete a pending document while editable (file and row go, audited), but not a decided one', async () => {
    const c = await makeCase(t, {
      data: { status: KycCaseStatus.NEEDS_INFO },
      docs: [{ status: KycDocumentStatus.PENDING }, { status: KycDocumentStatus.REJECTED, decisionReason: 'Blurred.' }],
    });
    const [pending, rejected] = c.docs;
    const store = storeOf(t);
    expect(await store.sizeOf(pending.storageKey)).toBeGreaterThan(0);
    const pendingGid = toGlobalId('KycDocument', pending.id);
    const del = await t.gql('mutation($id: ID!) { deleteKycDocument(id: $id) }', { id: pendingGid }, { token: tokens['owner@acme.test'] });
    expect(del.errors).toBeUndefined();
    expect(del.data?.deleteKycDocument).toBe(pendingGid);
    expect(await store.sizeOf(pending.storageKey)).toBeNull();
    expect(await documentRows(c.id)).toHaveLength(1);
    expect((await auditRows(t, pendingGid)).map((r) => r.action)).toEqual(['kyc.document.removed']);

    const keep = await t.gql('mutation($id: ID!) { deleteKycDocument(id: $id) }', { id: toGlobalId('KycDocument', rejected.id) }, { token: tokens['owner@acme.test'] });
    expect(keep.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DOCUMENT_DECIDED' });
    expect(await documentRows(c.id)).toHaveLength(1);
    expect(await store.sizeOf(rejected.storageKey)).toBeGreaterThan(0);
  });
});
