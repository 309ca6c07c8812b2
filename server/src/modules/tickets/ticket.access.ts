import { defineAccess, type ReadGrant, readGrant } from '../../permissions/access';
import type { RequestScope } from '../../context/scope';
import { sql, type SqlFragment, sqlText, tenantIs, type TenantReach } from '../../database/tenant-sql';
import type { TicketAttachment } from './ticket-attachment.entity';
import type { TicketComment } from './ticket-comment.entity';
import type { Ticket } from './ticket.entity';

/** Tickets: members with ticket:read see their tenant's; staff with platform:ticket:read see all. */
export const ticketAccess = defineAccess<Ticket>({ type: 'Ticket', tenant: 'ticket:read', platform: 'platform:ticket:read' });

/**
 * Who sees internal notes: staff reading across tenants, and inside a tenant whoever works the
 * tenant's tickets (ticket:assign: owners, admins, agents). Members and viewers (the customers
 * who raise tickets) hold ticket:write too, so it cannot be the line. Every path that reads
 * comments (the connection, counts, node/nodes, loaders, summaries) asks this one rule.
 */
export function seesInternalNotes(scope: RequestScope, grant: ReadGrant | null = readGrant(scope, ticketCommentAccess)): boolean {
  if (!grant) return false;
  if (grant.as === 'platform') return true;
  return grant.as === 'tenant' && scope.permissions.has('ticket:assign');
}

/** The rows of a table with an `internal` flag (notes, files) that a grant reaches. */
const withoutInternalUnlessAllowed = (grant: ReadGrant, scope: RequestScope) => (seesInternalNotes(scope, grant) ? {} : { internal: false });

/** Comments are read with their ticket; internal notes only by those `seesInternalNotes` lets in. */
export const ticketCommentAccess = defineAccess<TicketComment>({
  type: 'TicketComment',
  tenant: 'ticket:read',
  platform: 'platform:ticket:read',
  rows: withoutInternalUnlessAllowed,
});

/** Attachments are read with their ticket; internal ones by the same readers as internal notes (files included). */
export const ticketAttachmentAccess = defineAccess<TicketAttachment>({
  type: 'TicketAttachment',
  tenant: 'ticket:read',
  platform: 'platform:ticket:read',
  rows: withoutInternalUnlessAllowed,
});

/**
 * The same rule for raw SQL over `ticket_comments <alias>` or `ticket_attachments <alias>` (the
 * batched loaders): tenant, and internal rows only for those who see notes.
 */
export function ticketCommentRowsSql(scope: RequestScope, reach: TenantReach, alias: string): SqlFragment {
  const tenant = tenantIs(reach, alias);
  if (seesInternalNotes(scope)) return tenant;
  return sql`${tenant} and not ${sqlText(`${alias}.internal`)}`;
}
