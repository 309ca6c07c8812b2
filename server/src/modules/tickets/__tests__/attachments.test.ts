import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toGlobalId } from '../../../common/global-id';
import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
import { samplePdf, samplePng } from '../../../seeders/sample-files';
import { Tenant } from '../../tenancy/tenant.entity';
import { User } from '../../users/user.entity';
import { MAX_ATTACHMENTS_PER_TICKET } from '../ticket-attachment.entity';
import { makeTicket } from '../ticket.factory';

/*
 * Ticket attachments over real HTTP and GraphQL: the upload path KYC uses (content sniffing,
 * size limit, nothing left behind), tenant-scoped downloads, internal files hidden from customers
 * through every path, removal rights, the per-ticket limit, and the audit trail.
 */

const LIMIT = 64 * 1024;
let t: TestApp;
let storageDir: string;
const tokens: Record<string, string> = {};
const as = (who: string) => ({ token: tokens[who] });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const ATTACHMENTS = `query($id: ID!) { ticket(id: $id) { attachments { id filename contentType size sha256 internal fromSupport uploaderName uploadedBy { email } downloadPath } } }`;
const DELETE = `mutation($id: ID!) { deleteTicketAttachment(id: $id) }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on TicketAttachment { filename } } }`;

interface Answer {
  status: number;
  body: Record<string, any>;
  headers: Headers;
}

async function attach(
  who: string | null,
  ticketGid: string,
  file: { content: Buffer; filename?: string; type?: string } | null,
  fields: Record<string, string> = {},
): Promise<Answer> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.filename ?? 'screenshot.png');
  const res = await fetch(`${t.url}/api/tickets/${ticketGid}/attachments`, {
    method: 'POST',
    headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
    body: form,
  });
  const text = await res.text();
  let body: Record<string, any>;
  try {
    body = JSON.parse(text) as Record<string, any>;
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body, headers: res.headers };
}

function download(who: string | null, path: string): Promise<Response> {
  return fetch(`${t.url}${path}`, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });
}

function storedFiles(): string[] {
  if (!existsSync(storageDir)) return [];
  return readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(storageDir.length + 1))
    .sort();
}

async function newTicket(tenant = 'acme', requester = 'member@acme.test'): Promise<{ id: string; gid: string }> {
  const em = t.orm.em.fork();
  const tn = await em.findOneOrFail(Tenant, { slug: tenant }, { filters: false });
  const user = await em.findOneOrFail(User, { email: requester });
  const ticket = makeTicket(em, tn, user, { subject: 'Attachment probe' });
  await em.flush();
  return { id: ticket.id, gid: toGlobalId('Ticket', ticket.id) };
}

beforeAll(async () => {
  t = await startTestApp({ env: { ATTACHMENT_MAX_UPLOAD_BYTES: String(LIMIT) } });
  storageDir = t.app.services.config.attachments.storageDir;
  for (const email of ['owner@acme.test', 'agent@acme.test', 'member@acme.test', 'viewer@acme.test', 'staff@atrium.test', 'compliance@atrium.test', 'owner@globex.test']) {
    tokens[email] = (await t.login(email, email === 'owner@globex.test' ? 'globex' : undefined)).accessToken;
  }
});

afterAll(async () => {
  await t?.close();
});

