import { correlationSource } from '../../common/correlation-source';
import { inboundMessageAccess } from './message.access';
import { InboundMessage } from './message.entity';

/** Inbound messages sharing a correlation id, as the caller may read them. */
export const messageCorrelationItems = correlationSource({
  kind: 'MESSAGE',
  entity: InboundMessage,
  access: inboundMessageAccess,
  at: 'receivedAt',
  title: (m) => `${m.channel} message from ${m.sender}${m.subject ? `: ${m.subject}` : ''} (${String(m.status).toLowerCase()})`,
});
