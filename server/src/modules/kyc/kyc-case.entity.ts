import { Check, Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { User } from '../users/user.entity';

export enum KycSubjectKind {
  PERSON = 'PERSON',
  BUSINESS = 'BUSINESS',
}
registerEnumType(KycSubjectKind, {
  name: 'KycSubjectKind',
  description: 'Whom a KYC case verifies: a natural person or a business.',
  valuesConfig: {
    PERSON: { description: 'A natural person.' },
    BUSINESS: { description: 'A business.' },
  },
});

export enum KycCaseStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  NEEDS_INFO = 'NEEDS_INFO',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(KycCaseStatus, {
  name: 'KycCaseStatus',
  description: 'DRAFT → SUBMITTED → IN_REVIEW → APPROVED, REJECTED or NEEDS_INFO; NEEDS_INFO → SUBMITTED.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the customer; not yet submitted.' },
    SUBMITTED: { description: 'Submitted and waiting for a reviewer.' },
    IN_REVIEW: { description: 'A reviewer is working on it.' },
    NEEDS_INFO: { description: 'The customer must provide more information and submit again.' },
    APPROVED: { description: 'Verified (final).' },
    REJECTED: { description: 'Not verified (final).' },
  },
});

export enum KycRecommendation {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(KycRecommendation, {
  name: 'KycRecommendation',
  description: "The reviewer's advice to the second staff member who decides.",
  valuesConfig: {
    APPROVE: { description: 'Recommend approving the case.' },
    REJECT: { description: 'Recommend rejecting the case.' },
  },
});

export enum KycRiskRating {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(KycRiskRating, {
  name: 'KycRiskRating',
  description: 'Risk a reviewer assigns to a KYC subject.',
  valuesConfig: {
    LOW: { description: 'Low risk.' },
    MEDIUM: { description: 'Medium risk.' },
    HIGH: { description: 'High risk.' },
  },
});

export interface KycAddressData {
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface KycPersonData {
  fullName: string;
  /** YYYY-MM-DD. */
  dateOfBirth?: string | null;
  /** ISO 3166-1 alpha-2. */
  nationality?: string | null;
  address?: KycAddressData | null;
}

export interface KycBusinessData {
  legalName: string;
  registrationNumber?: string | null;
  /** Country of registration, ISO 3166-1 alpha-2. */
  country?: string | null;
  vatNumber?: string | null;
  address?: KycAddressData | null;
}

/** The subject's details as stored (jsonb): the shape follows `subjectKind`, validated on every write. */
export type KycDetails = KycPersonData | KycBusinessData;

/**
 * A know-your-customer case of one tenant. Customer-facing fields are GraphQL fields here; the
 * staff side of the review (reviewer, recommendation, approver, reasons) is exposed only through
 * `KycCase.review`, which resolves to null for anyone without platform KYC rights.
 */
@ObjectType({ implements: Node, description: 'A know-your-customer verification of a person or business.' })
@Entity({ tableName: 'kyc_cases' })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'updatedAt', 'id'] })
@Index({ properties: ['tenant', 'subjectName', 'id'] })
@Index({ properties: ['tenant', 'status'] })
@Index({ properties: ['status', 'createdAt', 'id'] })
// Four-eyes in the database too: whoever decides is never the reviewer of the same case.
@Check({ name: 'kyc_cases_four_eyes_check', expression: 'decided_by_id is null or reviewer_id is null or decided_by_id <> reviewer_id' })
export class KycCase extends TenantOwnedEntity {
  @Field(() => KycSubjectKind, { description: 'Whether the case is about a person or a business.' })
  @Enum({ items: () => KycSubjectKind })
  subjectKind!: KycSubjectKind;

  @Field({ description: "The person's full name or the business's legal name." })
  @Property({ length: 200 })
  subjectName!: string;

  @Property({ type: 'jsonb' })
  details!: KycDetails;

  @Field(() => KycCaseStatus, { description: 'Where the case is in the review workflow.' })
  @Enum({ items: () => KycCaseStatus, default: KycCaseStatus.DRAFT })
  status: Opt<KycCaseStatus> = KycCaseStatus.DRAFT;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict', index: true })
  createdBy!: Ref<User>;

  @Field(() => Date, { nullable: true, description: 'When the case was last submitted for review.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  submittedAt?: Date;

  @Field(() => String, { nullable: true, description: 'What staff told the customer with their last decision (what is missing, or the outcome).' })
  @Property({ type: 'text', nullable: true })
  customerMessage?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the case was approved or rejected.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  decidedAt?: Date;

  // ---- staff only (exposed through KycCase.review) ----

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  reviewer?: Ref<User> | null;

  @Property({ type: 'timestamptz', length: 3, nullable: true })
  reviewStartedAt?: Date | null;

  @Enum({ items: () => KycRecommendation, nullable: true })
  recommendation?: KycRecommendation | null;

  @Property({ type: 'text', nullable: true })
  recommendationReason?: string | null;

  @Enum({ items: () => KycRiskRating, nullable: true })
  riskRating?: KycRiskRating | null;

  @Property({ type: 'timestamptz', length: 3, nullable: true })
  recommendedAt?: Date | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'restrict' })
  decidedBy?: Ref<User> | null;

  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version; send it back with every change.' })
  @Property({ version: true, type: 'integer' })
  version!: Opt<number>;

  personDetails(): KycPersonData | null {
    return this.subjectKind === KycSubjectKind.PERSON ? (this.details as KycPersonData) : null;
  }

  businessDetails(): KycBusinessData | null {
    return this.subjectKind === KycSubjectKind.BUSINESS ? (this.details as KycBusinessData) : null;
  }
}
