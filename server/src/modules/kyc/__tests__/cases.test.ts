import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
import { hashPassword } from '../../auth/password';
import { addMember, provisionTenant } from '../../tenancy/tenant.factory';
import { User } from '../../users/user.entity';
import { KycCaseStatus, KycRecommendation, KycRiskRating } from '../kyc-case.entity';
import { KycDocumentStatus } from '../kyc-document.entity';
import { makeKycCase, makeKycDocument, SAMPLE_BUSINESS } from '../kyc.factory';
import { samplePdf, samplePng } from '../../../seeders/sample-files';
import { kycAwaitingAction } from '../kyc.widgets';
import { auditRows, CASE_FIELDS, makeCase, storeOf, upload, userRef } from './helpers';

/**
 * KYC cases through the API: input validation per subject kind, completeness on submit,
 * four-eyes, what customers may see, lists (filters, ordering, pages), the SQL statement count
 * of cases with their documents, audit placement and the dashboard widget.
 */

let t: TestApp;
const tokens: Record<string, string> = {};
const EMAILS = ['owner@acme.test', 'admin@acme.test', 'viewer@acme.test', 'staff@atrium.test', 'compliance@atrium.test'];

beforeAll(async () => {
  t = await startTestApp();
  for (const email of EMAILS) tokens[email] = (await t.login(email)).accessToken;
});

afterAll(async () => {
  await t?.close();
});

const CREATE = `mutation($input: CreateKycCaseInput!) { createKycCase(input: $input) { ${CASE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateKycCaseInput!) { updateKycCase(input: $input) { ${CASE_FIELDS} } }`;
const SUBMIT = `mutation($input: KycCaseVersionInput!) { submitKycCase(input: $input) { ${CASE_FIELDS} } }`;
const START = `mutation($input: KycCaseVersionInput!) { startKycReview(input: $input) { ${CASE_FIELDS} } }`;
const RECOMMEND = `mutation($input: RecommendKycCaseInput!) { recommendKycCase(input: $input) { ${CASE_FIELDS} } }`;
const REQUEST_INFO = `mutation($input: RequestKycInfoInput!) { requestKycInfo(input: $input) { ${CASE_FIELDS} } }`;
const DECIDE = `mutation($input: DecideKycCaseInput!) { decideKycCase(input: $input) { ${CASE_FIELDS} } }`;
const DECIDE_DOC = 'mutation($input: DecideKycDocumentInput!) { decideKycDocument(input: $input) { id status decisionReason decidedBy { email } } }';
const GET = `query($id: ID!) { kycCase(id: $id) { ${CASE_FIELDS} } }`;

const PERSON = { fullName: '  Jane   Example ', dateOfBirth: '1988-02-29', nationality: 'de', address: { line1: 'Hauptstrasse 1', city: 'Berlin', postalCode: '10115', country: 'de' } };

