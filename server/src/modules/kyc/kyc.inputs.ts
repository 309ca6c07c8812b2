import { IsDate, IsEnum, IsISO31661Alpha2, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { type KycCase, KycCaseStatus, KycRecommendation, KycRiskRating, KycSubjectKind } from './kyc-case.entity';
import { type KycDocument, KycDocumentKind, KycDocumentStatus } from './kyc-document.entity';
import { VisibleLength } from '../../common/visible-length';

const COUNTRY = 'Use a two-letter ISO 3166-1 country code, e.g. DE or GB.';
const REASON = 'Give a reason of 3 to 2,000 characters.';

@InputType({ description: 'A postal address; every field but line2 is required.' })
export class KycAddressInput {
  @Field({ description: 'First address line (street and number).' })
  @IsString()
  @VisibleLength(1, 200, { message: 'Address line 1 needs 1 to 200 characters.' })
  line1!: string;

  @Field(() => String, { description: 'Second address line; optional.', nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 200, { message: 'Address line 2 can have up to 200 characters.' })
  line2?: string | null;

  @Field({ description: 'City.' })
  @IsString()
  @VisibleLength(1, 100, { message: 'City needs 1 to 100 characters.' })
  city!: string;

  @Field({ description: 'Postal code.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{0,19}$/, { message: 'Postal code: up to 20 letters, digits, spaces or dashes.' })
  postalCode!: string;

  @Field({ description: 'Country (ISO 3166-1 alpha-2 code).' })
  @IsISO31661Alpha2({ message: COUNTRY })
  country!: string;
}

@InputType({ description: 'Details of a person. Only the full name is needed for a draft; submitting needs them all.' })
export class KycPersonInput {
  @Field({ description: 'Full legal name of the person.' })
  @IsString()
  @VisibleLength(2, 200, { message: 'Full name needs 2 to 200 characters.' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date of birth must look like 1990-04-23 (YYYY-MM-DD).' })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @IsISO31661Alpha2({ message: `Nationality: ${COUNTRY}` })
  nationality?: string | null;

  @Field(() => KycAddressInput, { description: 'Home address; optional.', nullable: true })
  @IsOptional()
  @ValidateNested()
  address?: KycAddressInput | null;
}

@InputType({ description: 'Details of a business. Only the legal name is needed for a draft; submitting needs all but the VAT number.' })
export class KycBusinessInput {
  @Field({ description: 'Registered legal name of the business.' })
  @IsString()
  @VisibleLength(2, 200, { message: 'Legal name needs 2 to 200 characters.' })
  legalName!: string;

  @Field(() => String, { description: 'Company registration number; optional.', nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ./-]{0,49}$/, { message: 'Registration number: up to 50 letters, digits, spaces, dots, slashes or dashes.' })
  registrationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Country of registration, ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsISO31661Alpha2({ message: `Country of registration: ${COUNTRY}` })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'EU-style VAT number: two-letter prefix, then 2 to 13 letters or digits (spaces are ignored).' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2}[ A-Za-z0-9]{2,20}$/, { message: 'VAT number: a two-letter country prefix, then 2 to 13 letters or digits, e.g. DE123456789.' })
  vatNumber?: string | null;

  @Field(() => KycAddressInput, { nullable: true, description: 'Registered address.' })
  @IsOptional()
  @ValidateNested()
  address?: KycAddressInput | null;
}

@InputType({ description: 'A new KYC case in DRAFT.' })
export class CreateKycCaseInput {
  @Field(() => KycSubjectKind, { description: 'Whether the case is about a person or a business; fill the matching `person` or `business` field.' })
  @IsEnum(KycSubjectKind)
  subjectKind!: KycSubjectKind;

  @Field(() => KycPersonInput, { nullable: true, description: 'Required when subjectKind is PERSON, refused otherwise.' })
  @IsOptional()
  @ValidateNested()
  person?: KycPersonInput | null;

  @Field(() => KycBusinessInput, { nullable: true, description: 'Required when subjectKind is BUSINESS, refused otherwise.' })
  @IsOptional()
  @ValidateNested()
  business?: KycBusinessInput | null;
}

@InputType({ description: "Replaces the subject's details (send them all); only while DRAFT or NEEDS_INFO." })
export class UpdateKycCaseInput {
  @Field(() => ID, { description: 'Global id of the KYC case.' })
  id!: string;

  @Field(() => Int, { description: 'The version you last read; a stale one answers CONFLICT.' })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => KycPersonInput, { description: 'New person details; unchanged when omitted.', nullable: true })
  @IsOptional()
  @ValidateNested()
  person?: KycPersonInput | null;

  @Field(() => KycBusinessInput, { description: 'New business details; unchanged when omitted.', nullable: true })
  @IsOptional()
  @ValidateNested()
  business?: KycBusinessInput | null;
}

@InputType({ description: 'A case and the version you last read.' })
export class KycCaseVersionInput {
  @Field(() => ID, { description: 'Global id of the KYC case.' })
  id!: string;

  @Field(() => Int, { description: 'Version of the case last read; a stale version is refused.' })
  @IsInt()
  @Min(1)
  version!: number;
}

@InputType({ description: 'A reviewer\'s recommendation on a KYC case in review.' })
export class RecommendKycCaseInput extends KycCaseVersionInput {
  @Field(() => KycRecommendation, { description: 'Recommend approving or rejecting the case.' })
  @IsEnum(KycRecommendation)
  recommendation!: KycRecommendation;

  @Field(() => KycRiskRating, { description: 'Risk the reviewer assigns to the subject.' })
  @IsEnum(KycRiskRating)
  riskRating!: KycRiskRating;

  @Field({ description: 'Why; staff only.' })
  @IsString()
  @VisibleLength(3, 2000, { message: REASON })
  reason!: string;
}

@InputType({ description: 'A request to the customer for more information on a KYC case.' })
export class RequestKycInfoInput extends KycCaseVersionInput {
  @Field({ description: 'What the customer must add or correct; shown to the customer.' })
  @IsString()
  @VisibleLength(3, 2000, { message: 'Tell the customer what is missing in 3 to 2,000 characters.' })
  message!: string;
}

export enum KycDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(KycDecision, {
  name: 'KycDecision',
  description: 'Final decision on a KYC case.',
  valuesConfig: {
    APPROVE: { description: 'Approve the case.' },
    REJECT: { description: 'Reject the case.' },
  },
});

@InputType({ description: 'The final decision on a KYC case in review.' })
export class DecideKycCaseInput extends KycCaseVersionInput {
  @Field(() => KycDecision, { description: 'Approve or reject the case.' })
  @IsEnum(KycDecision)
  decision!: KycDecision;

  @Field({ description: 'Why; staff only.' })
  @IsString()
  @VisibleLength(3, 2000, { message: REASON })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Optional note shown to the customer.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000, { message: 'The customer message can have up to 2,000 characters.' })
  customerMessage?: string | null;
}

export enum KycDocumentDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
}
registerEnumType(KycDocumentDecision, {
  name: 'KycDocumentDecision',
  description: 'A reviewer\'s decision on a KYC document.',
  valuesConfig: {
    ACCEPT: { description: 'The document is acceptable.' },
    REJECT: { description: 'The document is not acceptable.' },
  },
});

@InputType({ description: 'A reviewer\'s decision on one KYC document.' })
export class DecideKycDocumentInput {
  @Field(() => ID, { description: 'Global id of the KYC document.' })
  id!: string;

  @Field(() => KycDocumentDecision, { description: 'Accept or reject the document.' })
  @IsEnum(KycDocumentDecision)
  decision!: KycDocumentDecision;

  @Field({ description: 'Why; shown to the customer.' })
  @IsString()
  @VisibleLength(3, 2000, { message: REASON })
  reason!: string;
}

@InputType({ description: 'Narrows a list of KYC cases.' })
export class KycCaseFilter {
  @Field(() => [KycCaseStatus], { description: 'Only cases in one of these statuses.', nullable: true })
  status?: KycCaseStatus[];

  @Field(() => KycSubjectKind, { description: 'Only cases about this kind of subject.', nullable: true })
  subjectKind?: KycSubjectKind;

  @Field({ nullable: true, description: 'Case-insensitive match in the subject name.' })
  @IsOptional()
  @Length(1, 200)
  text?: string;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: cases this staff member reviews.' })
  reviewerId?: string;

  @Field(() => Date, { nullable: true, description: 'Only cases submitted before this instant (waiting at least that long); cases never submitted are left out.' })
  @IsOptional()
  @IsDate()
  submittedBefore?: Date;
}

export const kycCaseList = defineList<KycCase>()({
  filter: KycCaseFilter,
  orderBy: {
    input: 'KycCaseOrder',
    fields: { createdAt: 'date', updatedAt: 'date', subjectName: 'string' },
    default: { field: 'createdAt', direction: SortDirection.DESC },
  },
});
export const KycCasesArgs = kycCaseList.Args;
export type KycCasesArgs = ArgsOf<typeof kycCaseList>;

@InputType({ description: 'Narrows a list of KYC documents.' })
export class KycDocumentFilter {
  @Field(() => ID, { description: 'Only documents of this KYC case (global id).', nullable: true })
  caseId?: string;

  @Field(() => [KycDocumentStatus], { description: 'Only documents in one of these statuses.', nullable: true })
  status?: KycDocumentStatus[];

  @Field(() => [KycDocumentKind], { description: 'Only documents of one of these kinds.', nullable: true })
  kind?: KycDocumentKind[];

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;
}

export const kycDocumentList = defineList<KycDocument>()({
  filter: KycDocumentFilter,
  validateFilter: false,
  direction: { field: 'createdAt', kind: 'date', default: SortDirection.DESC, description: 'By upload time.' },
});
export const KycDocumentsArgs = kycDocumentList.Args;
export type KycDocumentsArgs = ArgsOf<typeof kycDocumentList>;
