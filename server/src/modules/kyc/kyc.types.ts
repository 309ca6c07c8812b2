import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { KycRecommendation, KycRiskRating } from './kyc-case.entity';
import { KycCaseAction } from './kyc.transitions';

@ObjectType({ description: 'A postal address.' })
export class KycAddress {
  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field()
  city!: string;

  @Field()
  postalCode!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;
}

@ObjectType({ description: 'The person a PERSON case verifies.' })
export class KycPerson {
  @Field()
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  nationality?: string | null;

  @Field(() => KycAddress, { nullable: true })
  address?: KycAddress | null;
}

@ObjectType({ description: 'The business a BUSINESS case verifies.' })
export class KycBusiness {
  @Field()
  legalName!: string;

  @Field(() => String, { nullable: true })
  registrationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Country of registration, ISO 3166-1 alpha-2.' })
  country?: string | null;

  @Field(() => String, { nullable: true })
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

  @Field(() => Date, { nullable: true })
  reviewStartedAt!: Date | null;

  @Field(() => KycRecommendation, { nullable: true })
  recommendation!: KycRecommendation | null;

  @Field(() => String, { nullable: true })
  recommendationReason!: string | null;

  @Field(() => KycRiskRating, { nullable: true })
  riskRating!: KycRiskRating | null;

  @Field(() => Date, { nullable: true })
  recommendedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Internal reason of the final decision.' })
  decisionReason!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

registerEnumType(KycCaseAction, { name: 'KycCaseAction', description: 'Something that can be done to a KYC case; see KycCase.availableActions.' });
