import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { KycRecommendation, KycRiskRating } from './kyc-case.entity';
import { KycCaseAction } from './kyc.transitions';

@ObjectType({ description: 'A postal address.' })
export class KycAddress {
  @Field({ description: 'First address line (street and number).' })
  line1!: string;

  @Field(() => String, { description: 'Second address line; null when not given.', nullable: true })
  line2?: string | null;

  @Field({ description: 'City.' })
  city!: string;

  @Field({ description: 'Postal code.' })
  postalCode!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;
}

@ObjectType({ description: 'The person a PERSON case verifies.' })
export class KycPerson {
  @Field({ description: 'Full legal name of the person.' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  nationality?: string | null;

  @Field(() => KycAddress, { description: 'Home address; null when not given.', nullable: true })
  address?: KycAddress | null;
}

@ObjectType({ description: 'The business a BUSINESS case verifies.' })
export class KycBusiness {
  @Field({ description: 'Registered legal name of the business.' })
  legalName!: string;

  @Field(() => String, { description: 'Company registration number; null when not given.', nullable: true })
  registrationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Country of registration, ISO 3166-1 alpha-2.' })
  country?: string | null;

  @Field(() => String, { description: 'VAT number; null when not given.', nullable: true })
  vatNumber?: string | null;

  @Field(() => KycAddress, { nullable: true, description: 'Registered address.' })
  address?: KycAddress | null;
}

/**
 * The staff side of a case. Reached only through `KycCase.review`, which is null for callers
 * without platform KYC rights, so none of it ever reaches a customer.
 */
@ObjectType({ description: 'Staff only: who reviews and decides the case, and why. Null for customers.' })
export class KycCaseReview {
  reviewerId!: string | null;
  decidedById!: string | null;

  @Field(() => Date, { description: 'When the review started; null until then.', nullable: true })
  reviewStartedAt!: Date | null;

  @Field(() => KycRecommendation, { description: 'Reviewer\'s recommendation; null until one is made.', nullable: true })
  recommendation!: KycRecommendation | null;

  @Field(() => String, { description: 'Why the reviewer recommends it; null until a recommendation is made.', nullable: true })
  recommendationReason!: string | null;

  @Field(() => KycRiskRating, { description: 'Risk the reviewer assigned; null until a recommendation is made.', nullable: true })
  riskRating!: KycRiskRating | null;

  @Field(() => Date, { description: 'When the recommendation was made; null until then.', nullable: true })
  recommendedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Internal reason of the final decision.' })
  decisionReason!: string | null;

  @Field(() => Date, { description: 'When the final decision was made; null until then.', nullable: true })
  decidedAt!: Date | null;
}

registerEnumType(KycCaseAction, {
  name: 'KycCaseAction',
  description: 'Something that can be done to a KYC case; see KycCase.availableActions.',
  valuesConfig: {
    EDIT: { description: 'Change the subject\'s details.' },
    UPLOAD: { description: 'Upload a document.' },
    SUBMIT: { description: 'Submit the case for review.' },
    START_REVIEW: { description: 'Start reviewing the submitted case.' },
    RECOMMEND: { description: 'Recommend approval or rejection.' },
    REQUEST_INFO: { description: 'Ask the customer for more information.' },
    DECIDE_DOCUMENT: { description: 'Accept or reject a document.' },
    APPROVE: { description: 'Approve the case (final decision).' },
    REJECT: { description: 'Reject the case (final decision).' },
  },
});
