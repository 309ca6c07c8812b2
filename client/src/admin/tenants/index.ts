import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import { defineAdminResource } from '../admin-resource';
import { createTenantsProvider, type TenantRecord } from '../providers/tenants.provider';
import { RESOURCES } from '../resource-names';
import { TenantList } from './TenantList';
import { TenantShow } from './TenantShow';

/** Customer organisations: read-only list and a page per tenant (members, tickets, flags, activity). */
export const tenants = defineAdminResource<TenantRecord>({
  name: RESOURCES.tenants,
  label: 'Tenants',
  provider: createTenantsProvider,
  access: { list: 'platform:tenant:read', show: 'platform:tenant:read' },
  list: TenantList,
  show: TenantShow,
  icon: BusinessOutlined,
  recordRepresentation: 'name',
});
