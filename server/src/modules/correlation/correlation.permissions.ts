import type { ModulePermissions } from '../../permissions/types';
import { canOrStaff } from '../../permissions/rules';

/** Each kind of entry also needs its own read permission (event:read, audit:read ...), checked by its source. */
export const correlationPermissions: ModulePermissions = {
  Query: { correlation: canOrStaff('correlation:read', 'platform:correlation:read') },
};
