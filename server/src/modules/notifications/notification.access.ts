import type { FilterQuery } from '@mikro-orm/core';
import { userIdOf } from '../../context/scope';
import { defineAccess, SIGNED_IN } from '../../permissions/access';
import type { Notification } from './notification.entity';

/**
 * Notifications: every signed-in person reads their own and only those: inside a tenant the ones
 * about that tenant, outside any tenant (staff in the back office) the ones about none. Only those
 * meant for the inbox (`inApp`). An API key reads none: an inbox is a person's, not an
 * integration's (the operations are closed to keys, permissions/api-key-gate.ts).
 */
export const notificationAccess = defineAccess<Notification>({
  type: 'Notification',
  tenant: SIGNED_IN,
  platform: SIGNED_IN,
  personal: true,
  rows: (grant, scope): FilterQuery<Notification> =>
    scope.principal.kind === 'user'
      ? { recipient: userIdOf(scope), tenant: grant.as === 'tenant' ? grant.tenantId : null, inApp: true }
      : { id: null },
});
