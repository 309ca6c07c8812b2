import type { ModulePermissions } from '../../permissions/types';
import { isAuthenticated } from '../../permissions/rules';

export const nodePermissions: ModulePermissions = { Query: { node: isAuthenticated, nodes: isAuthenticated } };
