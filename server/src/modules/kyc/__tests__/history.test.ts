import { startTestApp, type TestApp } from '../../../../test/harness';
import { KycCaseStatus } from '../kyc-case.entity';
import { samplePng } from '../../../seeders/sample-files';
import { makeCase, upload } from './helpers';

/**
 * A case's status history (KycCase.statusHistory, read from the audit rows of its changes) and
 * what it shows whom: the customer sees every state with its time, their own members' names and
 * the request for information, never the staff who acted or their internal reasons; staff see
 * who acted. Also: the upload rules a client needs before sending a file, and that customers'
 * webhooks say nothing of the staff's internal recommendation step.
 */

let t: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const email of ['owner@acme.test', 'staff@atrium.test', 'compliance@atrium.test', 'owner@globex.test']) tokens[email] = (await t.login(email)).accessToken;
});

afterAll(async () => {
  await t?.close();
});

const HISTORY = `statusHistory { status previousStatus action changedAt message changedBy { email } }`;
const FIELDS = `id status version customerMessage ${HISTORY} review { recommendationReason decisionReason }`;
const CREATE = `mutation($input: CreateKycCaseInput!) { createKycCase(input: $input) { ${FIELDS} } }`;
const SUBMIT = `mutation($input: KycCaseVersionInput!) { submitKycCase(input: $input) { ${FIELDS} } }`;
const START = `mutation($input: KycCaseVersionInput!) { startKycReview(input: $input) { ${FIELDS} } }`;
const REQUEST_INFO = `mutation($input: RequestKycInfoInput!) { requestKycInfo(input: $input) { ${FIELDS} } }`;
const RECOMMEND = `mutation($input: RecommendKycCaseInput!) { recommendKycCase(input: $input) { ${FIELDS} } }`;
const DECIDE = `mutation($input: DecideKycCaseInput!) { decideKycCase(input: $input) { ${FIELDS} } }`;
const DECIDE_DOC = 'mutation($input: DecideKycDocumentInput!) { decideKycDocument(input: $input) { id status } }';
const GET = `query($id: ID!) { kycCase(id: $id) { ${FIELDS} } }`;

const PERSON = { fullName: 'Hanna History', dateOfBirth: '1980-05-01', nationality: 'DE', address: { line1: 'Ringstrasse 2', city: 'Hamburg', postalCode: '20095', country: 'DE' } };

function ok<T>(res: { data?: T | null; errors?: readonly { message: string }[] }): T {
  expect(res.errors).toBeUndefined();
  if (!res.data) throw new Error('no data');
  return res.data;
}

