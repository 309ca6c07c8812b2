import { defineModule, nodeType } from '../../common/module';
import { featureFlagAccess, featureFlagOverrideAccess } from './flag.access';
import { FeatureFlag } from './feature-flag.entity';
import { FeatureFlagOverride } from './feature-flag-override.entity';
import { FlagResolver, FlagOverrideResolver } from './flag.resolver';
import { flagPermissions } from './flag.permissions';
import { createFlagLoaders } from './flag.loaders';

export const flagsModule = defineModule({
  name: 'flags',
  entities: [FeatureFlag, FeatureFlagOverride],
  resolvers: [FlagResolver, FlagOverrideResolver],
  permissions: flagPermissions,
  loaders: createFlagLoaders,
  nodeTypes: {
    FeatureFlag: nodeType(FeatureFlag, featureFlagAccess),
    FeatureFlagOverride: nodeType(FeatureFlagOverride, featureFlagOverrideAccess),
  },
});
