import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, conflict, forbidden } from '../../common/errors';
import { visibleLength } from '../../common/input-hygiene';
import { toGlobalId } from '../../common/global-id';
import { type Context } from '../../context/context';
import { isPlatformScope, userIdOf } from '../../context/scope';
import { User } from '../users/user.entity';
import { type KycCase } from './kyc-case.entity';
import { KycDocument, KycDocumentStatus } from './kyc-document.entity';
import { need, text } from './kyc.details';
import { type DecideKycCaseInput, type KycCaseVersionInput, KycDecision, type RecommendKycCaseInput, type RequestKycInfoInput } from './kyc.inputs';
import { changeCase } from './kyc.service';
import { isActionAllowed, KYC_ACTION_NAMES, KYC_ACTIONS, type KycAction } from './kyc.transitions';

/**
 * The staff side of a KYC case: starting a review, recommending, asking the customer for more,
 * and the four-eyes decision, plus which actions the caller could take now.
 */

/** A staff member acting on the platform (shield has already checked platform:kyc:review). */
function requireStaff(ctx: Context): string {
  const userId = userIdOf(ctx);
  if (!userId || !isPlatformScope(ctx)) throw forbidden('KYC reviews are made by platform staff outside any tenant.', ErrorReason.STAFF_REQUIRED);
  return userId;
}

export async function startReview(ctx: Context, input: KycCaseVersionInput): Promise<KycCase> {
  const userId = requireStaff(ctx);
  return changeCase(ctx, input, 'startReview', (em, kycCase) => {
    if (kycCase.createdBy.id === userId) throw forbidden('You created this case, so someone else must review it.', ErrorReason.SELF_REVIEW);
    kycCase.reviewer = em.getReference(User, userId, { wrapped: true });
    kycCase.reviewStartedAt = new Date();
    kycCase.recommendation = null;
    kycCase.recommendationReason = null;
    kycCase.riskRating = null;
    kycCase.recommendedAt = null;
    return { reviewerId: toGlobalId('User', userId) };
  });
}

function requireReviewer(kycCase: KycCase, userId: string, what: string): void {
  if (kycCase.reviewer?.id !== userId) throw forbidden(`Only the case's reviewer can ${what}; start the review first if it is yours.`, ErrorReason.NOT_REVIEWER);
}

async function pendingDocuments(em: EntityManager, kycCase: KycCase): Promise<number> {
  return em.count(KycDocument, { case: kycCase.id, tenant: kycCase.tenant.id, status: KycDocumentStatus.PENDING }, { filters: false });
}

export async function recommend(ctx: Context, input: RecommendKycCaseInput): Promise<KycCase> {
  const userId = requireStaff(ctx);
  const reason = text(input.reason);
  if (!reason || visibleLength(reason) < 3) throw need('reason', 'Give a reason of 3 to 2,000 characters.');
  return changeCase(ctx, input, 'recommend', async (em, kycCase) => {
    requireReviewer(kycCase, userId, 'record a recommendation');
    const pending = await pendingDocuments(em, kycCase);
    if (pending) throw conflict(`Accept or reject every document first (${pending} pending).`, ErrorReason.DOCUMENTS_PENDING);
    kycCase.recommendation = input.recommendation;
    kycCase.recommendationReason = reason;
    kycCase.riskRating = input.riskRating;
    kycCase.recommendedAt = new Date();
    return { recommendation: input.recommendation, riskRating: input.riskRating, reason };
  });
}

export async function requestInfo(ctx: Context, input: RequestKycInfoInput): Promise<KycCase> {
  const userId = requireStaff(ctx);
  const message = input.message.trim();
  if (visibleLength(message) < 3) throw need('message', 'Tell the customer what is missing in 3 to 2,000 characters.');
  return changeCase(ctx, input, 'requestInfo', (_em, kycCase) => {
    requireReviewer(kycCase, userId, 'ask the customer for more information');
    kycCase.customerMessage = message;
    // A recommendation made before the customer adds more no longer stands.
    kycCase.recommendation = null;
    kycCase.recommendationReason = null;
    kycCase.riskRating = null;
    kycCase.recommendedAt = null;
    return { reason: message };
  });
}

export async function decide(ctx: Context, input: DecideKycCaseInput): Promise<KycCase> {
  const userId = requireStaff(ctx);
  const reason = text(input.reason);
  if (!reason || visibleLength(reason) < 3) throw need('reason', 'Give a reason of 3 to 2,000 characters.');
  const action: KycAction = input.decision === KycDecision.APPROVE ? 'approve' : 'reject';
  return changeCase(ctx, input, action, async (em, kycCase) => {
    // Four-eyes: the reviewer recommends, someone else decides.
    if (kycCase.reviewer?.id === userId) {
      throw forbidden('You reviewed this case; a second staff member must make the decision (four-eyes).', ErrorReason.FOUR_EYES);
    }
    if (kycCase.createdBy.id === userId) throw forbidden('You created this case, so someone else must decide it.', ErrorReason.SELF_REVIEW);
    if (!kycCase.reviewer || !kycCase.recommendation) {
      throw conflict("The reviewer has not recorded a recommendation yet; decide after it's there.", ErrorReason.RECOMMENDATION_REQUIRED);
    }
    if (action === 'approve') {
      const pending = await pendingDocuments(em, kycCase);
      if (pending) throw conflict(`Every document must be accepted or rejected first (${pending} pending).`, ErrorReason.DOCUMENTS_PENDING);
      const accepted = await em.count(KycDocument, { case: kycCase.id, tenant: kycCase.tenant.id, status: KycDocumentStatus.ACCEPTED }, { filters: false });
      if (!accepted) throw conflict('A case is approved on at least one accepted document.', ErrorReason.NO_ACCEPTED_DOCUMENT);
    }
    kycCase.decidedBy = em.getReference(User, userId, { wrapped: true });
    kycCase.decisionReason = reason;
    kycCase.decidedAt = new Date();
    kycCase.customerMessage = text(input.customerMessage);
    return { reason, recommendation: kycCase.recommendation, reviewerId: toGlobalId('User', kycCase.reviewer.id) };
  });
}

/**
 * What the caller could do to the case now: the transition table for its state, narrowed by who
 * the caller is (customer or staff, reviewer or second pair of eyes). A hint for clients that
 * hide what a role cannot do; the mutations check everything again.
 */
export function availableActions(ctx: Context, kycCase: KycCase): KycAction[] {
  const userId = userIdOf(ctx);
  const customer = !!ctx.tenantId && ctx.permissions.has('kyc:write');
  const staff = isPlatformScope(ctx) && ctx.permissions.has('platform:kyc:review');
  const isReviewer = !!userId && kycCase.reviewer?.id === userId;
  const isCreator = kycCase.createdBy.id === userId;
  return KYC_ACTION_NAMES.filter((action) => {
    if (!isActionAllowed(action, kycCase.status)) return false;
    if (KYC_ACTIONS[action].actor === 'customer') return customer;
    if (!staff) return false;
    switch (action) {
      case 'startReview':
        return !isCreator;
      case 'approve':
      case 'reject':
        return !isReviewer && !isCreator && !!kycCase.recommendation;
      case 'recommend':
        // One recommendation stands until the customer adds more (requestInfo clears it).
        return isReviewer && !kycCase.recommendation;
      default:
        return isReviewer;
    }
  });
}
