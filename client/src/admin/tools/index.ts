import BuildOutlined from '@mui/icons-material/BuildOutlined';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createEntitlementsProvider, type EntitlementRecord } from '../providers/entitlements.provider';
import { createToolsProvider, type ToolRecord } from '../providers/tools.provider';
import { RESOURCES } from '../resource-names';

const EntitlementCreate = lazyPage(() => import('./EntitlementPages'), 'EntitlementCreate');
const EntitlementList = lazyPage(() => import('./EntitlementPages'), 'EntitlementList');
const EntitlementShow = lazyPage(() => import('./EntitlementPages'), 'EntitlementShow');
const ToolCreate = lazyPage(() => import('./ToolEdit'), 'ToolCreate');
const ToolEdit = lazyPage(() => import('./ToolEdit'), 'ToolEdit');
const ToolList = lazyPage(() => import('./ToolList'), 'ToolList');
const ToolShow = lazyPage(() => import('./ToolShow'), 'ToolShow');

/** The tools catalog: read with platform:tool:read, created and edited (schema editor, form preview) with platform:tool:manage. */
export const tools = defineAdminResource<ToolRecord>({
  name: RESOURCES.tools,
  label: 'Tools',
  provider: createToolsProvider,
  access: { list: 'platform:tool:read', show: 'platform:tool:read', edit: 'platform:tool:manage', create: 'platform:tool:manage' },
  list: ToolList,
  show: ToolShow,
  edit: ToolEdit,
  create: ToolCreate,
  icon: BuildOutlined,
  recordRepresentation: 'name',
});

/** Tenants' entitlements: read with platform:entitlement:read, granted and revoked with platform:entitlement:manage. */
export const entitlements = defineAdminResource<EntitlementRecord>({
  name: RESOURCES.entitlements,
  label: 'Entitlements',
  provider: createEntitlementsProvider,
  access: { list: 'platform:entitlement:read', show: 'platform:entitlement:read', create: 'platform:entitlement:manage' },
  operations: { revoke: 'platform:entitlement:manage' },
  list: EntitlementList,
  show: EntitlementShow,
  create: EntitlementCreate,
  icon: VerifiedOutlined,
  recordRepresentation: (e) => `${e.tool?.name ?? e.feature ?? 'Entitlement'} · ${e.tenant?.name ?? ''}`,
});
