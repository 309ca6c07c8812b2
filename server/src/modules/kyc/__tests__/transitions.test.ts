import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../../test/harness';
import { KycCaseStatus, KycRecommendation } from '../kyc-case.entity';
import { KycDocumentStatus } from '../kyc-document.entity';
import { type KycDocumentData } from '../kyc.factory';
import { samplePdf } from '../../../seeders/sample-files';
import { isActionAllowed, KYC_ACTION_NAMES, KYC_ACTIONS, KYC_STATUSES, type KycAction } from '../kyc.transitions';
import { auditRows, makeCase, upload, userRef } from './helpers';

/**
 * The KYC transition table, cell by cell: every action in every state, through the real API.
 * Each cell sets up a case where everything but the state lets the action through (documents,
 * reviewer, recommendation), so a refusal can only come from the state. Allowed cells must
 * move the case to the table's target and leave one audit row; refused cells answer CONFLICT
 * with reason INVALID_TRANSITION and change nothing.
 */

const { DRAFT, SUBMITTED, IN_REVIEW, NEEDS_INFO, APPROVED, REJECTED } = KycCaseStatus;

/** The state machine written out independently of the code: where each action is allowed. */
const EXPECTED: Record<KycAction, KycCaseStatus[]> = {
  edit: [DRAFT, NEEDS_INFO],
  upload: [DRAFT, NEEDS_INFO],
  submit: [DRAFT, NEEDS_INFO],
  startReview: [SUBMITTED],
  decideDocument: [IN_REVIEW],
  recommend: [IN_REVIEW],
  requestInfo: [IN_REVIEW],
  approve: [IN_REVIEW],
  reject: [IN_REVIEW],
};
const verdictOf = (action: KycAction, status: KycCaseStatus) => (EXPECTED[action].includes(status) ? 'allowed' : 'refused');

let t: TestApp;
const tokens: Record<string, string> = {};
const CUSTOMER = 'owner@acme.test';
const REVIEWER = 'staff@atrium.test';
const SECOND = 'compliance@atrium.test';

beforeAll(async () => {
  t = await startTestApp();
  for (const email of [CUSTOMER, REVIEWER, SECOND]) tokens[email] = (await t.login(email)).accessToken;
});

afterAll(async () => {
  await t?.close();
});

describe('the table itself', () => {
  it('is the documented state machine: DRAFT → SUBMITTED → IN_REVIEW → APPROVED | REJECTED | NEEDS_INFO, NEEDS_INFO → SUBMITTED', () => {
    const moves = new Set<string>();
    for (const action of KYC_ACTION_NAMES) {
      const rule = KYC_ACTIONS[action];
      if (rule.to) for (const from of rule.from) moves.add(`${from}->${rule.to}`);
    }
    expect([...moves].sort()).toEqual(
      ['DRAFT->SUBMITTED', 'NEEDS_INFO->SUBMITTED', 'SUBMITTED->IN_REVIEW', 'IN_REVIEW->APPROVED', 'IN_REVIEW->REJECTED', 'IN_REVIEW->NEEDS_INFO'].sort(),
    );
    for (const action of KYC_ACTION_NAMES) expect({ action, from: [...KYC_ACTIONS[action].from].sort() }).toEqual({ action, from: [...EXPECTED[action]].sort() });
    // Terminal states allow nothing.
    for (const action of KYC_ACTION_NAMES) {
      expect(isActionAllowed(action, APPROVED)).toBe(false);
      expect(isActionAllowed(action, REJECTED)).toBe(false);
    }
  });
});

interface Cell {
  caller: string;
  query: string;
  field: string;
  variables: (c: { gid: string; version: number; docGid: string }) => Record<string, unknown>;
  docs: KycDocumentData[];
  /** Checks on an allowed cell's result (beyond the status). */
  verify?: (data: Record<string, any>, c: { gid: string; docGid: string }) => Promise<void> | void;
  /** The audit action an allowed cell records. */
  audit: string;
}

const V = 'mutation($input: KycCaseVersionInput!)';
const PERSON = { fullName: 'Jane Example', dateOfBirth: '1988-02-29', nationality: 'DE', address: { line1: 'Hauptstrasse 1', city: 'Berlin', postalCode: '10115', country: 'DE' } };

