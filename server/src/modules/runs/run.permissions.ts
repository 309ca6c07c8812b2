import { runAccess } from './run.access';
import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff, readable } from '../../permissions/rules';

export const runPermissions: ModulePermissions = {
  Query: {
    runs: readable(runAccess),
    run: readable(runAccess),
  },
  Mutation: {
    startRun: can('run:write'),
    cancelRun: canOrStaff('run:write', 'platform:run:manage'),
    retryRun: canOrStaff('run:write', 'platform:run:manage'),
  },
};
