import { chain, rule } from 'graphql-shield';
import type { GraphQLResolveInfo } from 'graphql';
import { ErrorReason, forbidden } from '../common/errors';
import type { Context } from '../context/context';
import { noteKeyForbidden } from '../modules/apikeys/api-key.refusals';
import type { Rule } from './types';

/**
 * What an API key may call. A key acts in its tenant with its (capped) permissions, so every
 * operation guarded by a permission is already bounded by it; staff operations need platform
 * permissions, which a key never holds. What remains are the operations any signed-in caller
 * (or anyone) may call because they concern the caller's OWN account or session: for a key they
 * would act on its creator's account (their password, two-factor, sessions, memberships, an
 * invitation addressed to them), so keys are refused them here, FORBIDDEN API_KEY_NOT_ALLOWED,
 * in front of the operation's own rule. The refusal is audited like every refused key use.
 *
 * A new operation open to every signed-in caller must be sorted into this list or into the
 * open one of the API-key tests (modules/apikeys/__tests__), which fail until it is.
 */
export const CLOSED_TO_API_KEYS: { readonly Query: readonly string[]; readonly Mutation: readonly string[] } = {
  Query: ['mySessions', 'notifications', 'unreadNotificationCount', 'notificationPreferences'],
  Mutation: [
    'login',
    'refreshSession',
    'logout',
    'switchTenant',
    'revokeSession',
    'changePassword',
    'requestPasswordReset',
    'resetPassword',
    'beginTotpEnrollment',
    'confirmTotpEnrollment',
    'disableTotp',
    'leaveTenant',
    'acceptInvitation',
    // A person's inbox and how they want to hear about things (modules/notifications).
    'markNotificationRead',
    'markAllNotificationsRead',
    'updateNotificationPreference',
  ],
};

export const NOT_FOR_API_KEYS_MESSAGE = "API keys cannot call this: it concerns a person's own account or session. Sign in as that person instead.";

const notAnApiKey = rule('notAnApiKey', { cache: 'no_cache' })((_p, _a, ctx: Context, info: GraphQLResolveInfo) => {
  if (ctx.principal.kind !== 'apiKey') return true;
  noteKeyForbidden(ctx, ErrorReason.API_KEY_NOT_ALLOWED, `${info.parentType.name}.${info.fieldName}`);
  return forbidden(NOT_FOR_API_KEYS_MESSAGE, ErrorReason.API_KEY_NOT_ALLOWED).toGraphQLError();
});

/** Every operation of CLOSED_TO_API_KEYS behind `notAnApiKey` (checked first). */
export function withApiKeyRestrictions<R extends { Query: Record<string, Rule>; Mutation: Record<string, Rule> }>(rules: R): R {
  const gated = { ...rules, Query: { ...rules.Query }, Mutation: { ...rules.Mutation } };
  for (const root of ['Query', 'Mutation'] as const) {
    for (const field of CLOSED_TO_API_KEYS[root]) {
      const r = gated[root][field];
      if (!r) throw new Error(`CLOSED_TO_API_KEYS names ${root}.${field}, which has no rule`);
      gated[root][field] = chain(notAnApiKey, r);
    }
  }
  return gated;
}
