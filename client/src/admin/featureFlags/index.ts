import ToggleOnOutlined from '@mui/icons-material/ToggleOnOutlined';
import type { ResourceProps } from 'react-admin';
import { RESOURCES } from '../providers/resources';
import { FeatureFlagCreate, FeatureFlagEdit } from './FeatureFlagEdit';
import { FeatureFlagList } from './FeatureFlagList';
import { FeatureFlagShow } from './FeatureFlagShow';

/** Feature flags: global defaults and per-tenant overrides. */
export const featureFlags: ResourceProps = {
  name: RESOURCES.featureFlags,
  list: FeatureFlagList,
  show: FeatureFlagShow,
  edit: FeatureFlagEdit,
  create: FeatureFlagCreate,
  icon: ToggleOnOutlined,
  recordRepresentation: 'key',
  options: { label: 'Feature flags' },
};