describe('uploading', () => {
  it('a member attaches a PNG to their ticket: stored by id with its digest, listed on the ticket, audited, and downloaded byte for byte', async () => {
    const tk = await newTicket();
    const content = samplePng(1);
    const res = await attach('member@acme.test', tk.gid, { content, filename: 'C:\\Users\\me\\blank invoice.png', type: 'image/png' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ticketId: tk.gid, filename: 'blank invoice.png', contentType: 'image/png', size: content.length, sha256: sha256(content), internal: false });
    expect(res.headers.get('location')).toBe(res.body.downloadPath);

    const [row] = await t.sql<{ id: string; storage_key: string; uploaded_by_id: string }>('select id, storage_key, uploaded_by_id from ticket_attachments where ticket_id = ?', [tk.id]);
    expect(row.storage_key).toBe(`${await t.tenantId('acme')}/${row.id}`);
    expect(row.uploaded_by_id).toBe(await t.userId('member@acme.test'));
    expect(sha256(readFileSync(join(storageDir, row.storage_key)))).toBe(sha256(content));

    const listed = await t.gql(ATTACHMENTS, { id: tk.gid }, as('member@acme.test'));
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.ticket.attachments).toEqual([
      expect.objectContaining({ id: res.body.id, filename: 'blank invoice.png', uploaderName: expect.any(String), uploadedBy: { email: 'member@acme.test' }, fromSupport: false }),
    ]);

    const file = await download('agent@acme.test', res.body.downloadPath);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toContain('blank invoice.png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(sha256(content));

    const audits = await t.sql<{ action: string; actor_id: string; diff: any }>(`select action, actor_id, diff from audit_logs where target_id = ? order by created_at`, [tk.gid]);
    expect(audits).toEqual([expect.objectContaining({ action: 'ticket.attachment_added', actor_id: await t.userId('member@acme.test') })]);
    expect(audits[0].diff.after).toMatchObject({ attachmentId: res.body.id, sha256: sha256(content), internal: false });
  });

  it('refuses a file that is not a PDF, PNG or JPEG (415), an oversize one (413), an empty one and a missing one, leaving nothing on disk or in the table', async () => {
    const tk = await newTicket();
    const before = storedFiles();
    const exe = await attach('member@acme.test', tk.gid, { content: Buffer.from('MZ\x90\x00 not really a pdf'), filename: 'invoice.pdf', type: 'application/pdf' });
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({ error: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_FILE_TYPE' });
    const big = await attach('member@acme.test', tk.gid, { content: Buffer.concat([samplePdf('big'), Buffer.alloc(LIMIT)]), filename: 'big.pdf' });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ reason: 'FILE_TOO_LARGE', maxBytes: LIMIT });
    const empty = await attach('member@acme.test', tk.gid, { content: Buffer.alloc(0), filename: 'empty.pdf' });
    expect(empty.body).toMatchObject({ error: 'BAD_USER_INPUT', reason: 'EMPTY_FILE' });
    const none = await attach('member@acme.test', tk.gid, null, { internal: 'false' });
    expect(none.body).toMatchObject({ error: 'BAD_USER_INPUT', reason: 'NO_FILE' });
    const notForm = await fetch(`${t.url}/api/tickets/${tk.gid}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens['member@acme.test']}`, 'content-type': 'application/json' }, body: '{}' });
    expect(notForm.status).toBe(400);
    expect(await notForm.json()).toMatchObject({ reason: 'NOT_MULTIPART' });
    const badFlag = await attach('agent@acme.test', tk.gid, { content: samplePdf('x') }, { internal: 'maybe' });
    expect(badFlag.body).toMatchObject({ error: 'BAD_USER_INPUT', fields: [{ field: 'internal' }] });
    expect(storedFiles()).toEqual(before);
    expect(await t.count('select count(*) as n from ticket_attachments where ticket_id = ?', [tk.id])).toBe(0);
  });

  it('answers who may not: no token 401, a viewer (no ticket:comment) 403, compliance staff (no platform:ticket:reply) 403, another tenant\'s ticket NOT_FOUND, a malformed id BAD_USER_INPUT', async () => {
    const tk = await newTicket();
    const pdf = { content: samplePdf('probe'), filename: 'probe.pdf' };
    expect((await attach(null, tk.gid, pdf)).status).toBe(401);
    expect((await attach('viewer@acme.test', tk.gid, pdf)).body).toMatchObject({ error: 'FORBIDDEN' });
    expect((await attach('compliance@atrium.test', tk.gid, pdf)).body).toMatchObject({ error: 'FORBIDDEN' });
    const cross = await attach('owner@globex.test', tk.gid, pdf);
    expect(cross.status).toBe(404);
    expect(cross.body).toMatchObject({ error: 'NOT_FOUND' });
    expect((await attach('member@acme.test', 'not-an-id', pdf)).body).toMatchObject({ error: 'BAD_USER_INPUT' });
    expect(await t.count('select count(*) as n from ticket_attachments where ticket_id = ?', [tk.id])).toBe(0);
  });

  it(`holds at most ${MAX_ATTACHMENTS_PER_TICKET} files per ticket, even when uploads race`, async () => {
    const tk = await newTicket();
    const results = await Promise.all(
      Array.from({ length: MAX_ATTACHMENTS_PER_TICKET + 3 }, (_, i) => attach('member@acme.test', tk.gid, { content: samplePdf(`page ${i}`), filename: `page-${i}.pdf` })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(MAX_ATTACHMENTS_PER_TICKET);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.body).toMatchObject({ error: 'CONFLICT', reason: 'ATTACHMENT_LIMIT', limit: MAX_ATTACHMENTS_PER_TICKET });
    expect(await t.count('select count(*) as n from ticket_attachments where ticket_id = ?', [tk.id])).toBe(MAX_ATTACHMENTS_PER_TICKET);
    const onDisk = storedFiles().filter((f) => !f.endsWith('.part'));
    const rows = await t.sql<{ storage_key: string }>('select storage_key from ticket_attachments where ticket_id = ?', [tk.id]);
    for (const r of rows) expect(onDisk).toContain(r.storage_key);
    const listed = await t.gql(ATTACHMENTS, { id: tk.gid }, as('member@acme.test'));
    expect(listed.data?.ticket.attachments).toHaveLength(MAX_ATTACHMENTS_PER_TICKET);
  });
});

