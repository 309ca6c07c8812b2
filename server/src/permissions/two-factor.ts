import { allow, chain, rule } from 'graphql-shield';
import { type AppError, ErrorReason, forbidden } from '../common/errors';
import type { RequestScope } from '../context/scope';
import type { Rule } from './types';

/**
 * A tenant that requires two-factor sign-in (Tenant.requireTwoFactor): its members without it
 * may sign in, but until they enrol every operation answers FORBIDDEN with reason
 * TWO_FACTOR_ENROLLMENT_REQUIRED, except the ones below and the public ones. The context decides
 * who must enrol (create-context.ts: principal.twoFactorEnrollmentRequired); this file is the one
 * place that refuses them: shield puts `enrolled` in front of every other operation's rule
 * (schema.ts), and plain-HTTP routes get the same answer from `refusal` (requirement.ts).
 */
export const OPEN_BEFORE_ENROLLMENT: { readonly Query: readonly string[]; readonly Mutation: readonly string[] } = {
  Query: ['me'],
  Mutation: ['login', 'logout', 'refreshSession', 'switchTenant', 'beginTotpEnrollment', 'confirmTotpEnrollment'],
};

export const ENROLLMENT_REQUIRED_MESSAGE =
  'This organisation requires two-factor sign-in. Set up an authenticator app on your account page to continue.';

/**
 * The refusal for a caller who must enrol first; null for everyone else. API keys are never held
 * here: the requirement is about how people sign in, and a key is no sign-in (its creator had to
 * be able to call createApiKey, which this gate refuses to members who must enrol).
 */
export function enrollmentRefusal(scope: Pick<RequestScope, 'principal'>): AppError | null {
  const p = scope.principal;
  return p.kind === 'user' && p.twoFactorEnrollmentRequired ? forbidden(ENROLLMENT_REQUIRED_MESSAGE, ErrorReason.TWO_FACTOR_ENROLLMENT_REQUIRED) : null;
}

const enrolled = rule('twoFactorEnrolled', { cache: 'contextual' })((_p, _a, ctx: Pick<RequestScope, 'principal'>) => enrollmentRefusal(ctx)?.toGraphQLError() ?? true);

/**
 * Every operation's rule behind `enrolled` (checked first; the operation's own rule only when it
 * passes), except the public ones (`isPublic`) and OPEN_BEFORE_ENROLLMENT.
 */
export function withTwoFactorRequirement<R extends { Query: Record<string, Rule>; Mutation: Record<string, Rule>; Subscription?: Record<string, Rule> }>(rules: R): R {
  const gated = { ...rules, Query: { ...rules.Query }, Mutation: { ...rules.Mutation } };
  for (const root of ['Query', 'Mutation'] as const) {
    for (const [field, r] of Object.entries(gated[root])) {
      if (r === allow || OPEN_BEFORE_ENROLLMENT[root].includes(field)) continue;
      gated[root][field] = chain(enrolled, r);
    }
  }
  // Subscriptions: none is open before enrolment.
  if (rules.Subscription) {
    gated.Subscription = Object.fromEntries(Object.entries(rules.Subscription).map(([field, r]) => [field, r === allow ? r : chain(enrolled, r)]));
  }
  return gated;
}
