import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Loaded, relation } from '../../common/batch-loaders';
import { selectedPage } from '../../common/pagination/selected-page';
import { canSeeReview } from './kyc.access';
import { listCost } from '../../common/query-limits';
import { expectGlobalId } from '../../common/global-id';
import { Connection, ConnectionArgs, type ConnectionShape } from '../../common/pagination/connection';
import { connectionOf, isPlainFirstPage, toPageRequest } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { KycCase } from './kyc-case.entity';
import { KycDocument } from './kyc-document.entity';
import * as documents from './kyc-document.service';
import {
  CreateKycCaseInput,
  DecideKycCaseInput,
  DecideKycDocumentInput,
  KycCasesArgs,
  KycCaseVersionInput,
  KycDocumentsArgs,
  RecommendKycCaseInput,
  RequestKycInfoInput,
  UpdateKycCaseInput,
} from './kyc.inputs';
import * as review from './kyc.review';
import * as cases from './kyc.service';
import { KycCaseAction, type KycAction } from './kyc.transitions';
import { KycBusiness, KycCaseReview, KycPerson } from './kyc.types';
import { documentUploadOf, HISTORY_LIMIT, KycDocumentUpload, KycStatusChange } from './kyc.history';

const KycCaseConnection = Connection(KycCase);
const KycDocumentConnection = Connection(KycDocument);

/** The relations a page of KYC cases reads ahead, when selected. */
const caseRelated = {
  createdBy: relation((ctx: Context) => ctx.loaders.users.byId, (kycCase: KycCase) => kycCase.createdBy.id, { join: 'createdBy' }),
  tenant: relation((ctx: Context) => ctx.loaders.tenancy.tenantById, (kycCase: KycCase) => kycCase.tenant.id),
};

@Resolver(() => KycCase)
export class KycCaseResolver {
  @Query(() => KycCase, { nullable: true, description: 'One KYC case of your tenant (or any, for KYC staff); other ids answer NOT_FOUND.' })
  kycCase(@Arg('id', () => ID, { description: 'Global id of the KYC case.' }) id: string, @Ctx() ctx: Context): Promise<KycCase> {
    return cases.getCase(ctx, expectGlobalId(id, 'KycCase'));
  }

