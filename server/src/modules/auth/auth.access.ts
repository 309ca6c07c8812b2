import { defineAccess, SIGNED_IN } from '../../permissions/access';
import { userIdOf } from '../../context/scope';
import type { Session } from './session.entity';

/** Sessions: every signed-in person sees their own, and only those; an API key sees none (not its creator's). */
export const sessionAccess = defineAccess<Session>({
  type: 'Session',
  tenant: SIGNED_IN,
  platform: SIGNED_IN,
  personal: true,
  rows: (_grant, scope) => (scope.principal.kind === 'user' ? { user: userIdOf(scope) } : { id: null }),
});
