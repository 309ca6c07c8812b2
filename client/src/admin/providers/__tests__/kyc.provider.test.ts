import { createApolloClient } from '../../../shared/apollo/create-apollo-client';
import { createRefreshTransport } from '../../../shared/session/refresh-transport';
import { SessionStore } from '../../../shared/session/session-store';
import { createFakeServer, type FakeHandler } from '../../../test/fake-graphql';
import { createKycCasesProvider, kycQueuePartsOf, submittedBeforeOf } from '../kyc.provider';

/**
 * The KYC queue: cases waiting for staff (submitted, in review) first, then the rest, paged as
 * one list across two API queries.
 */

const tenant = { __typename: 'Tenant', id: 'VGVuYW50OmFjbWU', slug: 'acme', name: 'Acme Corporation' };
const caseNode = (n: number, status: string) => ({
  __typename: 'KycCase',
  id: `case-${status}-${n}`,
  subjectName: `${status} ${n}`,
  subjectKind: 'PERSON',
  status,
  version: 1,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  submittedAt: null,
  decidedAt: null,
  availableActions: [],
  tenant,
  createdBy: { __typename: 'User', id: 'u1', name: 'Olivia Owner', email: 'owner@acme.test' },
  review: null,
  documents: { __typename: 'KycDocumentConnection', totalCount: 1 },
});

/** 3 cases waiting for staff and 4 others, paged by offset as the API does. */
function fakeApi() {
  const awaiting = [1, 2, 3].map((n) => caseNode(n, 'SUBMITTED'));
  const others = [1, 2, 3, 4].map((n) => caseNode(n, 'APPROVED'));
  const handler: FakeHandler = (v) => {
    const filter = v.filter as { status: string[] };
    const rows = filter.status.includes('SUBMITTED') ? awaiting : others;
    const offset = Number(v.offset ?? 0);
    const first = Number(v.first ?? 20);
    return {
      data: {
        kycCases: { __typename: 'KycCaseConnection', totalCount: rows.length, nodes: rows.slice(offset, offset + first) },
        ...(v.withRest ? { rest: { __typename: 'KycCaseConnection', totalCount: others.length } } : {}),
      },
    };
  };
  const server = createFakeServer({ AdminKycCases: handler });
  const store = new SessionStore({ storageKey: 'atrium.kyc-provider-test.session', refresh: createRefreshTransport('/graphql', server.fetch), locks: null });
  return { server, provider: createKycCasesProvider(createApolloClient({ store, fetch: server.fetch })) };
}

describe('the KYC review queue', () => {
  it('splits the chosen states into those waiting for staff and the rest', () => {
    expect(kycQueuePartsOf({})).toEqual({
      awaiting: { status: ['SUBMITTED', 'IN_REVIEW'] },
      rest: { status: ['NEEDS_INFO', 'DRAFT', 'APPROVED', 'REJECTED'] },
    });
    expect(kycQueuePartsOf({ status: ['APPROVED'], tenantId: 'T1', q: ' Ada ' })).toEqual({ awaiting: null, rest: { status: ['APPROVED'], tenantId: 'T1', text: 'Ada' } });
    expect(kycQueuePartsOf({ status: 'IN_REVIEW' })).toEqual({ awaiting: { status: ['IN_REVIEW'] }, rest: null });
  });

  it('turns "waiting more than N days" into submittedBefore (1, 3 or 7 days; anything else is ignored)', () => {
    const now = Date.parse('2026-12-10T12:00:00.000Z');
    expect(submittedBeforeOf('3', now)).toBe('2026-12-07T12:00:00.000Z');
    expect(submittedBeforeOf(7, now)).toBe('2026-12-03T12:00:00.000Z');
    expect(submittedBeforeOf('2', now)).toBeUndefined();
    expect(submittedBeforeOf(undefined, now)).toBeUndefined();
    const parts = kycQueuePartsOf({ waitingDays: '1' });
    expect(typeof parts.awaiting?.submittedBefore).toBe('string');
    expect(Date.now() - Date.parse(String(parts.awaiting?.submittedBefore))).toBeGreaterThanOrEqual(86_400_000);
  });

  it('lists the waiting cases first and pages across both parts', async () => {
    const { server, provider } = fakeApi();
    const first = await provider.getList({ pagination: { page: 1, perPage: 2 }, sort: { field: 'createdAt', order: 'ASC' }, filter: {} });
    expect(first.data.map((c) => c.id)).toEqual(['case-SUBMITTED-1', 'case-SUBMITTED-2']);
    expect(first.total).toBe(7);
    expect(server.callsOf('AdminKycCases')).toHaveLength(1);

    // The page holding the last waiting case and the first other one asks for both.
    const second = await provider.getList({ pagination: { page: 2, perPage: 2 }, sort: { field: 'createdAt', order: 'ASC' }, filter: {} });
    expect(second.data.map((c) => c.id)).toEqual(['case-SUBMITTED-3', 'case-APPROVED-1']);
    const tail = server.callsOf('AdminKycCases').at(-1);
    expect(tail?.variables).toMatchObject({ first: 1, offset: 0, filter: { status: ['NEEDS_INFO', 'DRAFT', 'APPROVED', 'REJECTED'] }, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });

    const third = await provider.getList({ pagination: { page: 3, perPage: 2 }, sort: { field: 'createdAt', order: 'ASC' }, filter: {} });
    expect(third.data.map((c) => c.id)).toEqual(['case-APPROVED-2', 'case-APPROVED-3']);
    expect(server.callsOf('AdminKycCases').at(-1)?.variables).toMatchObject({ first: 2, offset: 1 });
    expect(third.total).toBe(7);
  });
});
