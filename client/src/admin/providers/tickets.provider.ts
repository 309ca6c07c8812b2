import type { ApolloClient } from '@apollo/client';
import type { SortPayload } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { TicketFilter, TicketOrder, TicketPriority, TicketStatus, UpdateTicketInput } from '../../gql/graphql';
import { runMutation, runQuery } from './graphql';
import { compact, createResourceProvider, listFilter, listResultOf, nodesOfType, orderOf, type ResourceProvider, textFilter } from './resource-provider';

export const TICKET_STATUSES = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const satisfies readonly TicketStatus[];
export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const satisfies readonly TicketPriority[];

const TICKET_FIELDS = graphql(`
  fragment AdminTicketFields on Ticket {
    id
    number
    subject
    status
    priority
    version
    createdAt
    updatedAt
    correlationId
    tenant {
      id
      slug
      name
    }
    requester {
      id
      name
      email
    }
    assignee {
      id
      name
      email
    }
  }
`);

const TICKET_DETAIL_FIELDS = graphql(`
  fragment AdminTicketDetailFields on Ticket {
    body
    comments(first: 50) {
      totalCount
      nodes {
        id
        body
        createdAt
        internal
        fromSupport
        authorName
        author {
          id
          name
          email
        }
      }
    }
    attachments {
      id
      filename
      contentType
      size
      sha256
      internal
      fromSupport
      uploaderName
      uploadedBy {
        id
        name
        email
      }
      downloadPath
      createdAt
    }
    attachmentUpload {
      path
      maxBytes
      contentTypes
      maxFiles
    }
  }
`);

export const ADMIN_TICKETS_QUERY = graphql(`
  query AdminTickets($first: Int, $offset: Int, $filter: TicketFilter, $orderBy: TicketOrder) {
    tickets(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        ...AdminTicketFields
      }
    }
  }
`);

export const ADMIN_TICKET_QUERY = graphql(`
  query AdminTicket($id: ID!) {
    ticket(id: $id) {
      ...AdminTicketFields
      ...AdminTicketDetailFields
    }
  }
`);

export const ADMIN_TICKETS_BY_IDS_QUERY = graphql(`
  query AdminTicketsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Ticket {
        ...AdminTicketFields
      }
    }
  }
`);

export const ADMIN_UPDATE_TICKET_MUTATION = graphql(`
  mutation AdminUpdateTicket($input: UpdateTicketInput!) {
    updateTicket(input: $input) {
      ...AdminTicketFields
      ...AdminTicketDetailFields
    }
  }
`);

interface Person {
  id: string;
  name: string;
  email: string;
}

export interface TicketComment {
  id: string;
  body: string;
  createdAt: string;
  /** An internal note: the tenant's agents and staff see it, customers never. */
  internal: boolean;
  /** Written by Atrium support from the back office. */
  fromSupport: boolean;
  author: Person | null;
  authorName: string;
}

/** A file attached to a ticket; staff see internal ones and who uploaded each. */
export interface TicketAttachmentRecord {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Only the tenant's agents and Atrium staff see it; customers never do. */
  internal: boolean;
  /** Attached by Atrium support: customers see "Atrium support" as the uploader. */
  fromSupport: boolean;
  uploaderName: string;
  uploadedBy: Person | null;
  /** GET with the bearer token (fetchAdminFile); a plain link cannot open it. */
  downloadPath: string;
  createdAt: string;
}

/** Where and what to upload to a ticket (Ticket.attachmentUpload). */
export interface TicketAttachmentUploadRules {
  path: string;
  maxBytes: number;
  contentTypes: string[];
  /** The most files one ticket holds; one more is refused (CONFLICT ATTACHMENT_LIMIT). */
  maxFiles: number;
}

/** A ticket as the back office shows it; `tenantId`/`assigneeId` are what filters and inputs edit. */
export interface TicketRecord {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  version: number;
  createdAt: string;
  updatedAt: string;
  correlationId: string | null;
  tenantId: string;
  tenant: { id: string; slug: string; name: string };
  requester: Person;
  assignee: Person | null;
  assigneeId: string | null;
  /** Only on getOne and update. */
  body?: string;
  comments?: TicketComment[];
  commentCount?: number;
  attachments?: TicketAttachmentRecord[];
  attachmentUpload?: TicketAttachmentUploadRules;
}

function toTicketRecord(ref: FragmentType<typeof TICKET_FIELDS>, detailRef?: FragmentType<typeof TICKET_DETAIL_FIELDS>): TicketRecord {
  const t = getFragmentData(TICKET_FIELDS, ref);
  const record: TicketRecord = {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    correlationId: t.correlationId ?? null,
    tenantId: t.tenant.id,
    tenant: { id: t.tenant.id, slug: t.tenant.slug, name: t.tenant.name },
    requester: { id: t.requester.id, name: t.requester.name, email: t.requester.email },
    assignee: t.assignee ? { id: t.assignee.id, name: t.assignee.name, email: t.assignee.email } : null,
    assigneeId: t.assignee?.id ?? null,
  };
  if (detailRef) {
    const d = getFragmentData(TICKET_DETAIL_FIELDS, detailRef);
    record.body = d.body;
    record.commentCount = d.comments.totalCount;
    record.comments = d.comments.nodes.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      internal: c.internal,
      fromSupport: c.fromSupport,
      authorName: c.authorName,
      author: c.author ? { id: c.author.id, name: c.author.name, email: c.author.email } : null,
    }));
    record.attachments = d.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      internal: a.internal,
      fromSupport: a.fromSupport,
      uploaderName: a.uploaderName,
      uploadedBy: a.uploadedBy ? { id: a.uploadedBy.id, name: a.uploadedBy.name, email: a.uploadedBy.email } : null,
      downloadPath: a.downloadPath,
      createdAt: a.createdAt,
    }));
    const u = d.attachmentUpload;
    record.attachmentUpload = { path: u.path, maxBytes: u.maxBytes, contentTypes: [...u.contentTypes], maxFiles: u.maxFiles };
  }
  return record;
}

