import { featureFlagAccess } from './flag.access';
import type { ModulePermissions } from '../../permissions/types';
import { readable, staffCan } from '../../permissions/rules';

export const flagPermissions: ModulePermissions = {
  Query: { featureFlags: readable(featureFlagAccess) },
  Mutation: {
    setFeatureFlag: staffCan('platform:flag:manage'),
    setFeatureFlagOverride: staffCan('platform:flag:manage'),
  },
};
