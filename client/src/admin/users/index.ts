import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createUsersProvider, type UserRecord } from '../providers/users.provider';
import { RESOURCES } from '../resource-names';

const UserList = lazyPage(() => import('./UserList'), 'UserList');
const UserShow = lazyPage(() => import('./UserShow'), 'UserShow');

/**
 * Every account: the list and a page per user (status, memberships, sessions, tickets, their
 * actions). Staff with platform:user:manage end a user's sessions and deactivate or reactivate them.
 */
export const users = defineAdminResource<UserRecord>({
  name: RESOURCES.users,
  label: 'Users',
  provider: createUsersProvider,
  access: { list: 'platform:user:read', show: 'platform:user:read' },
  operations: { revokeSessions: 'platform:user:manage', deactivate: 'platform:user:manage', reactivate: 'platform:user:manage' },
  list: UserList,
  show: UserShow,
  icon: PeopleAltOutlined,
  recordRepresentation: 'name',
});
