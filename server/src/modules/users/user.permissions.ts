import type { ModulePermissions } from '../../permissions/types';
import { staffCan } from '../../permissions/rules';

export const userPermissions: ModulePermissions = { Query: { users: staffCan('platform:user:read') } };
