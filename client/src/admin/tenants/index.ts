import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import type { ResourceProps } from 'react-admin';
import { RESOURCES } from '../providers/resources';
import { TenantList } from './TenantList';
import { TenantShow } from './TenantShow';

/** Customer organisations: read-only list and a page per tenant (members, tickets, flags, activity). */
export const tenants: ResourceProps = {
  name: RESOURCES.tenants,
  list: TenantList,
  show: TenantShow,
  icon: BusinessOutlined,
  recordRepresentation: 'name',
  options: { label: 'Tenants' },
};
