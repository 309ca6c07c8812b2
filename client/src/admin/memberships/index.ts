import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createMembershipsProvider, type MembershipRecord } from '../providers/memberships.provider';
import { RESOURCES } from '../resource-names';

const MembershipEdit = lazyPage(() => import('./MembershipEdit'), 'MembershipEdit');
const MembershipList = lazyPage(() => import('./MembershipList'), 'MembershipList');
const MembershipShow = lazyPage(() => import('./MembershipShow'), 'MembershipShow');

/** Users' memberships of tenants; staff with platform:member:manage change roles. */
export const memberships = defineAdminResource<MembershipRecord>({
  name: RESOURCES.memberships,
  label: 'Memberships',
  provider: createMembershipsProvider,
  access: { list: 'platform:tenant:read', show: 'platform:tenant:read', edit: 'platform:member:manage' },
  list: MembershipList,
  show: MembershipShow,
  edit: MembershipEdit,
  icon: BadgeOutlined,
  recordRepresentation: (m) => `${m.user?.name ?? ''} at ${m.tenant?.name ?? ''}`,
});
