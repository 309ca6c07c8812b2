import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What a change tells open screens. Events carry ids only: each subscriber's delivery reads the
 * entity again with the subscriber's own context, so tenant scoping, permission rules and row
 * policies decide what (if anything) it receives, exactly as for a query.
 */
export type RealtimeEvent =
  | { readonly type: 'ticket'; readonly tenantId: string; readonly ticketId: string; readonly kind: 'CREATED' | 'UPDATED' | 'COMMENTED'; readonly commentId?: string }
  | { readonly type: 'run'; readonly tenantId: string; readonly runId: string }
  | { readonly type: 'incident'; readonly incidentId: string; readonly tenantIds: readonly string[] }
  | { readonly type: 'notification'; readonly userId: string; readonly notificationId: string };

/**
 * Stages `event` in `em`'s transaction: it is published after that transaction commits (to every
 * instance, through Redis when REDIS_URL is set) and never when it rolls back. Call it next to the
 * change it describes, inside the same transaction.
 *
 * (Placeholder until the realtime module lands: the publisher is wired by modules/realtime.)
 */
export function stageRealtimeEvent(em: EntityManager, event: RealtimeEvent): void {
  void em;
  void event;
}
