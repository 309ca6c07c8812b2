import { toGlobalId } from '../../common/global-id';
import type { Incident } from '../incidents/incident.entity';
import type { KycCase } from '../kyc/kyc-case.entity';
import type { AutomationRun } from '../runs/run.entity';
import type { TicketComment } from '../tickets/ticket-comment.entity';
import { type Ticket, TicketPriority } from '../tickets/ticket.entity';

/**
 * The event types an endpoint can subscribe to, and the `data` each one carries. Ids are global
 * ids (the ones the GraphQL API takes); nothing secret is ever in a payload. Every body is
 * `{ type, timestamp, data }`.
 */
export const WEBHOOK_EVENT_TYPES = [
  'ticket.created',
  'ticket.updated',
  'ticket.comment.created',
  'run.succeeded',
  'run.failed',
  'kyc.case.updated',
  'incident.updated',
  'member.added',
  'member.removed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The type of sendTestWebhook's event: not subscribable, sent to the one endpoint asked. */
export const TEST_EVENT_TYPE = 'webhook.test';

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** A ticket as partners see it (ticket.created, ticket.updated). */
export function ticketData(ticket: Ticket): Record<string, unknown> {
  return {
    id: toGlobalId('Ticket', ticket.id),
    number: ticket.number,
    subject: ticket.subject,
    body: ticket.body,
    status: ticket.status,
    priority: TicketPriority[ticket.priority],
    requesterId: toGlobalId('User', ticket.requester.id),
    assigneeId: ticket.assignee ? toGlobalId('User', ticket.assignee.id) : null,
    correlationId: ticket.correlationId ?? null,
    createdAt: iso(ticket.createdAt),
  };
}

export function ticketCommentData(comment: TicketComment, ticket: Pick<Ticket, 'id' | 'number' | 'subject'>): Record<string, unknown> {
  return {
    comment: {
      id: toGlobalId('TicketComment', comment.id),
      body: comment.body,
      authorId: toGlobalId('User', comment.author.id),
      createdAt: iso(comment.createdAt),
      // An internal note (the tenant's agents only): a partner showing comments to customers must skip it.
      internal: comment.internal,
      fromSupport: comment.fromSupport,
    },
    ticket: { id: toGlobalId('Ticket', ticket.id), number: ticket.number, subject: ticket.subject },
  };
}

/** A finished run (run.succeeded with its output, run.failed with its error). */
export function runData(run: AutomationRun): Record<string, unknown> {
  return {
    run: {
      id: toGlobalId('AutomationRun', run.id),
      toolId: toGlobalId('Tool', run.tool.id),
      status: run.status,
      trigger: run.trigger,
      attempts: run.attempts,
      ticketId: run.ticket ? toGlobalId('Ticket', run.ticket.id) : null,
      output: run.output ?? null,
      error: run.error ?? null,
      correlationId: run.correlationId,
      startedAt: iso(run.startedAt),
      finishedAt: iso(run.finishedAt),
    },
  };
}

/** A KYC case's state after a change: what the customer sees, no personal details and no internal review. */
export function kycCaseData(kycCase: KycCase, change: { action: string; from: string }): Record<string, unknown> {
  return {
    case: {
      id: toGlobalId('KycCase', kycCase.id),
      subjectKind: kycCase.subjectKind,
      status: kycCase.status,
      submittedAt: iso(kycCase.submittedAt),
      decidedAt: iso(kycCase.decidedAt),
      customerMessage: kycCase.customerMessage ?? null,
    },
    previousStatus: change.from,
    action: change.action,
  };
}

/** An incident as its affected customers see it. */
export function incidentData(incident: Incident, change: { kind: 'opened' | 'status_changed' | 'note_added'; previousStatus?: string; note?: string }): Record<string, unknown> {
  return {
    incident: {
      id: toGlobalId('Incident', incident.id),
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      summary: incident.summary,
      mitigatedAt: iso(incident.mitigatedAt),
      resolvedAt: iso(incident.resolvedAt),
    },
    change: change.kind,
    previousStatus: change.previousStatus ?? null,
    note: change.note ?? null,
  };
}

export function memberData(m: { membershipId: string; userId: string; role: string; email?: string; name?: string }, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    membership: {
      id: toGlobalId('Membership', m.membershipId),
      userId: toGlobalId('User', m.userId),
      role: m.role,
      ...(m.email !== undefined ? { email: m.email } : {}),
      ...(m.name !== undefined ? { name: m.name } : {}),
    },
    ...extra,
  };
}
