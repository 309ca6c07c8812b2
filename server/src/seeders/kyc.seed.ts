import type { EntityManager } from '@mikro-orm/postgresql';
import { KycCaseStatus, KycRecommendation, KycRiskRating, type KycBusinessData, type KycPersonData } from '../modules/kyc/kyc-case.entity';
import { KycDocumentKind, KycDocumentStatus } from '../modules/kyc/kyc-document.entity';
import { type KycCaseData, makeKycCase, makeKycDocument } from '../modules/kyc/kyc.factory';
import { samplePdf, samplePng } from './sample-files';
import { LocalDocumentStore } from '../modules/kyc/kyc.storage';
import type { Tenant } from '../modules/tenancy/tenant.entity';
import type { User } from '../modules/users/user.entity';

export interface KycSeedInput {
  storageDir: string;
  acme: Tenant;
  globex: Tenant;
  /** Customers who file cases, per tenant. */
  acmeCustomers: User[];
  globexCustomer: User;
  /** Two different staff members: one reviews, the other decides (four-eyes). */
  superadmin: User;
  compliance: User;
  rand: () => number;
  baseTime: number;
}

interface DocSpec {
  kind: KycDocumentKind;
  format: 'pdf' | 'png';
  status?: KycDocumentStatus;
  reason?: string;
}

interface CaseSpec {
  person?: KycPersonData;
  business?: KycBusinessData;
  status: KycCaseStatus;
  /** Who reviews; the other staff member decides. */
  reviewer?: 'superadmin' | 'compliance';
  recommendation?: KycRecommendation;
  risk?: KycRiskRating;
  decided?: boolean;
  customerMessage?: string;
  docs: DocSpec[];
}

const address = (line1: string, city: string, postalCode: string, country: string) => ({ line1, line2: null, city, postalCode, country });

const ACME_CASES: CaseSpec[] = [
  {
    status: KycCaseStatus.DRAFT,
    person: { fullName: 'Olivia Owner', dateOfBirth: '1984-06-12', nationality: 'GB', address: null },
    docs: [{ kind: KycDocumentKind.PASSPORT, format: 'pdf' }],
  },
  {
    status: KycCaseStatus.SUBMITTED,
    business: { legalName: 'Acme Corporation', registrationNumber: 'C1234567', country: 'US', vatNumber: null, address: address('1 Acme Way', 'Springfield', '12345', 'US') },
    docs: [
      { kind: KycDocumentKind.COMPANY_REGISTRATION, format: 'pdf' },
      { kind: KycDocumentKind.PROOF_OF_ADDRESS, format: 'png' },
    ],
  },
  {
    status: KycCaseStatus.IN_REVIEW,
    reviewer: 'superadmin',
    person: { fullName: 'Adam Admin', dateOfBirth: '1990-01-31', nationality: 'IE', address: address('12 Harbour Road', 'Dublin', 'D02 XY45', 'IE') },
    docs: [
      { kind: KycDocumentKind.PASSPORT, format: 'png', status: KycDocumentStatus.ACCEPTED, reason: 'Readable, valid until 2031.' },
      { kind: KycDocumentKind.PROOF_OF_ADDRESS, format: 'pdf' },
    ],
  },
  {
    status: KycCaseStatus.IN_REVIEW,
    reviewer: 'compliance',
    recommendation: KycRecommendation.APPROVE,
    risk: KycRiskRating.LOW,
    business: { legalName: 'Acme Logistics Ltd', registrationNumber: '09876543', country: 'GB', vatNumber: 'GB123456789', address: address('4 Dock Street', 'London', 'E1 8AA', 'GB') },
    docs: [
      { kind: KycDocumentKind.COMPANY_REGISTRATION, format: 'pdf', status: KycDocumentStatus.ACCEPTED, reason: 'Matches the Companies House record.' },
      { kind: KycDocumentKind.SHAREHOLDER_REGISTER, format: 'pdf', status: KycDocumentStatus.ACCEPTED, reason: 'Complete and current.' },
    ],
  },
  {
    status: KycCaseStatus.NEEDS_INFO,
    reviewer: 'superadmin',
    customerMessage: 'Your proof of address is older than three months. Please upload one from the last three months.',
    person: { fullName: 'Mia Member', dateOfBirth: '1995-09-03', nationality: 'FR', address: address('8 Rue de la Paix', 'Paris', '75002', 'FR') },
    docs: [
      { kind: KycDocumentKind.ID_CARD, format: 'png', status: KycDocumentStatus.ACCEPTED, reason: 'Clear and valid.' },
      { kind: KycDocumentKind.PROOF_OF_ADDRESS, format: 'pdf', status: KycDocumentStatus.REJECTED, reason: 'Older than three months.' },
    ],
  },
  {
    status: KycCaseStatus.APPROVED,
    reviewer: 'compliance',
    recommendation: KycRecommendation.APPROVE,
    risk: KycRiskRating.LOW,
    decided: true,
    customerMessage: 'Verified. Thank you!',
    person: { fullName: 'Ada Agent', dateOfBirth: '1979-12-10', nationality: 'NL', address: address('Keizersgracht 100', 'Amsterdam', '1015 AA', 'NL') },
    docs: [
      { kind: KycDocumentKind.PASSPORT, format: 'pdf', status: KycDocumentStatus.ACCEPTED, reason: 'Valid passport.' },
      { kind: KycDocumentKind.PROOF_OF_ADDRESS, format: 'png', status: KycDocumentStatus.ACCEPTED, reason: 'Recent utility bill.' },
    ],
  },
  {
    status: KycCaseStatus.REJECTED,
    reviewer: 'superadmin',
    recommendation: KycRecommendation.REJECT,
    risk: KycRiskRating.HIGH,
    decided: true,
    business: { legalName: 'Shell Holdings S.A.', registrationNumber: 'B 99999', country: 'LU', vatNumber: null, address: address('1 Boulevard Royal', 'Luxembourg', 'L-2449', 'LU') },
    docs: [{ kind: KycDocumentKind.COMPANY_REGISTRATION, format: 'pdf', status: KycDocumentStatus.REJECTED, reason: 'The registration number does not match the register.' }],
  },
];

