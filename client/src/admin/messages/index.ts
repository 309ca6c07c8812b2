import MoveToInboxOutlined from '@mui/icons-material/MoveToInboxOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createMessagesProvider, type MessageRecord } from '../providers/runs.provider';
import { RESOURCES } from '../resource-names';

const MessageList = lazyPage(() => import('./MessageList'), 'MessageList');
const MessageShow = lazyPage(() => import('./MessageShow'), 'MessageShow');

/** Inbound messages of every tenant with their outcome (read-only). */
export const messages = defineAdminResource<MessageRecord>({
  name: RESOURCES.messages,
  label: 'Inbound messages',
  provider: createMessagesProvider,
  access: { list: 'platform:message:read', show: 'platform:message:read' },
  list: MessageList,
  show: MessageShow,
  icon: MoveToInboxOutlined,
  recordRepresentation: (m) => m.subject ?? m.sender ?? 'Message',
});
