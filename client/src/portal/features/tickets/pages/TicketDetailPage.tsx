import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useSubscription } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { graphql } from '../../../../gql';
import type { TicketPriority, TicketStatus, UpdateTicketInput } from '../../../../gql/graphql';
import { errorCodeOf, messageOf } from '../../../../shared/errors';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { useSession } from '../../../../shared/session';
import { useCrumbLabel } from '../../../../shared/ui/layout/Breadcrumbs';
import { EmptyState, ErrorState } from '../../../../shared/ui/StateViews';
import { urls } from '../../../urls';
import { CorrelationLink } from '../../trace/components/CorrelationLink';
import { TicketIncidentChips } from '../../incidents/components/TicketIncidentChips';
import { TicketAttachments } from '../components/TicketAttachments';
import { TicketComments } from '../components/TicketComments';
import { TicketPriorityLabel, TicketStatusChip } from '../components/TicketChips';
import { appendCommentToCache, useUpdateTicket } from '../hooks/useTicketMutations';
import { PRIORITY_LABEL, STATUS_LABEL, TICKET_PRIORITIES, TICKET_STATUSES } from '../ticketLabels';

const TICKET_DETAIL_QUERY = graphql(`
  query TicketDetail($id: ID!, $commentsBefore: String) {
    ticket(id: $id) {
      id
      number
      subject
      body
      status
      priority
      version
      createdAt
      updatedAt
      correlationId
      requester {
        id
        name
        email
      }
      assignee {
        id
        name
      }
      ...TicketAttachmentsSection
      # The newest comments; earlier ones load on demand (the cache prepends them).
      comments(last: 30, before: $commentsBefore) {
        totalCount
        pageInfo {
          hasPreviousPage
          startCursor
        }
        nodes {
          id
          ...TicketCommentItem
        }
      }
    }
  }
`);

/**
 * This ticket's changes as they happen (another person's comment, a status change, a file added
 * or removed): the ticket's fields land in the cache by id, a new comment is appended to the
 * conversation shown.
 */
const TICKET_LIVE_SUBSCRIPTION = graphql(`
  subscription TicketLive($id: ID!) {
    ticketChanged(id: $id) {
      kind
      ticket {
        id
        status
        priority
        version
        updatedAt
        assignee {
          id
          name
        }
        attachments {
          id
          ...TicketAttachmentItem
        }
      }
      comment {
        id
        ...TicketCommentItem
      }
    }
  }
`);

/** People a ticket can be assigned to: members of the tenant who can work tickets (needs member:read). */
const TICKET_ASSIGNEES_QUERY = graphql(`
  query TicketAssignees {
    memberships(first: 100, filter: { permission: "ticket:write" }) {
      nodes {
        id
        user {
          id
          name
        }
        role {
          id
          name
        }
      }
    }
  }
`);

/** A labelled value; editable controls carry their own label instead (`bare`). */
function Field({ label, bare, children }: { label: string; bare?: boolean; children: ReactNode }) {
  return (
    <Box>
      {!bare && (
        <Typography variant="overline" color="text.secondary" sx={{ display: 'block', lineHeight: 1.8 }}>
          {label}
        </Typography>
      )}
      {children}
    </Box>
  );
}