export const ADMIN_ADD_TICKET_COMMENT = graphql(`
  mutation AdminAddTicketComment($input: AddTicketCommentInput!) {
    addTicketComment(input: $input) {
      id
      internal
    }
  }
`);

/** Staff reply to a ticket as Atrium support, or add an internal note (customers never see it). */
export async function addTicketComment(client: ApolloClient, input: { ticketId: string; body: string; internal: boolean }): Promise<{ id: string; internal: boolean }> {
  return (await runMutation(client, ADMIN_ADD_TICKET_COMMENT, { input })).addTicketComment;
}

export const ADMIN_DELETE_TICKET_ATTACHMENT = graphql(`
  mutation AdminDeleteTicketAttachment($id: ID!) {
    deleteTicketAttachment(id: $id)
  }
`);

/** Removes a file from a ticket (staff with platform:ticket:reply; audited server-side); answers the id removed. */
export async function deleteTicketAttachment(client: ApolloClient, id: string): Promise<string> {
  return (await runMutation(client, ADMIN_DELETE_TICKET_ATTACHMENT, { id })).deleteTicketAttachment;
}

/** Columns the API can sort tickets by; the list offers sorting on these only. */
export const TICKET_SORT_FIELDS = { createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT', priority: 'PRIORITY' } as const;
export const TICKET_DEFAULT_SORT: SortPayload = { field: 'createdAt', order: 'DESC' };

/** react-admin's sort as the API's `orderBy`; a column the API cannot sort by falls back to newest first. */
export function ticketOrderOf(sort: SortPayload | undefined): TicketOrder {
  return orderOf(sort, TICKET_SORT_FIELDS, { field: 'CREATED_AT', direction: 'DESC' });
}

/** The list's filter form (q, tenantId, status, priority, assigneeId, unassigned, requesterId) as a TicketFilter. */
export function ticketFilterOf(filter: Record<string, unknown> | undefined): TicketFilter | undefined {
  const f = filter ?? {};
  const unassigned = f.unassigned === true || f.unassigned === 'true' ? true : f.unassigned === false || f.unassigned === 'false' ? false : undefined;
  return compact<TicketFilter>({
    text: textFilter(f.q),
    tenantId: textFilter(f.tenantId),
    status: listFilter(f.status, TICKET_STATUSES),
    priority: listFilter(f.priority, TICKET_PRIORITIES),
    // One or the other: the API refuses both at once.
    assigneeId: unassigned === true ? undefined : textFilter(f.assigneeId),
    unassigned,
    requesterId: textFilter(f.requesterId),
  });
}

/**
 * What an edit changed, as an UpdateTicketInput: only the fields that differ from what the form
 * loaded, with the version it loaded (a stale one answers CONFLICT). Null when nothing changed.
 */
export function ticketUpdateOf(data: Partial<TicketRecord>, previous: TicketRecord): UpdateTicketInput | null {
  const input: UpdateTicketInput = { id: previous.id, version: previous.version };
  let changed = false;
  if (data.subject !== undefined && data.subject !== previous.subject) {
    input.subject = data.subject;
    changed = true;
  }
  if (data.status !== undefined && data.status !== previous.status) {
    input.status = data.status;
    changed = true;
  }
  if (data.priority !== undefined && data.priority !== previous.priority) {
    input.priority = data.priority;
    changed = true;
  }
  if (data.assigneeId !== undefined) {
    const next = data.assigneeId || null;
    if (next !== previous.assigneeId) {
      // Explicit null unassigns.
      input.assigneeId = next;
      changed = true;
    }
  }
  return changed ? input : null;
}

/** Tickets of every tenant: read, listed by tenant, assignee or requester, and edited. */
export function createTicketsProvider(client: ApolloClient): ResourceProvider<TicketRecord> {
  return createResourceProvider<TicketRecord>({
    label: { one: 'Ticket', many: 'Tickets' },
    async list({ page, sort, filter, signal }) {
      const data = await runQuery(client, ADMIN_TICKETS_QUERY, { ...page, filter: ticketFilterOf(filter), orderBy: ticketOrderOf(sort) }, { signal });
      return listResultOf(data.tickets, (n) => toTicketRecord(n));
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_TICKET_QUERY, { id }, { signal });
      return data.ticket ? toTicketRecord(data.ticket, data.ticket) : null;
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_TICKETS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'Ticket', (n) => toTicketRecord(n));
    },
    referenceTargets: ['tenantId', 'assigneeId', 'requesterId'],
    async update({ data, previousData }) {
      const input = ticketUpdateOf(data, previousData);
      if (!input) return previousData;
      const result = await runMutation(client, ADMIN_UPDATE_TICKET_MUTATION, { input });
      return toTicketRecord(result.updateTicket, result.updateTicket);
    },
  });
}
