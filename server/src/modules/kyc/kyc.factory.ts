import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '../../common/uuid';
import type { Tenant } from '../tenancy/tenant.entity';
import type { User } from '../users/user.entity';
import {
  type KycBusinessData,
  KycCase,
  KycCaseStatus,
  type KycPersonData,
  type KycRecommendation,
  type KycRiskRating,
  KycSubjectKind,
} from './kyc-case.entity';
import { KycDocument, KycDocumentKind, KycDocumentStatus } from './kyc-document.entity';
import type { LocalDocumentStore } from './kyc.storage';

export const SAMPLE_PERSON: KycPersonData = {
  fullName: 'Jane Example',
  dateOfBirth: '1988-02-29',
  nationality: 'DE',
  address: { line1: 'Hauptstrasse 1', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' },
};

export const SAMPLE_BUSINESS: KycBusinessData = {
  legalName: 'Example Trading GmbH',
  registrationNumber: 'HRB 123456',
  country: 'DE',
  vatNumber: 'DE123456789',
  address: { line1: 'Industriestrasse 5', line2: null, city: 'Hamburg', postalCode: '20095', country: 'DE' },
};

export interface KycCaseData {
  person?: KycPersonData;
  business?: KycBusinessData;
  status?: KycCaseStatus;
  reviewer?: User | null;
  recommendation?: KycRecommendation | null;
  recommendationReason?: string | null;
  riskRating?: KycRiskRating | null;
  decidedBy?: User | null;
  decisionReason?: string | null;
  customerMessage?: string | null;
  createdAt?: Date;
}

/** A case in any state, with the timestamps that state implies. Persisted, not flushed. */
export function makeKycCase(em: EntityManager, tenant: Tenant, createdBy: User, data: KycCaseData = {}): KycCase {
  const createdAt = data.createdAt ?? new Date();
  const later = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000);
  const status = data.status ?? KycCaseStatus.DRAFT;
  const business = data.business ?? null;
  const person = business ? null : (data.person ?? SAMPLE_PERSON);
  const submitted = status !== KycCaseStatus.DRAFT;
  const kycCase = em.create(KycCase, {
    tenant,
    subjectKind: business ? KycSubjectKind.BUSINESS : KycSubjectKind.PERSON,
    subjectName: business ? business.legalName : (person?.fullName ?? ''),
    details: business ?? person ?? SAMPLE_PERSON,
    status,
    createdBy,
    submittedAt: submitted ? later(60) : undefined,
    reviewer: data.reviewer ?? null,
    reviewStartedAt: data.reviewer ? later(120) : null,
    recommendation: data.recommendation ?? null,
    recommendationReason: data.recommendationReason ?? null,
    riskRating: data.riskRating ?? null,
    recommendedAt: data.recommendation ? later(180) : null,
    decidedBy: data.decidedBy ?? null,
    decisionReason: data.decisionReason ?? null,
    decidedAt: data.decidedBy ? later(240) : undefined,
    customerMessage: data.customerMessage ?? null,
    createdAt,
    updatedAt: data.decidedBy ? later(240) : createdAt,
  });
  em.persist(kycCase);
  return kycCase;
}

export interface KycDocumentData {
  kind?: KycDocumentKind;
  filename?: string;
  status?: KycDocumentStatus;
  decidedBy?: User | null;
  decisionReason?: string | null;
  createdAt?: Date;
}

/** A document whose file is written to `store` first. Persisted, not flushed. */
export async function makeKycDocument(
  em: EntityManager,
  store: LocalDocumentStore,
  kycCase: KycCase,
  uploadedBy: User,
  content: Buffer,
  data: KycDocumentData = {},
): Promise<KycDocument> {
  const id = uuidv7();
  const storageKey = store.keyFor(kycCase.tenant.id, id);
  const file = await store.put(storageKey, content);
  const createdAt = data.createdAt ?? new Date();
  const status = data.status ?? KycDocumentStatus.PENDING;
  const doc = em.create(KycDocument, {
    id,
    tenant: kycCase.tenant,
    case: kycCase,
    kind: data.kind ?? KycDocumentKind.PASSPORT,
    filename: data.filename ?? `document-${id}.${file.contentType === 'application/pdf' ? 'pdf' : file.contentType === 'image/png' ? 'png' : 'jpg'}`,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    storageKey,
    uploadedBy,
    status,
    decidedBy: data.decidedBy ?? null,
    decisionReason: data.decisionReason ?? null,
    decidedAt: data.decidedBy ? new Date(createdAt.getTime() + 3_600_000) : null,
    createdAt,
    updatedAt: createdAt,
  });
  em.persist(doc);
  return doc;
}