  @Query(() => KycCaseConnection, { description: 'KYC cases, by cursor (first/after, last/before) or by offset.' })
  kycCases(@Args() args: KycCasesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<KycCase>> {
    return selectedPage(ctx, info, KycCase, caseRelated, (selection) => cases.listCases(ctx, args, selection));
  }

  @Mutation(() => KycCase, { description: 'Starts a DRAFT case for a person or a business.' })
  createKycCase(@Arg('input', { description: 'Subject and details of the new KYC case.' }) input: CreateKycCaseInput, @Ctx() ctx: Context): Promise<KycCase> {
    return cases.createCase(ctx, input);
  }

  @Mutation(() => KycCase, { description: "Replaces the subject's details while the case is DRAFT or NEEDS_INFO." })
  updateKycCase(@Arg('input', { description: 'The case, the version last read and the fields to change.' }) input: UpdateKycCaseInput, @Ctx() ctx: Context): Promise<KycCase> {
    return cases.updateCase(ctx, input);
  }

  @Mutation(() => KycCase, { description: 'DRAFT or NEEDS_INFO → SUBMITTED, once the details are complete and a document is there.' })
  submitKycCase(@Arg('input', { description: 'The case and the version last read.' }) input: KycCaseVersionInput, @Ctx() ctx: Context): Promise<KycCase> {
    return cases.submitCase(ctx, input);
  }

  @Mutation(() => KycCase, { description: 'Staff: SUBMITTED → IN_REVIEW; you become the reviewer.' })
  startKycReview(@Arg('input', { description: 'The case and the version last read.' }) input: KycCaseVersionInput, @Ctx() ctx: Context): Promise<KycCase> {
    return review.startReview(ctx, input);
  }

  @Mutation(() => KycCase, { description: 'Staff, the reviewer: records a recommendation and risk rating for the second staff member.' })
  recommendKycCase(@Arg('input', { description: 'The case, the version last read and the reviewer\'s recommendation.' }) input: RecommendKycCaseInput, @Ctx() ctx: Context): Promise<KycCase> {
    return review.recommend(ctx, input);
  }

  @Mutation(() => KycCase, { description: 'Staff, the reviewer: IN_REVIEW → NEEDS_INFO with a message for the customer.' })
  requestKycInfo(@Arg('input', { description: 'The case, the version last read and what the subject must provide.' }) input: RequestKycInfoInput, @Ctx() ctx: Context): Promise<KycCase> {
    return review.requestInfo(ctx, input);
  }

  @Mutation(() => KycCase, { description: 'Staff, not the reviewer (four-eyes): IN_REVIEW → APPROVED or REJECTED, with a reason.' })
  decideKycCase(@Arg('input', { description: 'The case, the version last read and the final decision.' }) input: DecideKycCaseInput, @Ctx() ctx: Context): Promise<KycCase> {
    return review.decide(ctx, input);
  }

  @FieldResolver(() => KycPerson, { nullable: true, description: 'Set when subjectKind is PERSON.' })
  person(@Root() kycCase: KycCase): KycPerson | null {
    return kycCase.personDetails();
  }

  @FieldResolver(() => KycBusiness, { nullable: true, description: 'Set when subjectKind is BUSINESS.' })
  business(@Root() kycCase: KycCase): KycBusiness | null {
    return kycCase.businessDetails();
  }

  @FieldResolver(() => Tenant, { description: 'Tenant the case belongs to.' })
  tenant(@Root() kycCase: KycCase, @Ctx() ctx: Context): Loaded<Tenant> {
    return caseRelated.tenant.of(ctx, kycCase);
  }

  @FieldResolver(() => User, { description: 'User who created the case.' })
  createdBy(@Root() kycCase: KycCase, @Ctx() ctx: Context): Loaded<User> {
    return caseRelated.createdBy.of(ctx, kycCase);
  }

  @FieldResolver(() => KycCaseReview, { nullable: true, description: 'Staff only: reviewer, recommendation, approver and reasons. Null for customers.' })
  review(@Root() kycCase: KycCase, @Ctx() ctx: Context): KycCaseReview | null {
    if (!canSeeReview(ctx)) return null;
    return {
      reviewerId: kycCase.reviewer?.id ?? null,
      decidedById: kycCase.decidedBy?.id ?? null,
      reviewStartedAt: kycCase.reviewStartedAt ?? null,
      recommendation: kycCase.recommendation ?? null,
      recommendationReason: kycCase.recommendationReason ?? null,
      riskRating: kycCase.riskRating ?? null,
      recommendedAt: kycCase.recommendedAt ?? null,
      decisionReason: kycCase.decisionReason ?? null,
      decidedAt: kycCase.decidedAt ?? null,
    };
  }

  @FieldResolver(() => [KycCaseAction], { description: 'What you could do to this case now (a hint for clients; the mutations decide).' })
  availableActions(@Root() kycCase: KycCase, @Ctx() ctx: Context): KycAction[] {
    return review.availableActions(ctx, kycCase);
  }

  @FieldResolver(() => [KycStatusChange], {
    complexity: listCost(HISTORY_LIMIT),
    description: `Its changes of state, oldest first (the newest ${HISTORY_LIMIT}): when the case was created, submitted, taken into review, sent back for more information and decided.`,
  })
  statusHistory(@Root() kycCase: KycCase, @Ctx() ctx: Context): Promise<KycStatusChange[]> {
    return ctx.loaders.kyc.history.load(kycCase);
  }

  @FieldResolver(() => KycDocumentUpload, { description: 'Where and what to upload: the upload path, the size limit and the accepted content types.' })
  documentUpload(@Root() kycCase: KycCase, @Ctx() ctx: Context): KycDocumentUpload {
    return documentUploadOf(ctx, kycCase);
  }

  @FieldResolver(() => KycDocumentConnection, { description: 'Documents, oldest first.' })
  async documents(@Root() kycCase: KycCase, @Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<ConnectionShape<KycDocument>> {
    const page = toPageRequest(args);
    // A plain first page is batched across every case in the result; other pages query directly.
    if (isPlainFirstPage(page)) {
      const { rows, hasMore } = await ctx.loaders.kyc.firstDocuments(page.limit).load(kycCase.id);
      return connectionOf(rows, documents.DOCUMENT_ORDER, { hasNextPage: hasMore, hasPreviousPage: false }, () => ctx.loaders.kyc.documentCount.load(kycCase.id));
    }
    return documents.listCaseDocuments(ctx, kycCase, args);
  }
}

@Resolver(() => KycStatusChange)
export class KycStatusChangeResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The member of the organisation who made the change; null for steps taken by Atrium staff (and for cases made outside the API).' })
  changedBy(@Root() change: KycStatusChange, @Ctx() ctx: Context): Loaded<User> {
    return change.actorId ? ctx.loaders.users.byId.get(change.actorId) : null;
  }
}

@Resolver(() => KycCaseReview)
export class KycCaseReviewResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who took the case into review and recommends.' })
  reviewer(@Root() review: KycCaseReview, @Ctx() ctx: Context): Loaded<User> {
    return review.reviewerId ? ctx.loaders.users.byId.get(review.reviewerId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The second staff member, who approved or rejected.' })
  decidedBy(@Root() review: KycCaseReview, @Ctx() ctx: Context): Loaded<User> {
    return review.decidedById ? ctx.loaders.users.byId.get(review.decidedById) : null;
  }
}

@Resolver(() => KycDocument)
export class KycDocumentResolver {
  @Query(() => KycDocument, { nullable: true, description: 'One KYC document; other ids answer NOT_FOUND.' })
  kycDocument(@Arg('id', () => ID, { description: 'Global id of the KYC document.' }) id: string, @Ctx() ctx: Context): Promise<KycDocument> {
    return documents.getDocument(ctx, expectGlobalId(id, 'KycDocument'));
  }

  @Query(() => KycDocumentConnection, { description: 'KYC documents, newest first by default; upload them with POST /api/kyc/cases/{caseId}/documents.' })
  kycDocuments(@Args() args: KycDocumentsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<KycDocument>> {
    return documents.listDocuments(ctx, args);
  }

  @Mutation(() => KycDocument, { description: "Staff, the case's reviewer: accepts or rejects one document, with a reason shown to the customer." })
  decideKycDocument(@Arg('input', { description: 'The document and the reviewer\'s decision on it.' }) input: DecideKycDocumentInput, @Ctx() ctx: Context): Promise<KycDocument> {
    return documents.decideDocument(ctx, input);
  }

  @Mutation(() => ID, { description: 'Removes a PENDING document while the case is DRAFT or NEEDS_INFO; returns its id.' })
  deleteKycDocument(@Arg('id', () => ID, { description: 'Global id of the KYC document to delete.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return documents.deleteDocument(ctx, id);
  }

  @FieldResolver(() => KycCase, { name: 'case', description: 'KYC case the document belongs to.' })
  kycCase(@Root() doc: KycDocument, @Ctx() ctx: Context): Loaded<KycCase> {
    return ctx.loaders.kyc.caseById.get(doc.case.id);
  }

  @FieldResolver(() => User, { description: 'User who uploaded the document.' })
  uploadedBy(@Root() doc: KycDocument, @Ctx() ctx: Context): Loaded<User> {
    return ctx.loaders.users.byId.get(doc.uploadedBy.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Staff only: who accepted or rejected it. Null for customers.' })
  decidedBy(@Root() doc: KycDocument, @Ctx() ctx: Context): Loaded<User> {
    return canSeeReview(ctx) && doc.decidedBy ? ctx.loaders.users.byId.get(doc.decidedBy.id) : null;
  }

  @FieldResolver(() => String, { description: 'GET it with your bearer token to download the file.' })
  downloadPath(@Root() doc: KycDocument): string {
    return documents.downloadPathOf(doc);
  }
}
