import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import { NotificationKind } from './notification.entity';
import { type CommentVisibility, INCIDENT_RECIPIENT_PERMISSIONS, membersHolding, notify, ticketReplyRecipients } from './notify';

/*
 * What each module tells notify(), in one place: who hears of what, with which words and link.
 * Each is called by the owning service inside the transaction of the change. Links are portal
 * paths (the recipients are tenant members); they match client/src/portal/urls.ts.
 */

const portal = {
  ticket: (id: string) => `/tickets/${encodeURIComponent(toGlobalId('Ticket', id))}`,
  run: (id: string) => `/runs/${encodeURIComponent(toGlobalId('AutomationRun', id))}`,
  kycCase: (id: string) => `/kyc/${encodeURIComponent(toGlobalId('KycCase', id))}`,
  incident: (id: string) => `/incidents/${encodeURIComponent(toGlobalId('Incident', id))}`,
  team: () => '/team',
};

interface TicketFacts {
  id: string;
  tenantId: string;
  number: number;
  subject: string;
  requesterId: string;
  assigneeId: string | null;
}

/** The ticket was assigned to `assigneeId` by `actorId` (nobody hears of assigning themselves). */
export async function notifyTicketAssigned(em: EntityManager, ticket: TicketFacts, assigneeId: string, actorId: string | null): Promise<void> {
  const [member] = await membersHolding(em, ticket.tenantId, [assigneeId], ['ticket:read']);
  await notify(em, {
    kind: NotificationKind.TICKET_ASSIGNED,
    recipients: [member],
    actorId,
    tenantId: ticket.tenantId,
    title: `Ticket #${ticket.number} was assigned to you`,
    body: ticket.subject,
    url: portal.ticket(ticket.id),
    subject: { ticketId: ticket.id },
  });
}

/**
 * A comment was added to the ticket: its requester, assignee and earlier commenters hear of it,
 * never its author. `visibility` INTERNAL (a staff-side note) reaches only those who work tickets.
 */
export async function notifyTicketReply(
  em: EntityManager,
  ticket: TicketFacts,
  comment: { authorId: string; authorName: string; body: string; visibility: CommentVisibility },
): Promise<void> {
  const recipients = await ticketReplyRecipients(em, ticket, comment.authorId, comment.visibility);
  await notify(em, {
    kind: NotificationKind.TICKET_REPLY,
    recipients,
    actorId: comment.authorId,
    tenantId: ticket.tenantId,
    title: `${comment.authorName} replied on #${ticket.number}: ${ticket.subject}`,
    body: comment.body,
    url: portal.ticket(ticket.id),
    subject: { ticketId: ticket.id },
  });
}

/** A run failed for good: whoever started it hears of it (a run started by a message or schedule has nobody). */
export async function notifyRunFailed(em: EntityManager, run: { id: string; tenantId: string; requestedById: string | null; toolName: string; error: string | null }): Promise<void> {
  if (!run.requestedById) return;
  await notify(em, {
    kind: NotificationKind.RUN_FAILED,
    recipients: [run.requestedById],
    tenantId: run.tenantId,
    title: `Your ${run.toolName} run failed`,
    body: run.error ?? '',
    url: portal.run(run.id),
    subject: { runId: run.id },
  });
}

/** Staff asked for more information on, or decided, a KYC case: whoever filed it hears of it. */
export async function notifyKycCase(
  em: EntityManager,
  kycCase: { id: string; tenantId: string; createdById: string; subjectName: string; customerMessage: string | null },
  outcome: 'NEEDS_INFO' | 'APPROVED' | 'REJECTED',
  actorId: string | null,
): Promise<void> {
  const needsInfo = outcome === 'NEEDS_INFO';
  await notify(em, {
    kind: needsInfo ? NotificationKind.KYC_INFORMATION_REQUESTED : NotificationKind.KYC_DECIDED,
    recipients: [kycCase.createdById],
    actorId,
    tenantId: kycCase.tenantId,
    title: needsInfo ? `More information is needed for the KYC case of ${kycCase.subjectName}` : `The KYC case of ${kycCase.subjectName} was ${outcome === 'APPROVED' ? 'approved' : 'rejected'}`,
    body: kycCase.customerMessage ?? '',
    url: portal.kycCase(kycCase.id),
    subject: { kycCaseId: kycCase.id },
  });
}

/**
 * An incident affecting these tenants was opened or changed state: in each, the members who hold
 * incident:read and event:read (owners, admins and agents by default: those who act on operational
 * state; members and viewers see the portal's incident banner instead), at most MAX_RECIPIENTS each.
 */
export async function notifyIncidentChanged(
  em: EntityManager,
  incident: { id: string; title: string; status: string },
  tenantIds: readonly string[],
  change: 'opened' | 'status',
  actorId: string | null,
): Promise<void> {
  for (const tenantId of tenantIds) {
    const recipients = await membersHolding(em, tenantId, null, INCIDENT_RECIPIENT_PERMISSIONS);
    await notify(em, {
      kind: NotificationKind.INCIDENT_CHANGED,
      recipients,
      actorId,
      tenantId,
      title: change === 'opened' ? `Incident opened: ${incident.title}` : `Incident ${incident.status.toLowerCase()}: ${incident.title}`,
      body: change === 'opened' ? 'An incident affecting your organisation was opened.' : `It is now ${incident.status}.`,
      url: portal.incident(incident.id),
      subject: { incidentId: incident.id },
    });
  }
}

/** Someone accepted an invitation: whoever sent it hears of it. */
export async function notifyInvitationAccepted(em: EntityManager, invitation: { tenantId: string; invitedById: string | null; tenantName: string }, joined: { id: string; name: string }): Promise<void> {
  if (!invitation.invitedById) return;
  await notify(em, {
    kind: NotificationKind.INVITATION_ACCEPTED,
    recipients: [invitation.invitedById],
    actorId: joined.id,
    tenantId: invitation.tenantId,
    title: `${joined.name} accepted your invitation to ${invitation.tenantName}`,
    url: portal.team(),
  });
}