const CELLS: Record<KycAction, Cell> = {
  // Document changes: removing a pending document here, uploading one over HTTP below.
  upload: {
    caller: CUSTOMER,
    field: 'deleteKycDocument',
    query: 'mutation($id: ID!) { deleteKycDocument(id: $id) }',
    variables: (c) => ({ id: c.docGid }),
    docs: [{}],
    verify: async (d, c) => {
      expect(d).toBe(c.docGid);
      expect(await t.count('select count(*) as n from kyc_documents where id = ?', [fromGlobalId(c.docGid).id])).toBe(0);
    },
    audit: 'kyc.document.removed',
  },
  edit: {
    caller: CUSTOMER,
    field: 'updateKycCase',
    query: 'mutation($input: UpdateKycCaseInput!) { updateKycCase(input: $input) { id status version subjectName } }',
    variables: (c) => ({ input: { id: c.gid, version: c.version, person: { ...PERSON, fullName: 'Jane Edited' } } }),
    docs: [{}],
    verify: (d) => expect(d.subjectName).toBe('Jane Edited'),
    audit: 'kyc.case.updated',
  },
  submit: {
    caller: CUSTOMER,
    field: 'submitKycCase',
    query: `${V} { submitKycCase(input: $input) { id status version submittedAt } }`,
    variables: (c) => ({ input: { id: c.gid, version: c.version } }),
    docs: [{}],
    verify: (d) => expect(Date.parse(d.submittedAt)).toBeGreaterThan(Date.now() - 60_000),
    audit: 'kyc.case.submitted',
  },
  startReview: {
    caller: REVIEWER,
    field: 'startKycReview',
    query: `${V} { startKycReview(input: $input) { id status version review { reviewer { email } reviewStartedAt } } }`,
    variables: (c) => ({ input: { id: c.gid, version: c.version } }),
    docs: [{}],
    verify: (d) => expect(d.review.reviewer.email).toBe(REVIEWER),
    audit: 'kyc.case.review_started',
  },
  decideDocument: {
    caller: REVIEWER,
    field: 'decideKycDocument',
    query: 'mutation($input: DecideKycDocumentInput!) { decideKycDocument(input: $input) { id status decisionReason case { status } } }',
    variables: (c) => ({ input: { id: c.docGid, decision: 'ACCEPT', reason: 'Looks genuine.' } }),
    docs: [{}],
    verify: (d) => expect(d).toMatchObject({ status: 'ACCEPTED', decisionReason: 'Looks genuine.' }),
    audit: 'kyc.document.decided',
  },
  recommend: {
    caller: REVIEWER,
    field: 'recommendKycCase',
    query: 'mutation($input: RecommendKycCaseInput!) { recommendKycCase(input: $input) { id status version review { recommendation riskRating recommendationReason } } }',
    variables: (c) => ({ input: { id: c.gid, version: c.version, recommendation: 'APPROVE', riskRating: 'LOW', reason: 'All documents check out.' } }),
    docs: [{ status: KycDocumentStatus.ACCEPTED }],
    verify: (d) => expect(d.review).toEqual({ recommendation: 'APPROVE', riskRating: 'LOW', recommendationReason: 'All documents check out.' }),
    audit: 'kyc.case.recommended',
  },
  requestInfo: {
    caller: REVIEWER,
    field: 'requestKycInfo',
    query: 'mutation($input: RequestKycInfoInput!) { requestKycInfo(input: $input) { id status version customerMessage } }',
    variables: (c) => ({ input: { id: c.gid, version: c.version, message: 'Please add a recent proof of address.' } }),
    docs: [{ status: KycDocumentStatus.ACCEPTED }],
    verify: (d) => expect(d.customerMessage).toBe('Please add a recent proof of address.'),
    audit: 'kyc.case.info_requested',
  },
  approve: {
    caller: SECOND,
    field: 'decideKycCase',
    query: 'mutation($input: DecideKycCaseInput!) { decideKycCase(input: $input) { id status version decidedAt customerMessage review { decidedBy { email } reviewer { email } decisionReason } } }',
    variables: (c) => ({ input: { id: c.gid, version: c.version, decision: 'APPROVE', reason: 'Agree with the reviewer.', customerMessage: 'Welcome aboard.' } }),
    docs: [{ status: KycDocumentStatus.ACCEPTED }],
    verify: (d) => expect(d).toMatchObject({ customerMessage: 'Welcome aboard.', review: { decidedBy: { email: SECOND }, reviewer: { email: REVIEWER }, decisionReason: 'Agree with the reviewer.' } }),
    audit: 'kyc.case.approved',
  },
  reject: {
    caller: SECOND,
    field: 'decideKycCase',
    query: 'mutation($input: DecideKycCaseInput!) { decideKycCase(input: $input) { id status version decidedAt review { decidedBy { email } decisionReason } } }',
    variables: (c) => ({ input: { id: c.gid, version: c.version, decision: 'REJECT', reason: 'Sanctions list match.' } }),
    docs: [{ status: KycDocumentStatus.ACCEPTED }],
    verify: (d) => expect(d.review).toEqual({ decidedBy: { email: SECOND }, decisionReason: 'Sanctions list match.' }),
    audit: 'kyc.case.rejected',
  },
};

