import { defineAccess, SIGNED_IN } from '../../permissions/access';
import { userIdOf } from '../../context/scope';
import type { Session } from './session.entity';

/** Sessions: every signed-in caller sees their own, and only those. */
export const sessionAccess = defineAccess<Session>({
  type: 'Session',
  tenant: SIGNED_IN,
  platform: SIGNED_IN,
  personal: true,
  rows: (_grant, scope) => ({ user: userIdOf(scope) }),
});