export function TicketDetailPage() {
  const { ticketId = '' } = useParams();
  const session = useSession();
  const { data, loading, error, refetch, fetchMore } = useQuery(TICKET_DETAIL_QUERY, { variables: { id: ticketId }, notifyOnNetworkStatusChange: true });
  // Live: new comments and status changes show without reloading (the page reads the ticket again).
  useSubscription(TICKET_LIVE_SUBSCRIPTION, {
    variables: { id: ticketId },
    skip: !data?.ticket,
    // Refetching would replace the conversation with its newest page (dropping earlier comments
    // the user loaded): the change is written into the cache instead.
    onData: ({ client, data: live }) => {
      const comment = live.data?.ticketChanged.comment;
      if (comment) appendCommentToCache(client.cache, ticketId, comment.id);
    },
  });
  const canWrite = session.can('ticket:write');
  const canAssign = session.can('ticket:assign');
  const canComment = session.can('ticket:comment');
  const assignees = useQuery(TICKET_ASSIGNEES_QUERY, { skip: !canAssign });
  const [updateTicket, update] = useUpdateTicket();
  const [conflict, setConflict] = useState(false);
  const [updateError, setUpdateError] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const ticket = data?.ticket;
  useCrumbLabel(ticket ? `#${ticket.number} ${ticket.subject}` : null);

  if (!ticket) {
    if (loading) {
      return (
        <Box aria-busy>
          <Skeleton variant="text" width="50%" height={48} />
          <Skeleton variant="rounded" height={180} sx={{ mt: 2 }} />
        </Box>
      );
    }
    if (error && errorCodeOf(error) !== 'NOT_FOUND') return <ErrorState message={messageOf(error)} onRetry={() => void refetch()} />;
    return (
      <EmptyState
        title="Ticket not found"
        description="It may have been removed, or it belongs to another organisation."
        action={
          <Button component={RouterLink} to={urls.tickets()} variant="contained">
            Back to tickets
          </Button>
        }
      />
    );
  }

  const showEarlier = async () => {
    setEarlier({ loading: true, error: null });
    try {
      await fetchMore({ variables: { commentsBefore: ticket.comments.pageInfo.startCursor } });
      setEarlier({ loading: false, error: null });
    } catch (err) {
      setEarlier({ loading: false, error: messageOf(err instanceof Error ? err : null) });
    }
  };

  const change = async (patch: Omit<UpdateTicketInput, 'id' | 'version'>) => {
    setUpdateError(null);
    try {
      await updateTicket({ variables: { input: { id: ticket.id, version: ticket.version, ...patch } } });
    } catch (err) {
      const e = err instanceof Error ? err : null;
      if (errorCodeOf(e) === 'CONFLICT') setConflict(true);
      else setUpdateError(messageOf(e));
    }
  };

  // As the server decides: ticket:write changes the tickets you raised or are assigned; anyone
  // else's needs ticket:assign. Others see the values, not controls they cannot use.
  const meId = session.me?.user.id;
  const canEdit = canAssign || (canWrite && meId !== undefined && (ticket.requester.id === meId || ticket.assignee?.id === meId));

  const reload = async () => {
    await refetch();
    setConflict(false);
  };

  return (
    <Box>
      {conflict && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          role="alert"
          action={
            <Button color="inherit" size="small" onClick={() => void reload()} variant="outlined">
              Reload ticket
            </Button>
          }
        >
          Someone else changed this ticket since you opened it, so your change was not saved. Reload to see their changes, then try again.
        </Alert>
      )}
      {updateError && (
        <Alert severity="error" sx={{ mb: 2 }} role="alert" onClose={() => setUpdateError(null)}>
          {updateError}
        </Alert>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
          Ticket #{ticket.number}
        </Typography>
        <TicketStatusChip status={ticket.status} />
      </Box>
      <Typography variant="h1" sx={{ mb: 3, overflowWrap: 'anywhere' }}>
        {ticket.subject}
      </Typography>
      <TicketIncidentChips ticketId={ticket.id} />

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 320px' }, gap: 3, alignItems: 'start' }}>
        <Stack spacing={4} sx={{ minWidth: 0 }}>
          <Paper variant="outlined" sx={{ p: 3, borderRadius: 3 }}>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
              {ticket.requester.name} opened this {timeAgo(ticket.createdAt)}
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-wrap', lineHeight: 1.65 }}>{ticket.body}</Typography>
          </Paper>
          <TicketAttachments ticket={ticket} meId={meId} canAttach={canComment} canManage={canAssign} store={session.store} />
          <TicketComments
            ticketId={ticket.id}
            comments={ticket.comments.nodes}
            total={ticket.comments.totalCount}
            earlier={ticket.comments.pageInfo.hasPreviousPage ? { ...earlier, onShow: () => void showEarlier() } : null}
            canComment={canComment}
            canAddNotes={canAssign}
          />
        </Stack>

        <Paper variant="outlined" sx={{ p: 2.5, borderRadius: 3, position: { lg: 'sticky' }, top: { lg: 88 } }} component="aside" aria-label="Ticket details">
          <Stack spacing={2.25}>
            <Field label="Status" bare={canEdit}>
              {canEdit ? (
                <TextField
                  select
                  fullWidth
                  value={ticket.status}
                  disabled={update.loading || conflict}
                  onChange={(e) => void change({ status: e.target.value as TicketStatus })}
                  label="Status"
                >
                  {TICKET_STATUSES.map((s) => (
                    <MenuItem key={s} value={s}>
                      {STATUS_LABEL[s]}
                    </MenuItem>
                  ))}
                </TextField>
              ) : (
                <TicketStatusChip status={ticket.status} />
              )}
            </Field>
            <Field label="Priority" bare={canEdit}>
              {canEdit ? (
                <TextField
                  select
                  fullWidth
                  value={ticket.priority}
                  disabled={update.loading || conflict}
                  onChange={(e) => void change({ priority: e.target.value as TicketPriority })}
                  label="Priority"
                >
                  {TICKET_PRIORITIES.map((p) => (
                    <MenuItem key={p} value={p}>
                      {PRIORITY_LABEL[p]}
                    </MenuItem>
                  ))}
                </TextField>
              ) : (
                <TicketPriorityLabel priority={ticket.priority} />
              )}
            </Field>
            <Field label="Assignee" bare={canAssign && Boolean(assignees.data)}>
              {canAssign && assignees.data ? (
                <TextField
                  select
                  fullWidth
                  value={ticket.assignee?.id ?? ''}
                  disabled={update.loading || conflict}
                  onChange={(e) => void change({ assigneeId: e.target.value || null })}
                  label="Assignee"
                  slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                >
                  <MenuItem value="">
                    <em>Unassigned</em>
                  </MenuItem>
                  {assignees.data.memberships.nodes.map((m) => (
                    <MenuItem key={m.user.id} value={m.user.id}>
                      {m.user.name}
                      <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                        {m.role.name}
                      </Typography>
                    </MenuItem>
                  ))}
                </TextField>
              ) : (
                <Typography>{ticket.assignee?.name ?? 'Unassigned'}</Typography>
              )}
            </Field>
            <Divider />
            <Field label="Requester">
              <Typography>{ticket.requester.name}</Typography>
              <Typography variant="body2" color="text.secondary">
                {ticket.requester.email}
              </Typography>
            </Field>
            <Field label="Created">
              <Typography variant="body2">{formatDateTime(ticket.createdAt)}</Typography>
            </Field>
            <Field label="Last updated">
              <Typography variant="body2">{formatDateTime(ticket.updatedAt)}</Typography>
            </Field>
            {ticket.correlationId && (
              <Field label="Request id">
                <CorrelationLink id={ticket.correlationId} />
              </Field>
            )}
          </Stack>
        </Paper>
      </Box>
    </Box>
  );
}
