import { correlationSource } from '../../common/correlation-source';
import { systemEventAccess } from './event.access';
import { SystemEvent } from './system-event.entity';

/** System events sharing a correlation id, as the caller may read them. */
export const eventCorrelationItems = correlationSource({
  kind: 'EVENT',
  entity: SystemEvent,
  access: systemEventAccess,
  at: 'occurredAt',
  title: (e) => `${e.type} (${e.source}, ${e.severity})`,
});
