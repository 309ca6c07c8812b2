import type { ApolloClient } from '@apollo/client';
import type { SortPayload } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type {
  KycCaseAction,
  KycCaseFilter,
  KycCaseOrder,
  KycCaseStatus,
  KycDecision,
  KycDocumentDecision,
  KycDocumentKind,
  KycDocumentStatus,
  KycRecommendation,
  KycRiskRating,
  KycSubjectKind,
} from '../../gql/graphql';
import { runMutation, runQuery } from './graphql';
import { compact, createResourceProvider, listFilter, nodeOfType, nodesOfType, orderOf, type ResourceProvider, textFilter } from './resource-provider';

export const KYC_STATUSES = ['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'DRAFT', 'APPROVED', 'REJECTED'] as const satisfies readonly KycCaseStatus[];
/** The states in which a case waits for staff: these come first in the queue. */
export const KYC_AWAITING_STAFF = ['SUBMITTED', 'IN_REVIEW'] as const satisfies readonly KycCaseStatus[];
export const KYC_SUBJECT_KINDS = ['PERSON', 'BUSINESS'] as const satisfies readonly KycSubjectKind[];

const KYC_CASE_FIELDS = graphql(`
  fragment AdminKycCaseFields on KycCase {
    id
    subjectName
    subjectKind
    status
    version
    createdAt
    updatedAt
    submittedAt
    decidedAt
    availableActions
    tenant {
      id
      slug
      name
    }
    createdBy {
      id
      name
      email
    }
    review {
      reviewStartedAt
      recommendation
      recommendedAt
      riskRating
      reviewer {
        id
        name
        email
      }
      decidedBy {
        id
        name
        email
      }
    }
    documents(first: 1) {
      totalCount
    }
  }
`);

const KYC_CASE_DETAIL_FIELDS = graphql(`
  fragment AdminKycCaseDetailFields on KycCase {
    customerMessage
    person {
      fullName
      dateOfBirth
      nationality
      address {
        line1
        line2
        city
        postalCode
        country
      }
    }
    business {
      legalName
      registrationNumber
      country
      vatNumber
      address {
        line1
        line2
        city
        postalCode
        country
      }
    }
    review {
      recommendationReason
      decisionReason
    }
    caseDocuments: documents(first: 50) {
      nodes {
        id
        kind
        filename
        contentType
        size
        status
        decisionReason
        decidedAt
        createdAt
        downloadPath
        decidedBy {
          id
          name
        }
        uploadedBy {
          id
          name
        }
      }
    }
  }
`);

export const ADMIN_KYC_CASES_QUERY = graphql(`
  query AdminKycCases($first: Int, $offset: Int, $filter: KycCaseFilter, $orderBy: KycCaseOrder, $restFilter: KycCaseFilter, $withRest: Boolean!) {
    kycCases(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        ...AdminKycCaseFields
      }
    }
    rest: kycCases(first: 1, filter: $restFilter) @include(if: $withRest) {
      totalCount
    }
  }
`);

export const ADMIN_KYC_CASE_QUERY = graphql(`
  query AdminKycCase($id: ID!) {
    node(id: $id) {
      __typename
      ... on KycCase {
        ...AdminKycCaseFields
        ...AdminKycCaseDetailFields
      }
    }
  }
`);

export const ADMIN_KYC_CASES_BY_IDS_QUERY = graphql(`
  query AdminKycCasesByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on KycCase {
        ...AdminKycCaseFields
      }
    }
  }
`);

export const ADMIN_START_KYC_REVIEW = graphql(`
  mutation AdminStartKycReview($input: KycCaseVersionInput!) {
    startKycReview(input: $input) {
      id
      version
      status
    }
  }
`);

export const ADMIN_DECIDE_KYC_DOCUMENT = graphql(`
  mutation AdminDecideKycDocument($input: DecideKycDocumentInput!) {
    decideKycDocument(input: $input) {
      id
      status
      filename
    }
  }
`);

export const ADMIN_REQUEST_KYC_INFO = graphql(`
  mutation AdminRequestKycInfo($input: RequestKycInfoInput!) {
    requestKycInfo(input: $input) {
      id
      version
      status
    }
  }
`);

export const ADMIN_RECOMMEND_KYC_CASE = graphql(`
  mutation AdminRecommendKycCase($input: RecommendKycCaseInput!) {
    recommendKycCase(input: $input) {
      id
      version
      status
    }
  }
`);

export const ADMIN_DECIDE_KYC_CASE = graphql(`
  mutation AdminDecideKycCase($input: DecideKycCaseInput!) {
    decideKycCase(input: $input) {
      id
      version
      status
    }
  }
`);

interface Person {
  id: string;
  name: string;
  email?: string;
}

export interface KycAddressRecord {
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  country: string;
}

export interface KycDocumentRecord {
  id: string;
  kind: KycDocumentKind;
  filename: string;
  contentType: string;
  size: number;
  status: KycDocumentStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  decidedBy: Person | null;
  uploadedBy: Person;
  createdAt: string;
  downloadPath: string;
}

/** A KYC case as the back office shows it; the detail fields come with getOne only. */
export interface KycCaseRecord {
  id: string;
  subjectName: string;
  subjectKind: KycSubjectKind;
  status: KycCaseStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  availableActions: KycCaseAction[];
  tenantId: string;
  tenant: { id: string; slug: string; name: string };
  createdBy: Person;
  reviewer: Person | null;
  reviewStartedAt: string | null;
  recommendation: KycRecommendation | null;
  recommendedAt: string | null;
  riskRating: KycRiskRating | null;
  decidedBy: Person | null;
  documentCount: number;
  /** Only on getOne. */
  detail?: {
    customerMessage: string | null;
    person: { fullName: string; dateOfBirth: string | null; nationality: string | null; address: KycAddressRecord | null } | null;
    business: { legalName: string; registrationNumber: string | null; country: string | null; vatNumber: string | null; address: KycAddressRecord | null } | null;
    recommendationReason: string | null;
    decisionReason: string | null;
    documents: KycDocumentRecord[];
  };
}

const person = (p: { id: string; name: string; email?: string } | null | undefined): Person | null => (p ? { id: p.id, name: p.name, ...(p.email ? { email: p.email } : {}) } : null);
const address = (a: KycAddressRecord | null | undefined): KycAddressRecord | null =>
  a ? { line1: a.line1, line2: a.line2 ?? null, city: a.city, postalCode: a.postalCode, country: a.country } : null;

function toKycCaseRecord(ref: FragmentType<typeof KYC_CASE_FIELDS>, detailRef?: FragmentType<typeof KYC_CASE_DETAIL_FIELDS>): KycCaseRecord {
  const c = getFragmentData(KYC_CASE_FIELDS, ref);
  const record: KycCaseRecord = {
    id: c.id,
    subjectName: c.subjectName,
    subjectKind: c.subjectKind,
    status: c.status,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    submittedAt: c.submittedAt ?? null,
    decidedAt: c.decidedAt ?? null,
    availableActions: [...c.availableActions],
    tenantId: c.tenant.id,
    tenant: { id: c.tenant.id, slug: c.tenant.slug, name: c.tenant.name },
    createdBy: { id: c.createdBy.id, name: c.createdBy.name, email: c.createdBy.email },
    reviewer: person(c.review?.reviewer),
    reviewStartedAt: c.review?.reviewStartedAt ?? null,
    recommendation: c.review?.recommendation ?? null,
    recommendedAt: c.review?.recommendedAt ?? null,
    riskRating: c.review?.riskRating ?? null,
    decidedBy: person(c.review?.decidedBy),
    documentCount: c.documents.totalCount,
  };
  if (detailRef) {
    const d = getFragmentData(KYC_CASE_DETAIL_FIELDS, detailRef);
    record.detail = {
      customerMessage: d.customerMessage ?? null,
      person: d.person
        ? { fullName: d.person.fullName, dateOfBirth: d.person.dateOfBirth ?? null, nationality: d.person.nationality ?? null, address: address(d.person.address) }
        : null,
      business: d.business
        ? {
            legalName: d.business.legalName,
            registrationNumber: d.business.registrationNumber ?? null,
            country: d.business.country ?? null,
            vatNumber: d.business.vatNumber ?? null,
            address: address(d.business.address),
          }
        : null,
      recommendationReason: d.review?.recommendationReason ?? null,
      decisionReason: d.review?.decisionReason ?? null,
      documents: d.caseDocuments.nodes.map((doc) => ({
        id: doc.id,
        kind: doc.kind,
        filename: doc.filename,
        contentType: doc.contentType,
        size: doc.size,
        status: doc.status,
        decisionReason: doc.decisionReason ?? null,
        decidedAt: doc.decidedAt ?? null,
        decidedBy: person(doc.decidedBy),
        uploadedBy: { id: doc.uploadedBy.id, name: doc.uploadedBy.name },
        createdAt: doc.createdAt,
        downloadPath: doc.downloadPath,
      })),
    };
  }
  return record;
}

/** Columns the API can order cases by; the queue defaults to the oldest first (longest waiting). */
export const KYC_SORT_FIELDS = { createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT', subjectName: 'SUBJECT_NAME' } as const;
export const KYC_DEFAULT_SORT: SortPayload = { field: 'createdAt', order: 'ASC' };

export function kycOrderOf(sort: SortPayload | undefined): KycCaseOrder {
  return orderOf(sort, KYC_SORT_FIELDS, { field: 'CREATED_AT', direction: 'ASC' });
}

/** The list's filter form (q, tenantId, status, subjectKind, reviewerId) as a KycCaseFilter, without the states. */
/** The queue's age filter: cases waiting more than this many days. */
export const KYC_WAITING_DAYS = [1, 3, 7] as const;

/** "waiting more than N days" (the form's `waitingDays`) as the instant a case must have been submitted before. */
export function submittedBeforeOf(waitingDays: unknown, now = Date.now()): string | undefined {
  const days = Number(waitingDays);
  if (!(KYC_WAITING_DAYS as readonly number[]).includes(days)) return undefined;
  return new Date(now - days * 86_400_000).toISOString();
}

function baseFilterOf(f: Record<string, unknown>): Omit<KycCaseFilter, 'status'> {
  return {
    text: textFilter(f.q),
    tenantId: textFilter(f.tenantId),
    subjectKind: listFilter(f.subjectKind, KYC_SUBJECT_KINDS)?.[0],
    reviewerId: textFilter(f.reviewerId),
    submittedBefore: submittedBeforeOf(f.waitingDays),
  };
}

/**
 * The queue's two parts: the cases waiting for staff (submitted, in review), then the rest, each
 * narrowed by the chosen states (none chosen: every state). A part the states leave empty is null.
 */
export function kycQueuePartsOf(filter: Record<string, unknown> | undefined): { awaiting: KycCaseFilter | null; rest: KycCaseFilter | null } {
  const f = filter ?? {};
  const chosen: readonly KycCaseStatus[] = listFilter(f.status, KYC_STATUSES) ?? KYC_STATUSES;
  const awaiting = chosen.filter((s) => (KYC_AWAITING_STAFF as readonly string[]).includes(s));
  const rest = chosen.filter((s) => !(KYC_AWAITING_STAFF as readonly string[]).includes(s));
  const base = baseFilterOf(f);
  return {
    awaiting: awaiting.length ? (compact<KycCaseFilter>({ ...base, status: awaiting }) ?? {}) : null,
    rest: rest.length ? (compact<KycCaseFilter>({ ...base, status: rest }) ?? {}) : null,
  };
}

/** The review steps, each with what it sends; every one answers the case's new version. */
export type KycReviewStep =
  | { step: 'startReview'; id: string; version: number }
  | { step: 'requestInfo'; id: string; version: number; message: string }
  | { step: 'recommend'; id: string; version: number; recommendation: KycRecommendation; riskRating: KycRiskRating; reason: string }
  | { step: 'decide'; id: string; version: number; decision: KycDecision; reason: string; customerMessage?: string | null };

export async function runKycReviewStep(client: ApolloClient, input: KycReviewStep): Promise<{ id: string; status: KycCaseStatus; version: number }> {
  switch (input.step) {
    case 'startReview':
      return (await runMutation(client, ADMIN_START_KYC_REVIEW, { input: { id: input.id, version: input.version } })).startKycReview;
    case 'requestInfo':
      return (await runMutation(client, ADMIN_REQUEST_KYC_INFO, { input: { id: input.id, version: input.version, message: input.message } })).requestKycInfo;
    case 'recommend': {
      const { id, version, recommendation, riskRating, reason } = input;
      return (await runMutation(client, ADMIN_RECOMMEND_KYC_CASE, { input: { id, version, recommendation, riskRating, reason } })).recommendKycCase;
    }
    case 'decide': {
      const { id, version, decision, reason, customerMessage } = input;
      return (await runMutation(client, ADMIN_DECIDE_KYC_CASE, { input: { id, version, decision, reason, customerMessage: customerMessage?.trim() ? customerMessage.trim() : null } })).decideKycCase;
    }
  }
}

export async function decideKycDocument(client: ApolloClient, input: { id: string; decision: KycDocumentDecision; reason: string }): Promise<{ id: string; status: KycDocumentStatus; filename: string }> {
  return (await runMutation(client, ADMIN_DECIDE_KYC_DOCUMENT, { input })).decideKycDocument;
}

/**
 * Every tenant's KYC cases, as a review queue: the cases waiting for staff first (submitted, in
 * review), then the others, each part in the chosen order. A page that spans both parts reads
 * the end of the first and the start of the second.
 */
export function createKycCasesProvider(client: ApolloClient): ResourceProvider<KycCaseRecord> {
  return createResourceProvider<KycCaseRecord>({
    label: { one: 'KYC case', many: 'KYC cases' },
    async list({ page, sort, filter, signal }) {
      const orderBy = kycOrderOf(sort);
      const { awaiting, rest } = kycQueuePartsOf(filter);
      const first = awaiting ?? rest;
      if (!first) return { data: [], total: 0 };
      const head = await runQuery(client, ADMIN_KYC_CASES_QUERY, { ...page, filter: first, orderBy, restFilter: rest, withRest: Boolean(awaiting && rest) }, { signal });
      const data = head.kycCases.nodes.map((n) => toKycCaseRecord(n));
      const headTotal = head.kycCases.totalCount;
      const restTotal = awaiting && rest ? (head.rest?.totalCount ?? 0) : 0;
      const missing = page.first - data.length;
      if (awaiting && rest && missing > 0 && restTotal > 0 && page.offset + data.length >= headTotal) {
        const tail = await runQuery(client, ADMIN_KYC_CASES_QUERY, { first: missing, offset: Math.max(0, page.offset - headTotal), filter: rest, orderBy, restFilter: null, withRest: false }, { signal });
        data.push(...tail.kycCases.nodes.map((n) => toKycCaseRecord(n)));
      }
      return { data, total: headTotal + restTotal };
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_KYC_CASE_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'KycCase', (n) => toKycCaseRecord(n, n));
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_KYC_CASES_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'KycCase', (n) => toKycCaseRecord(n));
    },
    referenceTargets: ['tenantId', 'reviewerId'],
  });
}

