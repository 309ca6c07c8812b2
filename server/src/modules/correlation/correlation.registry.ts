import { runCorrelationItems } from '../automation/run.correlation';
import { messageCorrelationItems } from '../messages/message.correlation';
import { auditCorrelationItems, eventCorrelationItems, incidentCorrelationItems, ticketCorrelationItems } from './correlation.sources';
import type { CorrelationSource } from './correlation.types';

/**
 * Every kind of thing that carries a correlation id. Adding one is one line here.
 */
export const CORRELATION_SOURCES: readonly CorrelationSource[] = [
  eventCorrelationItems,
  ticketCorrelationItems,
  incidentCorrelationItems,
  auditCorrelationItems,
  messageCorrelationItems,
  runCorrelationItems,
];
