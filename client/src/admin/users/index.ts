import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import type { ResourceProps } from 'react-admin';
import { RESOURCES } from '../providers/resources';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

/** Every account: read-only list and a page per user (memberships, tickets, their actions). */
export const users: ResourceProps = {
  name: RESOURCES.users,
  list: UserList,
  show: UserShow,
  icon: PeopleAltOutlined,
  recordRepresentation: 'name',
  options: { label: 'Users' },
};