/** A complete PERSON case in `status`, reviewed by REVIEWER with an APPROVE recommendation. */
async function caseFor(status: KycCaseStatus, docs: KycDocumentData[]) {
  const reviewer = await userRef(t, REVIEWER);
  return makeCase(t, { data: { status, reviewer, recommendation: KycRecommendation.APPROVE, recommendationReason: 'ok' }, docs: docs.map((d) => ({ ...d, decidedBy: d.status ? reviewer : null })) });
}

async function snapshot(caseId: string, docGid: string) {
  const [row] = await t.sql<Record<string, unknown>>(
    `select c.status, c.version, c.subject_name, c.reviewer_id, c.recommendation, c.decided_by_id, c.customer_message,
            (select string_agg(d.status, ',' order by d.id) from kyc_documents d where d.case_id = c.id) as docs,
            (select count(*)::int from audit_logs a where a.target_id in (?, ?)) as audits
       from kyc_cases c where c.id = ?`,
    [toGlobalId('KycCase', caseId), docGid, caseId],
  );
  return row;
}

describe.each(Object.keys(CELLS) as KycAction[])('%s', (action) => {
  const cell = CELLS[action];
  it.each(KYC_STATUSES.map((s) => [s, verdictOf(action, s)] as const))('in %s: %s', async (status, verdict) => {
    const c = await caseFor(status, cell.docs);
    const docGid = toGlobalId('KycDocument', c.docs[0].id);
    const version = c.entity.version;
    const before = await snapshot(c.id, docGid);
    const res = await t.gql(cell.query, cell.variables({ gid: c.gid, version, docGid }), { token: tokens[cell.caller] });
    const targetGid = action === 'decideDocument' || action === 'upload' ? docGid : c.gid;

    if (verdict === 'allowed') {
      expect({ status, errors: res.errors ?? [] }).toEqual({ status, errors: [] });
      const data = res.data?.[cell.field];
      const to = KYC_ACTIONS[action].to ?? status;
      const after = await snapshot(c.id, docGid);
      expect(after?.status).toBe(to);
      if (action !== 'decideDocument' && action !== 'upload') expect(data.status).toBe(to);
      await cell.verify?.(data, { gid: c.gid, docGid });
      // One audit row for the change, written with it.
      const audits = await auditRows(t, targetGid);
      expect(audits.map((a) => a.action)).toEqual([cell.audit]);
      expect(audits[0].diff).toMatchObject(to !== status ? { from: status, to } : { status });
      // A state change also leaves an operational event.
      const events = await t.count(`select count(*) as n from system_events where type = 'kyc.case.status_changed' and payload->>'caseId' = ?`, [c.gid]);
      expect(events).toBe(to !== status ? 1 : 0);
    } else {
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(res.errors?.[0]?.message).toContain(status);
      expect(res.data?.[cell.field] ?? null).toBeNull();
      expect(await snapshot(c.id, docGid)).toEqual(before);
      expect(await auditRows(t, targetGid)).toEqual([]);
    }
  });
});

describe('upload (document changes) over HTTP', () => {
  it.each(KYC_STATUSES.map((s) => [s, verdictOf('upload', s)] as const))('in %s: %s', async (status, verdict) => {
    const c = await caseFor(status, []);
    const res = await upload(t, tokens[CUSTOMER], c.gid, { content: samplePdf('cell'), kind: 'PASSPORT' });
    const rows = await t.count('select count(*) as n from kyc_documents where case_id = ?', [c.id]);
    if (verdict === 'allowed') {
      expect(res.status).toBe(201);
      expect(rows).toBe(1);
      expect((await auditRows(t, res.body.id)).map((a) => a.action)).toEqual(['kyc.document.uploaded']);
    } else {
      expect({ status: res.status, reason: res.body.reason }).toEqual({ status: 409, reason: 'INVALID_TRANSITION' });
      expect(rows).toBe(0);
    }
  });
});

it('covers every action of the table', () => {
  expect(Object.keys(CELLS).sort()).toEqual([...KYC_ACTION_NAMES].sort());
  expect(KYC_STATUSES).toEqual([DRAFT, SUBMITTED, IN_REVIEW, NEEDS_INFO, APPROVED, REJECTED]);
});
