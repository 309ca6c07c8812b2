import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import type { ResourceProps } from 'react-admin';
import { RESOURCES } from '../providers/resources';
import { MembershipEdit } from './MembershipEdit';
import { MembershipList } from './MembershipList';
import { MembershipShow } from './MembershipShow';

/** Users' memberships of tenants; staff with platform:member:manage change roles. */
export const memberships: ResourceProps = {
  name: RESOURCES.memberships,
  list: MembershipList,
  show: MembershipShow,
  edit: MembershipEdit,
  icon: BadgeOutlined,
  recordRepresentation: (m: { user?: { name: string }; tenant?: { name: string } }) => `${m.user?.name ?? ''} at ${m.tenant?.name ?? ''}`,
  options: { label: 'Memberships' },
};
