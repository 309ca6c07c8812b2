import ToggleOnOutlined from '@mui/icons-material/ToggleOnOutlined';
import { defineAdminResource } from '../admin-resource';
import { createFeatureFlagsProvider, type FeatureFlagRecord } from '../providers/featureFlags.provider';
import { RESOURCES } from '../resource-names';
import { FeatureFlagCreate, FeatureFlagEdit } from './FeatureFlagEdit';
import { FeatureFlagList } from './FeatureFlagList';
import { FeatureFlagShow } from './FeatureFlagShow';

/** Feature flags: global defaults and per-tenant overrides. */
export const featureFlags = defineAdminResource<FeatureFlagRecord>({
  name: RESOURCES.featureFlags,
  label: 'Feature flags',
  provider: createFeatureFlagsProvider,
  access: { list: 'platform:flag:read', show: 'platform:flag:read', edit: 'platform:flag:manage', create: 'platform:flag:manage' },
  list: FeatureFlagList,
  show: FeatureFlagShow,
  edit: FeatureFlagEdit,
  create: FeatureFlagCreate,
  icon: ToggleOnOutlined,
  recordRepresentation: 'key',
});
