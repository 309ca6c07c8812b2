import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import { defineAdminResource } from '../admin-resource';
import { createUsersProvider, type UserRecord } from '../providers/users.provider';
import { RESOURCES } from '../resource-names';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

/** Every account: read-only list and a page per user (memberships, tickets, their actions). */
export const users = defineAdminResource<UserRecord>({
  name: RESOURCES.users,
  label: 'Users',
  provider: createUsersProvider,
  access: { list: 'platform:user:read', show: 'platform:user:read' },
  list: UserList,
  show: UserShow,
  icon: PeopleAltOutlined,
  recordRepresentation: 'name',
});
