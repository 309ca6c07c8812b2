import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import { defineAdminResource } from '../admin-resource';
import { createMembershipsProvider, type MembershipRecord } from '../providers/memberships.provider';
import { RESOURCES } from '../resource-names';
import { MembershipEdit } from './MembershipEdit';
import { MembershipList } from './MembershipList';
import { MembershipShow } from './MembershipShow';

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