describe('status history', () => {
  it('lists every change of state; the customer never sees staff names or internal reasons, staff do', async () => {
    const owner = tokens['owner@acme.test'];
    const reviewer = tokens['staff@atrium.test'];
    const second = tokens['compliance@atrium.test'];

    // A webhook endpoint of acme that wants KYC updates: what it is sent is checked at the end.
    const hook = ok(
      await t.gql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
        'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
        { input: { url: 'http://127.0.0.1:9/kyc-history', events: ['kyc.case.updated'] } },
        { token: owner },
      ),
    ).createWebhookEndpoint.endpoint.id;

    const created = ok(await t.gql<{ createKycCase: { id: string; statusHistory: unknown[] } }>(CREATE, { input: { subjectKind: 'PERSON', person: PERSON } }, { token: owner })).createKycCase;
    const id = created.id;
    expect(created.statusHistory).toEqual([{ status: 'DRAFT', previousStatus: null, action: null, changedAt: expect.any(String), message: null, changedBy: { email: 'owner@acme.test' } }]);

    const doc = await upload(t, owner, id, { content: samplePng(3), filename: 'passport.png', kind: 'PASSPORT' });
    expect(doc.status).toBe(201);
    ok(await t.gql(SUBMIT, { input: { id, version: 1 } }, { token: owner }));
    ok(await t.gql(START, { input: { id, version: 2 } }, { token: reviewer }));
    ok(await t.gql(REQUEST_INFO, { input: { id, version: 3, message: 'Please send a sharper scan of the passport.' } }, { token: reviewer }));

    const seen = ok(await t.gql<{ kycCase: { status: string; statusHistory: Record<string, unknown>[] } }>(GET, { id }, { token: owner })).kycCase;
    expect(seen.status).toBe('NEEDS_INFO');
    expect(seen.statusHistory.map((h) => [h.previousStatus, h.status, h.action, h.changedBy])).toEqual([
      [null, 'DRAFT', null, { email: 'owner@acme.test' }],
      ['DRAFT', 'SUBMITTED', 'SUBMIT', { email: 'owner@acme.test' }],
      ['SUBMITTED', 'IN_REVIEW', 'START_REVIEW', null],
      ['IN_REVIEW', 'NEEDS_INFO', 'REQUEST_INFO', null],
    ]);
    expect(seen.statusHistory[3]?.message).toBe('Please send a sharper scan of the passport.');
    const times = seen.statusHistory.map((h) => Date.parse(String(h.changedAt)));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // The customer answers with a new document and submits again; the review ends in approval.
    const second_doc = await upload(t, owner, id, { content: samplePng(4), filename: 'passport-sharp.png', kind: 'PASSPORT' });
    expect(second_doc.status).toBe(201);
    ok(await t.gql(SUBMIT, { input: { id, version: 4 } }, { token: owner }));
    ok(await t.gql(START, { input: { id, version: 5 } }, { token: reviewer }));
    for (const d of [doc, second_doc]) ok(await t.gql(DECIDE_DOC, { input: { id: d.body.id, decision: 'ACCEPT', reason: 'Readable and valid.' } }, { token: reviewer }));
    ok(await t.gql(RECOMMEND, { input: { id, version: 6, recommendation: 'APPROVE', riskRating: 'LOW', reason: 'INTERNAL-recommendation-note' } }, { token: reviewer }));
    ok(await t.gql(DECIDE, { input: { id, version: 7, decision: 'APPROVE', reason: 'INTERNAL-decision-note', customerMessage: 'You are verified.' } }, { token: second }));

    const customer = await t.gql<{ kycCase: { statusHistory: Record<string, unknown>[]; review: unknown } }>(GET, { id }, { token: owner });
    const history = ok(customer).kycCase.statusHistory;
    expect(history.map((h) => h.status)).toEqual(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'SUBMITTED', 'IN_REVIEW', 'APPROVED']);
    expect(history.map((h) => h.action)).toEqual([null, 'SUBMIT', 'START_REVIEW', 'REQUEST_INFO', 'SUBMIT', 'START_REVIEW', 'APPROVE']);
    expect(history.filter((h) => h.changedBy).map((h) => (h.changedBy as { email: string }).email)).toEqual(['owner@acme.test', 'owner@acme.test', 'owner@acme.test']);
    expect(history[6]?.message).toBeNull();
    // Nothing of the staff side anywhere in what the customer gets.
    const text = JSON.stringify(customer);
    for (const secret of ['INTERNAL-', 'staff@atrium.test', 'compliance@atrium.test', 'RECOMMEND']) expect(text).not.toContain(secret);

    // Staff see who acted.
    const asStaff = ok(await t.gql<{ kycCase: { statusHistory: Record<string, unknown>[] } }>(GET, { id }, { token: second })).kycCase.statusHistory;
    expect(asStaff.map((h) => (h.changedBy as { email: string } | null)?.email ?? null)).toEqual([
      'owner@acme.test',
      'owner@acme.test',
      'staff@atrium.test',
      'staff@atrium.test',
      'owner@acme.test',
      'staff@atrium.test',
      'compliance@atrium.test',
    ]);

    // The customer's webhook heard of every change but the internal recommendation.
    const events = await t.sql<{ payload: { data: { action: string } } }>(`select payload from webhook_events where tenant_id = ? and type = 'kyc.case.updated' order by created_at, id`, [await t.tenantId('acme')]);
    expect(events.map((e) => e.payload.data.action)).toEqual(['submit', 'startReview', 'requestInfo', 'submit', 'startReview', 'approve']);
    expect(ok(await t.gql<{ deleteWebhookEndpoint: boolean }>('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: hook }, { token: owner })).deleteWebhookEndpoint).toBe(true);
  });

  it('stands in the case\'s own times for a case made without the API', async () => {
    const createdAt = new Date(Date.now() - 2 * 3_600_000);
    const c = await makeCase(t, { data: { status: KycCaseStatus.SUBMITTED, createdAt } });
    const submittedAt = new Date(createdAt.getTime() + 60 * 60_000);
    const res = ok(await t.gql<{ kycCase: { statusHistory: Record<string, unknown>[] } }>(GET, { id: c.gid }, { token: tokens['owner@acme.test'] }));
    expect(res.kycCase.statusHistory.map((h) => [h.status, h.action])).toEqual([
      ['DRAFT', null],
      ['SUBMITTED', 'SUBMIT'],
    ]);
    expect(res.kycCase.statusHistory[1]?.changedAt).toBe(submittedAt.toISOString());

    // A case further along than its own times tell: its current state at its last update.
    const asked = await makeCase(t, { data: { status: KycCaseStatus.NEEDS_INFO, createdAt, customerMessage: 'A newer proof of address, please.' } });
    const later = ok(await t.gql<{ kycCase: { statusHistory: Record<string, unknown>[] } }>(GET, { id: asked.gid }, { token: tokens['owner@acme.test'] }));
    expect(later.kycCase.statusHistory.map((h) => [h.previousStatus, h.status, h.action, h.message])).toEqual([
      [null, 'DRAFT', null, null],
      ['DRAFT', 'SUBMITTED', 'SUBMIT', null],
      ['SUBMITTED', 'NEEDS_INFO', 'REQUEST_INFO', 'A newer proof of address, please.'],
    ]);
  });

  it("is not reachable for another tenant's case", async () => {
    const c = await makeCase(t, { tenant: 'globex', creator: 'owner@globex.test' });
    const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on KycCase { ${HISTORY} } } }`, { id: c.gid }, { token: tokens['owner@acme.test'] });
    expect(res.data?.node ?? null).toBeNull();
    const own = ok(await t.gql<{ kycCase: { statusHistory: unknown[] } }>(GET, { id: c.gid }, { token: tokens['owner@globex.test'] }));
    expect(own.kycCase.statusHistory).toHaveLength(1);
  });
});

describe('upload rules', () => {
  it('tells the client where to upload, the size limit and the accepted types', async () => {
    const c = await makeCase(t);
    const res = ok(await t.gql<{ kycCase: { documentUpload: unknown } }>('query($id: ID!) { kycCase(id: $id) { documentUpload { path maxBytes contentTypes } } }', { id: c.gid }, { token: tokens['owner@acme.test'] }));
    expect(res.kycCase.documentUpload).toEqual({
      path: `/api/kyc/cases/${c.gid}/documents`,
      maxBytes: t.app.services.config.kyc.maxUploadBytes,
      contentTypes: ['application/pdf', 'image/png', 'image/jpeg'],
    });
  });
});