describe('internal attachments and support files', () => {
  let tk: { id: string; gid: string };
  let publicFile: Answer;
  let internalFile: Answer;
  let supportFile: Answer;

  beforeAll(async () => {
    tk = await newTicket();
    publicFile = await attach('member@acme.test', tk.gid, { content: samplePdf('public'), filename: 'public.pdf' });
    internalFile = await attach('agent@acme.test', tk.gid, { content: samplePdf('internal SECRET'), filename: 'internal-notes.pdf' }, { internal: 'true' });
    supportFile = await attach('staff@atrium.test', tk.gid, { content: samplePng(2), filename: 'support-steps.png' });
    expect([publicFile.status, internalFile.status, supportFile.status]).toEqual([201, 201, 201]);
  });

  it('a member cannot attach an internal file', async () => {
    const res = await attach('member@acme.test', tk.gid, { content: samplePdf('sneaky') }, { internal: 'true' });
    expect(res.body).toMatchObject({ error: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
  });

  it('customers never see the internal file: not listed, not by node, not downloadable; agents and staff do', async () => {
    const member = await t.gql(ATTACHMENTS, { id: tk.gid }, as('member@acme.test'));
    expect(member.data?.ticket.attachments.map((a: any) => a.filename)).toEqual(['public.pdf', 'support-steps.png']);
    const agent = await t.gql(ATTACHMENTS, { id: tk.gid }, as('agent@acme.test'));
    expect(agent.data?.ticket.attachments.map((a: any) => a.filename)).toEqual(['public.pdf', 'internal-notes.pdf', 'support-steps.png']);
    const staff = await t.gql(ATTACHMENTS, { id: tk.gid }, as('staff@atrium.test'));
    expect(staff.data?.ticket.attachments).toHaveLength(3);

    const node = await t.gql(NODE, { id: internalFile.body.id }, as('member@acme.test'));
    expect(node.data?.node ?? null).toBeNull();
    expect((await t.gql(NODE, { id: internalFile.body.id }, as('agent@acme.test'))).data?.node).toMatchObject({ filename: 'internal-notes.pdf' });

    expect((await download('member@acme.test', internalFile.body.downloadPath)).status).toBe(404);
    expect((await download('agent@acme.test', internalFile.body.downloadPath)).status).toBe(200);
    expect((await download('owner@globex.test', publicFile.body.downloadPath)).status).toBe(404);
    expect((await download(null, publicFile.body.downloadPath)).status).toBe(401);
  });

  it('a file from staff shows as "Atrium support" to the tenant, and by name in the back office', async () => {
    const member = await t.gql(ATTACHMENTS, { id: tk.gid }, as('member@acme.test'));
    expect(member.data?.ticket.attachments[1]).toMatchObject({ fromSupport: true, uploaderName: 'Atrium support', uploadedBy: null });
    const staff = await t.gql(ATTACHMENTS, { id: tk.gid }, as('staff@atrium.test'));
    expect(staff.data?.ticket.attachments[2]).toMatchObject({ fromSupport: true, uploadedBy: { email: 'staff@atrium.test' } });
  });

  it('staff downloads are audited as platform access', async () => {
    const res = await download('staff@atrium.test', internalFile.body.downloadPath);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const rows = await t.sql<{ action: string; diff: any }>(`select action, diff from audit_logs where action like 'platform.%' and diff::text like ?`, [`%${internalFile.body.id}%`]);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('removing', () => {
  it('the uploader and agents may remove a file, another member may not; the row, the file and the audit follow', async () => {
    const tk = await newTicket();
    const mine = await attach('member@acme.test', tk.gid, { content: samplePdf('mine'), filename: 'mine.pdf' });
    const agents = await attach('agent@acme.test', tk.gid, { content: samplePdf('agents'), filename: 'agents.pdf' });
    const before = storedFiles();

    const owners = await t.gql(DELETE, { id: agents.body.id }, as('member@acme.test'));
    expect(codeOf(owners)).toBe('FORBIDDEN');
    expect((await t.gql(DELETE, { id: mine.body.id }, as('viewer@acme.test'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(DELETE, { id: mine.body.id }, as('owner@globex.test')))).toBe('NOT_FOUND');

    const own = await t.gql(DELETE, { id: mine.body.id }, as('member@acme.test'));
    expect(own.errors).toBeUndefined();
    expect(own.data?.deleteTicketAttachment).toBe(mine.body.id);
    const byAgent = await t.gql(DELETE, { id: agents.body.id }, as('owner@acme.test'));
    expect(byAgent.errors).toBeUndefined();

    expect(await t.count('select count(*) as n from ticket_attachments where ticket_id = ?', [tk.id])).toBe(0);
    expect(storedFiles().length).toBe(before.length - 2);
    expect((await download('member@acme.test', mine.body.downloadPath)).status).toBe(404);
    const audits = await t.sql<{ action: string }>(`select action from audit_logs where target_id = ? order by created_at, id`, [tk.gid]);
    expect(audits.map((a) => a.action)).toEqual(['ticket.attachment_added', 'ticket.attachment_added', 'ticket.attachment_removed', 'ticket.attachment_removed']);
  });
});

describe('what the upload accepts', () => {
  it('Ticket.attachmentUpload names the path, the size limit, the types and the most files', async () => {
    const tk = await newTicket();
    const res = await t.gql(`query($id: ID!) { ticket(id: $id) { attachmentUpload { path maxBytes contentTypes maxFiles } } }`, { id: tk.gid }, as('member@acme.test'));
    expect(res.errors).toBeUndefined();
    expect(res.data?.ticket.attachmentUpload).toEqual({
      path: `/api/tickets/${tk.gid}/attachments`,
      maxBytes: LIMIT,
      contentTypes: ['application/pdf', 'image/png', 'image/jpeg'],
      maxFiles: MAX_ATTACHMENTS_PER_TICKET,
    });
  });
});

describe('reading many tickets', () => {
  it('reads the attachments of a whole page of tickets in one statement', async () => {
    const a = await newTicket();
    const b = await newTicket();
    await attach('member@acme.test', a.gid, { content: samplePdf('a') });
    await attach('member@acme.test', b.gid, { content: samplePdf('b') });
    const list = `{ tickets(first: 25) { nodes { id attachments { id filename } } } }`;
    let listed: any;
    const { count } = await t.countQueries(async () => (listed = await t.gql(list, {}, as('member@acme.test'))));
    expect(listed.errors).toBeUndefined();
    expect(listed.data.tickets.nodes.filter((n: any) => n.attachments.length > 0).length).toBeGreaterThanOrEqual(2);
    const noAttachments = await t.countQueries(() => t.gql(`{ tickets(first: 25) { nodes { id } } }`, {}, as('member@acme.test')));
    expect(count - noAttachments.count).toBe(1);
  });
});
