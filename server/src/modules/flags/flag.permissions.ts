import type { ModulePermissions } from '../../permissions/types';
import { staffCan } from '../../permissions/rules';

export const flagPermissions: ModulePermissions = {
  Query: { featureFlags: staffCan('platform:flag:read') },
  Mutation: {
    setFeatureFlag: staffCan('platform:flag:manage'),
    setFeatureFlagOverride: staffCan('platform:flag:manage'),
  },
};
