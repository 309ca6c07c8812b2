import type { ModulePermissions } from '../../permissions/types';
import { isAuthenticated } from '../../permissions/rules';

export const mePermissions: ModulePermissions = { Query: { me: isAuthenticated } };
