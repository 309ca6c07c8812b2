import ToggleOnOutlined from '@mui/icons-material/ToggleOnOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createFeatureFlagsProvider, type FeatureFlagRecord } from '../providers/featureFlags.provider';
import { RESOURCES } from '../resource-names';

const FeatureFlagCreate = lazyPage(() => import('./FeatureFlagEdit'), 'FeatureFlagCreate');
const FeatureFlagEdit = lazyPage(() => import('./FeatureFlagEdit'), 'FeatureFlagEdit');
const FeatureFlagList = lazyPage(() => import('./FeatureFlagList'), 'FeatureFlagList');
const FeatureFlagShow = lazyPage(() => import('./FeatureFlagShow'), 'FeatureFlagShow');

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