describe('creating and editing', () => {
  it('creates a DRAFT person case with normalised details, audited in the tenant', async () => {
    const res = await t.gql(CREATE, { input: { subjectKind: 'PERSON', person: PERSON } }, { token: tokens['owner@acme.test'] });
    expect(res.errors).toBeUndefined();
    const c = res.data?.createKycCase;
    expect(c).toMatchObject({
      status: 'DRAFT',
      version: 1,
      subjectKind: 'PERSON',
      subjectName: 'Jane Example',
      business: null,
      review: null,
      availableActions: ['EDIT', 'UPLOAD', 'SUBMIT'],
      person: { fullName: 'Jane Example', dateOfBirth: '1988-02-29', nationality: 'DE', address: { line1: 'Hauptstrasse 1', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' } },
      documents: { totalCount: 0, nodes: [] },
    });
    const audits = await auditRows(t, c.id);
    expect(audits).toEqual([expect.objectContaining({ action: 'kyc.case.created', tenant_id: await t.tenantId('acme'), actor_id: await t.userId('owner@acme.test') })]);
    // No personal data in the audit trail.
    expect(JSON.stringify(audits[0].diff)).not.toMatch(/Jane|1988|Berlin/);
  });

  it('creates a business case with only the legal name, and normalises the VAT number', async () => {
    const res = await t.gql(CREATE, { input: { subjectKind: 'BUSINESS', business: { legalName: 'Initech GmbH', vatNumber: 'de 123 456 789' } } }, { token: tokens['admin@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createKycCase).toMatchObject({ subjectKind: 'BUSINESS', subjectName: 'Initech GmbH', person: null, business: { legalName: 'Initech GmbH', vatNumber: 'DE123456789', registrationNumber: null, country: null, address: null } });
  });

  it.each([
    ['details of the wrong kind', { subjectKind: 'PERSON', business: { legalName: 'Initech GmbH' } }, 'business'],
    ['no details', { subjectKind: 'BUSINESS' }, 'business'],
    ['both kinds', { subjectKind: 'PERSON', person: PERSON, business: { legalName: 'Initech GmbH' } }, 'business'],
    ['a one-letter name', { subjectKind: 'PERSON', person: { fullName: 'J' } }, 'person.fullName'],
    ['a blank name', { subjectKind: 'PERSON', person: { fullName: '     ' } }, 'person.fullName'],
    ['a malformed date of birth', { subjectKind: 'PERSON', person: { fullName: 'Jane', dateOfBirth: '23/04/1990' } }, 'person.dateOfBirth'],
    ['a date of birth that does not exist', { subjectKind: 'PERSON', person: { fullName: 'Jane', dateOfBirth: '1990-02-30' } }, 'person.dateOfBirth'],
    ['a date of birth in the future', { subjectKind: 'PERSON', person: { fullName: 'Jane', dateOfBirth: '2999-01-01' } }, 'person.dateOfBirth'],
    ['an unknown nationality', { subjectKind: 'PERSON', person: { fullName: 'Jane', nationality: 'XX' } }, 'person.nationality'],
    ['an address without a city', { subjectKind: 'PERSON', person: { fullName: 'Jane', address: { line1: 'Main 1', city: '', postalCode: '1000', country: 'BE' } } }, 'person.address.city'],
    ['a bad VAT number', { subjectKind: 'BUSINESS', business: { legalName: 'Initech GmbH', vatNumber: '123456789' } }, 'business.vatNumber'],
    ['a bad country of registration', { subjectKind: 'BUSINESS', business: { legalName: 'Initech GmbH', country: 'Germany' } }, 'business.country'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, input, field) => {
    const before = await t.count('select count(*) as n from kyc_cases');
    const res = await t.gql(CREATE, { input }, { token: tokens['owner@acme.test'] });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = (res.errors?.[0]?.extensions.fields as { field: string; message: string }[]).map((f) => f.field);
    expect(fields).toContain(field);
    expect(await t.count('select count(*) as n from kyc_cases')).toBe(before);
  });

  it('replaces the details while editable, with the version as an optimistic lock', async () => {
    const c = await makeCase(t);
    const res = await t.gql(UPDATE, { input: { id: c.gid, version: 1, person: { fullName: 'Janet Example', nationality: 'AT' } } }, { token: tokens['owner@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateKycCase).toMatchObject({ version: 2, subjectName: 'Janet Example', person: { fullName: 'Janet Example', nationality: 'AT', dateOfBirth: null, address: null } });
    const stale = await t.gql(UPDATE, { input: { id: c.gid, version: 1, person: { fullName: 'Lost Update' } } }, { token: tokens['owner@acme.test'] });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const kind = await t.gql(UPDATE, { input: { id: c.gid, version: 2, business: { legalName: 'Not a person' } } }, { token: tokens['owner@acme.test'] });
    expect(codeOf(kind)).toBe('BAD_USER_INPUT');
    expect((await t.sql(`select subject_name, version from kyc_cases where id = ?`, [c.id]))[0]).toEqual({ subject_name: 'Janet Example', version: 2 });
  });
});

describe('submitting', () => {
  it('names every missing field, then wants a usable document, then submits', async () => {
    const owner = tokens['owner@acme.test'];
    const created = await t.gql(CREATE, { input: { subjectKind: 'BUSINESS', business: { legalName: 'Hooli Ltd' } } }, { token: owner });
    const id = created.data?.createKycCase.id as string;

    const incomplete = await t.gql(SUBMIT, { input: { id, version: 1 } }, { token: owner });
    expect(codeOf(incomplete)).toBe('BAD_USER_INPUT');
    expect((incomplete.errors?.[0]?.extensions.fields as { field: string }[]).map((f) => f.field)).toEqual(['business.registrationNumber', 'business.country', 'business.address']);

    const { legalName: _name, ...rest } = SAMPLE_BUSINESS;
    const filled = await t.gql(UPDATE, { input: { id, version: 1, business: { legalName: 'Hooli Ltd', ...rest, address: { ...SAMPLE_BUSINESS.address, line2: undefined } } } }, { token: owner });
    expect(filled.errors).toBeUndefined();

    const noDocs = await t.gql(SUBMIT, { input: { id, version: 2 } }, { token: owner });
    expect(codeOf(noDocs)).toBe('BAD_USER_INPUT');
    expect(noDocs.errors?.[0]?.extensions.fields).toEqual([{ field: 'documents', message: expect.stringContaining('Upload') }]);

    const up = await upload(t, owner, id, { content: samplePdf('Hooli registration'), kind: 'COMPANY_REGISTRATION' });
    expect(up.status).toBe(201);
    const done = await t.gql(SUBMIT, { input: { id, version: 2 } }, { token: owner });
    expect(done.errors).toBeUndefined();
    expect(done.data?.submitKycCase).toMatchObject({ status: 'SUBMITTED', version: 3, availableActions: [], documents: { totalCount: 1 } });
  });

  it('does not count rejected documents as usable', async () => {
    const c = await makeCase(t, { data: { status: KycCaseStatus.NEEDS_INFO }, docs: [{ status: KycDocumentStatus.REJECTED, decisionReason: 'Expired.' }] });
    const res = await t.gql(SUBMIT, { input: { id: c.gid, version: 1 } }, { token: tokens['owner@acme.test'] });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0]?.extensions.fields as { field: string }[])[0]?.field).toBe('documents');
  });
});

describe('four-eyes review, end to end', () => {
  it('the reviewer recommends, cannot decide; a second staff member decides; both recorded with reasons', async () => {
    const owner = tokens['owner@acme.test'];
    const reviewer = tokens['staff@atrium.test'];
    const second = tokens['compliance@atrium.test'];

    const created = await t.gql(CREATE, { input: { subjectKind: 'PERSON', person: PERSON } }, { token: owner });
    const id = created.data?.createKycCase.id as string;
    const up = await upload(t, owner, id, { content: samplePng(11), filename: 'passport.png', kind: 'PASSPORT' });
    expect(up.status).toBe(201);
    expect((await t.gql(SUBMIT, { input: { id, version: 1 } }, { token: owner })).errors).toBeUndefined();

    const started = await t.gql(START, { input: { id, version: 2 } }, { token: reviewer });
    expect(started.errors).toBeUndefined();
    expect(started.data?.startKycReview).toMatchObject({ status: 'IN_REVIEW', review: { reviewer: { email: 'staff@atrium.test' }, decidedBy: null }, availableActions: ['DECIDE_DOCUMENT', 'RECOMMEND', 'REQUEST_INFO'] });

    // Only the reviewer works the case; the second pair of eyes cannot stand in.
    const notReviewer = await t.gql(DECIDE_DOC, { input: { id: up.body.id, decision: 'ACCEPT', reason: 'Looks genuine.' } }, { token: second });
    expect(notReviewer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_REVIEWER' });
    const early = await t.gql(RECOMMEND, { input: { id, version: 3, recommendation: 'APPROVE', riskRating: 'LOW', reason: 'Looks fine.' } }, { token: reviewer });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DOCUMENTS_PENDING' });
    const tooEarly = await t.gql(DECIDE, { input: { id, version: 3, decision: 'APPROVE', reason: 'Approve now.' } }, { token: second });
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RECOMMENDATION_REQUIRED' });

    const accepted = await t.gql(DECIDE_DOC, { input: { id: up.body.id, decision: 'ACCEPT', reason: 'Genuine and valid.' } }, { token: reviewer });
    expect(accepted.data?.decideKycDocument).toEqual({ id: up.body.id, status: 'ACCEPTED', decisionReason: 'Genuine and valid.', decidedBy: { email: 'staff@atrium.test' } });

    const recommended = await t.gql(RECOMMEND, { input: { id, version: 3, recommendation: 'APPROVE', riskRating: 'LOW', reason: 'Looks fine.' } }, { token: reviewer });
    expect(recommended.errors).toBeUndefined();
    // Recommended once: no second recommendation is offered (asking the customer for more clears it).
    expect(recommended.data?.recommendKycCase.availableActions).toEqual(['DECIDE_DOCUMENT', 'REQUEST_INFO']);

    // Same person approving: FORBIDDEN, reason FOUR_EYES, and nothing changes.
    const before = await t.sql(`select status, version, decided_by_id from kyc_cases where id = ?`, [fromGlobalId(id).id]);
    const auditsBefore = (await auditRows(t, id)).length;
    for (const decision of ['APPROVE', 'REJECT']) {
      const self = await t.gql(DECIDE, { input: { id, version: 4, decision, reason: 'I checked it myself.' } }, { token: reviewer });
      expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'FOUR_EYES' });
      expect(self.data?.decideKycCase ?? null).toBeNull();
    }
    expect(await t.sql(`select status, version, decided_by_id from kyc_cases where id = ?`, [fromGlobalId(id).id])).toEqual(before);
    expect(await auditRows(t, id)).toHaveLength(auditsBefore);

    const asSecond = await t.gql(GET, { id }, { token: second });
    expect(asSecond.data?.kycCase.availableActions).toEqual(['APPROVE', 'REJECT']);
    const approved = await t.gql(DECIDE, { input: { id, version: 4, decision: 'APPROVE', reason: 'Agree: low risk.', customerMessage: 'You are verified.' } }, { token: second });
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.decideKycCase).toMatchObject({
      status: 'APPROVED',
      customerMessage: 'You are verified.',
      availableActions: [],
      review: { reviewer: { email: 'staff@atrium.test' }, decidedBy: { email: 'compliance@atrium.test' }, recommendation: 'APPROVE', riskRating: 'LOW', recommendationReason: 'Looks fine.', decisionReason: 'Agree: low risk.' },
    });

    // Every step audited: customer steps in the tenant's trail, staff steps as platform rows.
    const audits = await auditRows(t, id);
    const staffId = await t.userId('staff@atrium.test');
    const complianceId = await t.userId('compliance@atrium.test');
    const acme = await t.tenantId('acme');
    expect(audits.map((a) => [a.action, a.tenant_id])).toEqual([
      ['kyc.case.created', acme],
      ['kyc.case.submitted', acme],
      ['kyc.case.review_started', null],
      ['kyc.case.recommended', null],
      ['kyc.case.approved', null],
    ]);
    expect(audits[2]).toMatchObject({ actor_id: staffId, diff: { from: 'SUBMITTED', to: 'IN_REVIEW', tenantId: toGlobalId('Tenant', acme) } });
    expect(audits[3]).toMatchObject({ actor_id: staffId, diff: { recommendation: 'APPROVE', riskRating: 'LOW', reason: 'Looks fine.' } });
    expect(audits[4]).toMatchObject({ actor_id: complianceId, diff: { from: 'IN_REVIEW', to: 'APPROVED', reason: 'Agree: low risk.', reviewerId: toGlobalId('User', staffId) } });
  });

  it('refuses to let the database hold a decision by the reviewer', async () => {
    const staff = await userRef(t, 'staff@atrium.test');
    const c = await makeCase(t, { data: { status: KycCaseStatus.IN_REVIEW, reviewer: staff } });
    await expect(t.sql(`update kyc_cases set decided_by_id = reviewer_id, status = 'APPROVED' where id = ?`, [c.id])).rejects.toThrow(/kyc_cases_four_eyes_check/);
  });

  it('does not let staff review or decide a case they created themselves', async () => {
    const staff = await userRef(t, 'staff@atrium.test');
    const compliance = await userRef(t, 'compliance@atrium.test');
    const submitted = await makeCase(t, { creator: 'staff@atrium.test', data: { status: KycCaseStatus.SUBMITTED } });
    const start = await t.gql(START, { input: { id: submitted.gid, version: 1 } }, { token: tokens['staff@atrium.test'] });
    expect(start.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_REVIEW' });
    const inReview = await makeCase(t, {
      creator: 'staff@atrium.test',
      data: { status: KycCaseStatus.IN_REVIEW, reviewer: compliance, recommendation: KycRecommendation.REJECT },
      docs: [{ status: KycDocumentStatus.ACCEPTED, decidedBy: compliance }],
    });
    const decide = await t.gql(DECIDE, { input: { id: inReview.gid, version: 1, decision: 'REJECT', reason: 'Mine.' } }, { token: tokens['staff@atrium.test'] });
    expect(decide.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_REVIEW' });
    expect(staff.id).not.toBe(compliance.id);
  });

  it('approves only on accepted documents with none pending', async () => {
    const staff = await userRef(t, 'staff@atrium.test');
    const data = { status: KycCaseStatus.IN_REVIEW, reviewer: staff, recommendation: KycRecommendation.APPROVE, riskRating: KycRiskRating.LOW };
    const pending = await makeCase(t, { data, docs: [{ status: KycDocumentStatus.ACCEPTED, decidedBy: staff }, {}] });
    const r1 = await t.gql(DECIDE, { input: { id: pending.gid, version: 1, decision: 'APPROVE', reason: 'Agree with the reviewer.' } }, { token: tokens['compliance@atrium.test'] });
    expect(r1.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DOCUMENTS_PENDING' });
    const none = await makeCase(t, { data, docs: [{ status: KycDocumentStatus.REJECTED, decidedBy: staff }] });
    const r2 = await t.gql(DECIDE, { input: { id: none.gid, version: 1, decision: 'APPROVE', reason: 'Agree with the reviewer.' } }, { token: tokens['compliance@atrium.test'] });
    expect(r2.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_ACCEPTED_DOCUMENT' });
    // Rejecting needs no accepted document.
    const r3 = await t.gql(DECIDE, { input: { id: none.gid, version: 1, decision: 'REJECT', reason: 'Nothing usable.' } }, { token: tokens['compliance@atrium.test'] });
    expect(r3.data?.decideKycCase.status).toBe('REJECTED');
  });

  it('NEEDS_INFO round trip: the reviewer asks, the customer sees the message and resubmits, a new review starts clean', async () => {
    const staff = await userRef(t, 'staff@atrium.test');
    const c = await makeCase(t, {
      data: { status: KycCaseStatus.IN_REVIEW, reviewer: staff, recommendation: KycRecommendation.APPROVE, riskRating: KycRiskRating.LOW },
      docs: [{ status: KycDocumentStatus.REJECTED, decidedBy: staff, decisionReason: 'Blurred.' }],
    });
    const notReviewer = await t.gql(REQUEST_INFO, { input: { id: c.gid, version: 1, message: 'Please send a sharper scan.' } }, { token: tokens['compliance@atrium.test'] });
    expect(notReviewer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_REVIEWER' });
    const asked = await t.gql(REQUEST_INFO, { input: { id: c.gid, version: 1, message: 'Please send a sharper scan.' } }, { token: tokens['staff@atrium.test'] });
    expect(asked.data?.requestKycInfo).toMatchObject({ status: 'NEEDS_INFO', customerMessage: 'Please send a sharper scan.', review: { recommendation: null, riskRating: null } });

    const seen = await t.gql(GET, { id: c.gid }, { token: tokens['owner@acme.test'] });
    expect(seen.data?.kycCase).toMatchObject({ status: 'NEEDS_INFO', customerMessage: 'Please send a sharper scan.', review: null, availableActions: ['EDIT', 'UPLOAD', 'SUBMIT'] });
    expect(seen.data?.kycCase.documents.nodes[0]).toMatchObject({ status: 'REJECTED', decisionReason: 'Blurred.', decidedBy: null });

    expect((await upload(t, tokens['owner@acme.test'], c.gid, { content: samplePng(5), kind: 'PASSPORT' })).status).toBe(201);
    const resubmitted = await t.gql(SUBMIT, { input: { id: c.gid, version: 2 } }, { token: tokens['owner@acme.test'] });
    expect(resubmitted.data?.submitKycCase.status).toBe('SUBMITTED');
    // This time compliance reviews, so staff may decide.
    const again = await t.gql(START, { input: { id: c.gid, version: 3 } }, { token: tokens['compliance@atrium.test'] });
    expect(again.data?.startKycReview.review).toMatchObject({ reviewer: { email: 'compliance@atrium.test' }, recommendation: null });
  });
});

describe('what customers see', () => {
  let gid: string;

  beforeAll(async () => {
    const staff = await userRef(t, 'staff@atrium.test');
    const compliance = await userRef(t, 'compliance@atrium.test');
    const c = await makeCase(t, {
      data: {
        status: KycCaseStatus.REJECTED,
        reviewer: staff,
        recommendation: KycRecommendation.REJECT,
        recommendationReason: 'Internal: adverse media hits.',
        riskRating: KycRiskRating.HIGH,
        decidedBy: compliance,
        decisionReason: 'Internal: sanctions screening match.',
        customerMessage: 'We cannot verify you at this time.',
      },
      docs: [{ status: KycDocumentStatus.REJECTED, decidedBy: staff, decisionReason: 'Document expired.' }],
    });
    gid = c.gid;
  });

  it('customers get status, their details and the message for them, but no reviewer, approver, recommendation, risk or internal reason', async () => {
    for (const email of ['owner@acme.test', 'admin@acme.test']) {
      const res = await t.gql(GET, { id: gid }, { token: tokens[email] });
      expect(res.errors).toBeUndefined();
      const c = res.data?.kycCase;
      expect(c).toMatchObject({ status: 'REJECTED', customerMessage: 'We cannot verify you at this time.', review: null });
      expect(c.decidedAt).toBeTruthy();
      expect(c.documents.nodes).toEqual([expect.objectContaining({ status: 'REJECTED', decisionReason: 'Document expired.', decidedBy: null })]);
      expect(JSON.stringify(res.data)).not.toMatch(/Internal:|staff@atrium|compliance@atrium|HIGH/);
      // The same through node, nodes and the documents list.
      const viaNode = await t.gql(`query($id: ID!) { node(id: $id) { ... on KycCase { review { decisionReason } documents(first: 5) { nodes { decidedBy { email } } } } } }`, { id: gid }, { token: tokens[email] });
      expect(viaNode.data?.node).toEqual({ review: null, documents: { nodes: [{ decidedBy: null }] } });
      const list = await t.gql('query($f: KycDocumentFilter) { kycDocuments(first: 5, filter: $f) { nodes { decidedBy { email } case { review { reviewer { email } } } } } }', { f: { caseId: gid } }, { token: tokens[email] });
      expect(list.data?.kycDocuments.nodes).toEqual([{ decidedBy: null, case: { review: null } }]);
    }
  });

  it('KYC staff get all of it', async () => {
    const res = await t.gql(GET, { id: gid }, { token: tokens['compliance@atrium.test'] });
    expect(res.data?.kycCase.review).toMatchObject({
      reviewer: { email: 'staff@atrium.test' },
      decidedBy: { email: 'compliance@atrium.test' },
      recommendation: 'REJECT',
      recommendationReason: 'Internal: adverse media hits.',
      riskRating: 'HIGH',
      decisionReason: 'Internal: sanctions screening match.',
    });
    expect(res.data?.kycCase.documents.nodes[0].decidedBy).toEqual({ email: 'staff@atrium.test' });
  });

  it('customers cannot find cases by reviewer, and do not see staff KYC steps in their audit trail', async () => {
    const byReviewer = await t.gql('query($f: KycCaseFilter) { kycCases(first: 5, filter: $f) { totalCount } }', { f: { reviewerId: toGlobalId('User', await t.userId('staff@atrium.test')) } }, { token: tokens['owner@acme.test'] });
    expect(byReviewer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STAFF_ONLY_FILTER' });
    const trail = await t.gql('query { auditLogs(first: 100, filter: { action: "kyc." }) { nodes { action actor { email } } } }', {}, { token: tokens['admin@acme.test'] });
    expect(trail.errors).toBeUndefined();
    const actions = (trail.data?.auditLogs.nodes as { action: string; actor: { email: string } | null }[]);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => /review_started|recommended|approved|rejected|info_requested|document.decided/.test(a.action))).toEqual([]);
    expect(actions.filter((a) => a.actor?.email.endsWith('@atrium.test'))).toEqual([]);
  });

  it('tenant roles without kyc:read see nothing at all', async () => {
    const res = await t.gql(GET, { id: gid }, { token: tokens['viewer@acme.test'] });
    expect(codeOf(res)).toBe('FORBIDDEN');
    const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: gid }, { token: tokens['viewer@acme.test'] });
    expect(codeOf(node)).toBe('NOT_FOUND');
  });
});

describe('lists', () => {
  const SLUG = 'kyc-list-co';
  let token: string;
  const names = ['Delta Person', 'alpha Person', 'Charlie Business', 'Bravo Person', 'Echo Business'];

  beforeAll(async () => {
    const em = t.orm.em.fork();
    const owner = em.create(User, { email: 'owner@kyc-list.test', name: 'List Owner', passwordHash: await hashPassword('pw-123456') });
    em.persist(owner);
    const p = provisionTenant(em, { slug: SLUG, name: 'KYC List Co' });
    addMember(em, p, owner, 'owner');
    const base = Date.UTC(2026, 9, 1);
    names.forEach((name, i) => {
      const business = name.endsWith('Business');
      makeKycCase(em, p.tenant, owner, {
        ...(business ? { business: { ...SAMPLE_BUSINESS, legalName: name } } : { person: { fullName: name } }),
        status: [KycCaseStatus.DRAFT, KycCaseStatus.SUBMITTED, KycCaseStatus.IN_REVIEW][i % 3],
        createdAt: new Date(base + i * 60_000),
      });
    });
    await em.flush();
    token = (await t.login('owner@kyc-list.test', SLUG, 'pw-123456')).accessToken;
  });

  const LIST = 'query($first: Int, $after: String, $offset: Int, $f: KycCaseFilter, $o: KycCaseOrder) { kycCases(first: $first, after: $after, offset: $offset, filter: $f, orderBy: $o) { totalCount pageInfo { hasNextPage endCursor } nodes { subjectName status subjectKind } } }';

  it('orders by subject name with cursor pages that continue each other', async () => {
    const p1 = await t.gql(LIST, { first: 2, o: { field: 'SUBJECT_NAME', direction: 'ASC' } }, { token });
    expect(p1.errors).toBeUndefined();
    const p2 = await t.gql(LIST, { first: 10, after: p1.data?.kycCases.pageInfo.endCursor, o: { field: 'SUBJECT_NAME', direction: 'ASC' } }, { token });
    const all = [...p1.data!.kycCases.nodes, ...p2.data!.kycCases.nodes].map((n: { subjectName: string }) => n.subjectName);
    const [row] = await t.sql<{ names: string[] }>(`select array_agg(k.subject_name order by k.subject_name, k.id) as names from kyc_cases k join tenants n on n.id = k.tenant_id where n.slug = ?`, [SLUG]);
    expect(all).toEqual(row.names);
    expect(p1.data?.kycCases.pageInfo.hasNextPage).toBe(true);
    expect(p2.data?.kycCases.pageInfo.hasNextPage).toBe(false);
    // A cursor made under one ordering is refused under another.
    const mixed = await t.gql(LIST, { first: 2, after: p1.data?.kycCases.pageInfo.endCursor }, { token });
    expect(codeOf(mixed)).toBe('BAD_USER_INPUT');
  });

  it('filters by status, kind and text, and pages by offset (newest first by default)', async () => {
    const byStatus = await t.gql(LIST, { first: 10, f: { status: ['SUBMITTED', 'IN_REVIEW'] } }, { token });
    expect(byStatus.data?.kycCases.totalCount).toBe(3);
    expect(byStatus.data?.kycCases.nodes.every((n: { status: string }) => n.status !== 'DRAFT')).toBe(true);
    const byKind = await t.gql(LIST, { first: 10, f: { subjectKind: 'BUSINESS' } }, { token });
    expect(byKind.data?.kycCases.nodes.map((n: { subjectName: string }) => n.subjectName).sort()).toEqual(['Charlie Business', 'Echo Business']);
    const byText = await t.gql(LIST, { first: 10, f: { text: 'PERSON' } }, { token });
    expect(byText.data?.kycCases.totalCount).toBe(3);
    const wild = await t.gql(LIST, { first: 10, f: { text: '%' } }, { token });
    expect(wild.data?.kycCases.totalCount).toBe(0);
    const offset = await t.gql(LIST, { first: 2, offset: 1 }, { token });
    expect(offset.data?.kycCases.nodes.map((n: { subjectName: string }) => n.subjectName)).toEqual(['Bravo Person', 'Charlie Business']);
    expect(offset.data?.kycCases.totalCount).toBe(5);
  });

  it('filters by age: submittedBefore keeps cases waiting longer than that, never unsubmitted ones', async () => {
    const rows = await t.sql<{ id: string; subject_name: string; submitted_at: Date | null }>(
      `select k.id, k.subject_name, k.submitted_at from kyc_cases k join tenants n on n.id = k.tenant_id where n.slug = ? order by k.subject_name`,
      [SLUG],
    );
    const submitted = rows.filter((r) => r.submitted_at);
    expect(submitted.length).toBeGreaterThanOrEqual(2);
    // One case waiting ten days, the others now.
    const [old, ...recent] = submitted;
    await t.sql(`update kyc_cases set submitted_at = now() - interval '10 days' where id = ?`, [old?.id]);
    for (const r of recent) await t.sql(`update kyc_cases set submitted_at = now() where id = ?`, [r.id]);
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const waiting = await t.gql(LIST, { first: 10, f: { submittedBefore: threeDaysAgo } }, { token });
    expect(waiting.errors).toBeUndefined();
    expect(waiting.data?.kycCases.nodes.map((n: { subjectName: string }) => n.subjectName)).toEqual([old?.subject_name]);
    const all = await t.gql(LIST, { first: 10, f: { submittedBefore: new Date(Date.now() + 60_000).toISOString() } }, { token });
    expect(all.data?.kycCases.totalCount).toBe(submitted.length);
    const bad = await t.gql(LIST, { first: 10, f: { submittedBefore: 'yesterday' } }, { token });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });
});

describe('SQL statement count: cases with their documents', () => {
  const SLUG = 'kyc-count-co';
  let token: string;
  /**
   * Session lookup, cases page with their creators joined, documents window batch, document
   * counts, users batch for the uploaders (a level deeper, so a tick later).
   */
  const EXPECTED_STATEMENTS = 5;
  const QUERY = `query($first: Int) { kycCases(first: $first) { nodes { id subjectName createdBy { name } documents(first: 3) { totalCount nodes { id filename uploadedBy { name } } } } } }`;
  const expected = new Map<string, { docs: string[]; total: number }>();

  beforeAll(async () => {
    const em = t.orm.em.fork();
    const passwordHash = await hashPassword('pw-123456');
    const owner = em.create(User, { email: 'owner@kyc-count.test', name: 'Count Owner', passwordHash });
    const uploader = em.create(User, { email: 'uploader@kyc-count.test', name: 'Up Loader', passwordHash });
    em.persist([owner, uploader]);
    const p = provisionTenant(em, { slug: SLUG, name: 'KYC Count Co' });
    addMember(em, p, owner, 'owner');
    addMember(em, p, uploader, 'admin');
    const store = storeOf(t);
    const base = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 30; i++) {
      const c = makeKycCase(em, p.tenant, owner, { person: { fullName: `Counted ${i}` }, createdAt: new Date(base + i * 60_000) });
      const docs: string[] = [];
      for (let d = 0; d < i % 5; d++) {
        const doc = await makeKycDocument(em, store, c, d % 2 ? uploader : owner, samplePdf(`c${i}d${d}`), { filename: `c${i}-d${d}.pdf`, createdAt: new Date(base + i * 60_000 + (d + 1) * 1000) });
        docs.push(doc.filename);
      }
      expected.set(toGlobalId('KycCase', c.id), { docs: docs.slice(0, 3), total: docs.length });
    }
    await em.flush();
    token = (await t.login('owner@kyc-count.test', SLUG, 'pw-123456')).accessToken;
  });

  async function run(first: number) {
    let nodes: any[] = [];
    const counted = await t.countQueries(async () => {
      const res = await t.gql(QUERY, { first }, { token });
      expect(res.errors).toBeUndefined();
      nodes = res.data?.kycCases.nodes ?? [];
    });
    expect(nodes).toHaveLength(first);
    for (const n of nodes) {
      const want = expected.get(n.id);
      expect({ id: n.id, docs: n.documents.nodes.map((d: { filename: string }) => d.filename), total: n.documents.totalCount }).toEqual({ id: n.id, ...want });
      expect(n.createdBy.name).toBe('Count Owner');
      for (const d of n.documents.nodes) expect(['Count Owner', 'Up Loader']).toContain(d.uploadedBy.name);
    }
    return counted;
  }

  it('sends the same small number of statements for 30 cases as for 5', async () => {
    const thirty = await run(30);
    const five = await run(5);
    expect(thirty.sql).toHaveLength(EXPECTED_STATEMENTS);
    expect(five.count).toBe(thirty.count);
    expect(thirty.sql.filter((s) => /row_number\(\)/i.test(s) && /kyc_documents/.test(s))).toHaveLength(1);
    expect(thirty.sql.filter((s) => /count\(\*\)/i.test(s))).toHaveLength(1);
    // The creators in the page's statement, the uploaders in one batch.
    expect(thirty.sql.filter((s) => /from "kyc_cases"/.test(s) && /left join lateral \(select \* from "users"/.test(s))).toHaveLength(1);
    expect(thirty.sql.filter((s) => /from "users"/i.test(s))).toHaveLength(2);
  });
});

describe('dashboard widget: KYC cases awaiting action', () => {
  it('counts SUBMITTED, IN_REVIEW and NEEDS_INFO of one tenant in one query, zero when none', async () => {
    const em = t.orm.em.fork();
    const acme = await t.tenantId('acme');
    for (const status of [KycCaseStatus.SUBMITTED, KycCaseStatus.IN_REVIEW, KycCaseStatus.IN_REVIEW, KycCaseStatus.NEEDS_INFO, KycCaseStatus.APPROVED, KycCaseStatus.DRAFT]) {
      await makeCase(t, { data: { status } });
    }
    const [expected] = await t.sql<{ s: number; r: number; n: number }>(
      `select count(*) filter (where status = 'SUBMITTED')::int as s, count(*) filter (where status = 'IN_REVIEW')::int as r, count(*) filter (where status = 'NEEDS_INFO')::int as n from kyc_cases where tenant_id = ?`,
      [acme],
    );
    let points: Awaited<ReturnType<typeof kycAwaitingAction>> = [];
    const counted = await t.countQueries(async () => {
      points = await kycAwaitingAction(em, acme);
    });
    expect(counted.count).toBe(1);
    expect(counted.sql[0]).toContain(`where tenant_id = '${acme}'`);
    expect(points).toEqual([
      { key: 'kyc.submitted', label: expect.any(String), value: expected.s, limit: null },
      { key: 'kyc.in_review', label: expect.any(String), value: expected.r, limit: null },
      { key: 'kyc.needs_info', label: expect.any(String), value: expected.n, limit: null },
    ]);
    expect(expected.s).toBeGreaterThanOrEqual(1);
    expect(expected.r).toBeGreaterThanOrEqual(2);
    expect(expected.n).toBeGreaterThanOrEqual(1);

    // Another tenant's cases do not count; a tenant with none gets zeros.
    const before = points.map((p) => p.value);
    await makeCase(t, { tenant: 'globex', creator: 'owner@globex.test', data: { status: KycCaseStatus.SUBMITTED } });
    expect((await kycAwaitingAction(em, acme)).map((p) => p.value)).toEqual(before);
    const empty = provisionTenant(em, { slug: 'kyc-empty-co', name: 'Empty' });
    await em.flush();
    expect((await kycAwaitingAction(em, empty.tenant.id)).map((p) => p.value)).toEqual([0, 0, 0]);
  });
});
