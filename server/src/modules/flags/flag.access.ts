import { defineAccess } from '../../permissions/access';
import type { FeatureFlagOverride } from './feature-flag-override.entity';
import type { FeatureFlag } from './feature-flag.entity';

/** Feature flags and their overrides are staff business (members read their effective flags through `me`). */
export const featureFlagAccess = defineAccess<FeatureFlag>({ type: 'FeatureFlag', tenant: null, platform: 'platform:flag:read' });

export const featureFlagOverrideAccess = defineAccess<FeatureFlagOverride>({ type: 'FeatureFlagOverride', tenant: null, platform: 'platform:flag:read' });
