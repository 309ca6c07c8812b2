import { defineAccess } from '../../permissions/access';
import type { SystemEvent } from './system-event.entity';

/** System events: members with event:read see their tenant's; staff with platform:event:read see all. */
export const systemEventAccess = defineAccess<SystemEvent>({ type: 'SystemEvent', tenant: 'event:read', platform: 'platform:event:read' });