const GLOBEX_CASES: CaseSpec[] = [
  {
    status: KycCaseStatus.DRAFT,
    business: { legalName: 'Globex Inc.', registrationNumber: null, country: 'US', vatNumber: null, address: null },
    docs: [],
  },
  {
    status: KycCaseStatus.SUBMITTED,
    person: { fullName: 'Gloria Globex', dateOfBirth: '1981-03-14', nationality: 'US', address: address('500 Cypress Creek', 'Cypress Creek', '90210', 'US') },
    docs: [{ kind: KycDocumentKind.DRIVING_LICENCE, format: 'png' }],
  },
  {
    status: KycCaseStatus.APPROVED,
    reviewer: 'superadmin',
    recommendation: KycRecommendation.APPROVE,
    risk: KycRiskRating.MEDIUM,
    decided: true,
    business: { legalName: 'Globex Holdings LLC', registrationNumber: 'LLC-2020-0042', country: 'US', vatNumber: null, address: address('500 Cypress Creek', 'Cypress Creek', '90210', 'US') },
    docs: [{ kind: KycDocumentKind.ARTICLES_OF_ASSOCIATION, format: 'pdf', status: KycDocumentStatus.ACCEPTED, reason: 'Certified copy.' }],
  },
];

/**
 * Demo KYC cases in every state for acme (and a few for globex), with small real PDF and PNG
 * files written to the storage directory. Reviewer and decider are always two different staff
 * members, as four-eyes requires.
 */
export async function seedKyc(em: EntityManager, input: KycSeedInput): Promise<{ cases: number; documents: number }> {
  const store = new LocalDocumentStore(input.storageDir);
  const staff = { superadmin: input.superadmin, compliance: input.compliance };
  const other = { superadmin: input.compliance, compliance: input.superadmin };
  let cases = 0;
  let documents = 0;
  let fileSeed = 1;

  const seedTenant = async (tenant: Tenant, specs: CaseSpec[], customers: User[], dayOffset: number) => {
    for (const [i, spec] of specs.entries()) {
      const createdAt = new Date(input.baseTime + (dayOffset + i * 2) * 86_400_000 + Math.floor(input.rand() * 3_600_000));
      const customer = customers[i % customers.length];
      const reviewer = spec.reviewer ? staff[spec.reviewer] : null;
      const data: KycCaseData = {
        person: spec.person,
        business: spec.business,
        status: spec.status,
        reviewer,
        recommendation: spec.recommendation ?? null,
        recommendationReason: spec.recommendation ? `Documents consistent; risk ${spec.risk ?? 'LOW'}.` : null,
        riskRating: spec.risk ?? null,
        decidedBy: spec.decided && spec.reviewer ? other[spec.reviewer] : null,
        decisionReason: spec.decided ? (spec.status === KycCaseStatus.APPROVED ? 'Agree with the reviewer.' : 'Registration could not be verified.') : null,
        customerMessage: spec.customerMessage ?? null,
        createdAt,
      };
      const kycCase = makeKycCase(em, tenant, customer, data);
      cases += 1;
      for (const [d, doc] of spec.docs.entries()) {
        const title = `${spec.person?.fullName ?? spec.business?.legalName ?? 'Subject'}: ${doc.kind.replace(/_/g, ' ').toLowerCase()}`;
        const content = doc.format === 'pdf' ? samplePdf(title) : samplePng(fileSeed);
        fileSeed += 1;
        const decided = doc.status && doc.status !== KycDocumentStatus.PENDING;
        await makeKycDocument(em, store, kycCase, customer, content, {
          kind: doc.kind,
          filename: `${doc.kind.toLowerCase().replace(/_/g, '-')}.${doc.format}`,
          status: doc.status ?? KycDocumentStatus.PENDING,
          decidedBy: decided ? reviewer : null,
          decisionReason: decided ? (doc.reason ?? null) : null,
          createdAt: new Date(createdAt.getTime() + (d + 1) * 600_000),
        });
        documents += 1;
      }
    }
  };
  await seedTenant(input.acme, ACME_CASES, input.acmeCustomers, -30);
  await seedTenant(input.globex, GLOBEX_CASES, [input.globexCustomer], -20);
  return { cases, documents };
}
