import TimelineOutlined from '@mui/icons-material/TimelineOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createSystemEventsProvider, type SystemEventRecord } from '../providers/systemEvents.provider';
import { RESOURCES } from '../resource-names';

const SystemEventList = lazyPage(() => import('./SystemEventList'), 'SystemEventList');
const SystemEventShow = lazyPage(() => import('./SystemEventShow'), 'SystemEventShow');

/** The events explorer (platform:event:read); `trace` opens a request's whole chain (platform:correlation:read). */
export const systemEvents = defineAdminResource<SystemEventRecord>({
  name: RESOURCES.systemEvents,
  label: 'System events',
  provider: createSystemEventsProvider,
  access: { list: 'platform:event:read', show: 'platform:event:read' },
  operations: { trace: 'platform:correlation:read' },
  list: SystemEventList,
  show: SystemEventShow,
  icon: TimelineOutlined,
  recordRepresentation: 'type',
});
