import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff } from '../../permissions/rules';

export const runPermissions: ModulePermissions = {
  Query: {
    runs: canOrStaff('run:read', 'platform:run:read'),
    run: canOrStaff('run:read', 'platform:run:read'),
  },
  Mutation: {
    startRun: can('run:write'),
    cancelRun: canOrStaff('run:write', 'platform:run:manage'),
    retryRun: can('run:write'),
  },
};
