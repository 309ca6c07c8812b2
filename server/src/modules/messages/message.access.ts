import { defineAccess } from '../../permissions/access';
import type { InboundMessage } from './message.entity';

/** Inbound messages: members with message:read see their tenant's; staff with platform:message:read see all. */
export const inboundMessageAccess = defineAccess<InboundMessage>({ type: 'InboundMessage', tenant: 'message:read', platform: 'platform:message:read' });
