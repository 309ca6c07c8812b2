import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions } from '../../context/scope';
import { CORRELATION_SOURCE_LIMIT } from '../correlation/correlation.types';
import type { CorrelationItem } from '../correlation/correlation.types';
import { InboundMessage } from './message.entity';

/**
 * The inbound messages sharing a correlation id, oldest first: the caller's tenant only, or every
 * tenant for platform staff (scopeOptions). Nothing for callers who may not read messages, or who
 * act in no tenant without platform scope. `node` is the InboundMessage itself.
 */
export async function messageCorrelationItems(ctx: Context, correlationId: string): Promise<CorrelationItem[]> {
  if (!ctx.permissions.has('message:read') && !ctx.permissions.has('platform:message:read')) return [];
  if (!ctx.tenantId && !isPlatformScope(ctx)) return [];
  const messages = await ctx.em.find(InboundMessage, { correlationId }, { ...scopeOptions(ctx), orderBy: { receivedAt: 'ASC', id: 'ASC' }, limit: CORRELATION_SOURCE_LIMIT + 1 });
  return messages.map((m) => ({
    at: m.receivedAt,
    kind: 'MESSAGE',
    title: `${m.channel} message from ${m.sender}${m.subject ? `: ${m.subject}` : ''} (${String(m.status).toLowerCase()})`,
    node: m,
  }));
}
