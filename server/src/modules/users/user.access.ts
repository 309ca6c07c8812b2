import { defineAccess, SIGNED_IN } from '../../permissions/access';
import type { User } from './user.entity';

/**
 * Users: yourself always; inside a tenant also its members (the node type narrows to them);
 * staff with platform:user:read everyone.
 */
export const userAccess = defineAccess<User>({
  type: 'User',
  tenant: SIGNED_IN,
  platform: 'platform:user:read',
  personal: true,
  rows: (grant) => (grant.as === 'personal' ? { id: grant.userId } : {}),
});
