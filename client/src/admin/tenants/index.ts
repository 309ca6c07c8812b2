import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createTenantsProvider, type TenantRecord } from '../providers/tenants.provider';
import { RESOURCES } from '../resource-names';

const TenantCreate = lazyPage(() => import('./TenantCreate'), 'TenantCreate');
const TenantList = lazyPage(() => import('./TenantList'), 'TenantList');
const TenantShow = lazyPage(() => import('./TenantShow'), 'TenantShow');

/**
 * Customer organisations: the list, a page per tenant (members, invitations, roles, tickets,
 * flags, activity) and, for platform:tenant:manage, creating one (its owner is invited by mail).
 */
export const tenants = defineAdminResource<TenantRecord>({
  name: RESOURCES.tenants,
  label: 'Tenants',
  provider: createTenantsProvider,
  access: { list: 'platform:tenant:read', show: 'platform:tenant:read', create: 'platform:tenant:manage' },
  operations: { resendInvitation: 'platform:member:manage', revokeInvitation: 'platform:member:manage', manageRoles: 'platform:role:manage' },
  list: TenantList,
  show: TenantShow,
  create: TenantCreate,
  icon: BusinessOutlined,
  recordRepresentation: 'name',
});
