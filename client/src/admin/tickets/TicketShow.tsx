import ForumOutlined from '@mui/icons-material/ForumOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EditButton, ListButton, Show, TopToolbar, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { type FormEvent, useState } from 'react';
import { HistoryCard } from '../auditLogs/AuditTrail';
import { RESOURCES } from '../resource-names';
import type { TicketComment, TicketRecord } from '../providers/tickets.provider';
import type { AdminDataProvider } from '../providers/dataProvider';
import { CorrelationLink } from '../ui/CorrelationLink';
import { PriorityChip, StatusChip } from '../ui/chips';
import { DetailList, SectionTitle } from '../ui/DetailList';
import { formatDateTime, formatRelative } from '../ui/format';
import { PersonAvatar, PersonCell } from '../ui/People';
import { TenantBadge } from '../ui/TenantBadge';
import { InternalChip, NOTE_BG, NOTE_BORDER } from './ticketUi';
import { TicketAttachmentsCard } from './TicketAttachments';
import { TicketTitle } from './TicketTitle';

function TicketShowActions() {
  return (
    <TopToolbar>
      <ListButton label="All tickets" />
      <EditButton variant="contained" label="Edit ticket" />
    </TopToolbar>
  );
}

function CommentRow({ c }: { c: TicketComment }) {
  return (
    <Box
      component="li"
      aria-label={c.internal ? `Internal note by ${c.authorName}` : `Comment by ${c.authorName}`}
      sx={{ display: 'flex', gap: 1.5, listStyle: 'none', ...(c.internal ? { bgcolor: NOTE_BG, borderLeft: `3px solid ${NOTE_BORDER}`, borderRadius: 1, p: 1.25 } : {}) }}
    >
      {c.author ? <PersonAvatar person={c.author} size={32} /> : <PersonAvatar person={{ id: 'support', name: c.authorName }} size={32} />}
      <Box sx={{ minWidth: 0 }}>
        <Box sx={{ display: 'flex', gap: 0.75, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" component="span">
            <strong>{c.authorName}</strong>
          </Typography>
          {c.fromSupport && <Chip size="small" label="Atrium support" color="primary" variant="outlined" />}
          {c.internal && <InternalChip label="Internal note" />}
          <Typography component="span" variant="caption" color="text.secondary" title={formatDateTime(c.createdAt)}>
            {formatRelative(c.createdAt)}
          </Typography>
        </Box>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5, overflowWrap: 'anywhere' }}>
          {c.body}
        </Typography>
      </Box>
    </Box>
  );
}

/** Staff reply as "Atrium support" (the customer sees it) or add an internal note (they never do). */
function ReplyForm({ ticket }: { ticket: TicketRecord }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    if (!body.trim()) {
      setError(internal ? 'Write the note before adding it.' : 'Write a reply before sending.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const { data } = await dataProvider.addTicketComment(RESOURCES.tickets, { ticketId: ticket.id, body: body.trim(), internal });
      notify(data.internal ? "Internal note added; the customer doesn't see it." : 'Reply sent as Atrium support.', { type: 'success' });
      setBody('');
      setInternal(false);
      refresh();
    } catch (err) {
      // The text stays in the box: nothing typed is lost.
      setError(err instanceof Error ? err.message : 'Something went wrong. Try again.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={internal ? 'Add an internal note' : 'Reply as Atrium support'}
      sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 1, ...(internal ? { bgcolor: NOTE_BG, borderRadius: 1, p: 1.5, border: `1px solid ${NOTE_BORDER}` } : {}) }}
    >
      <ToggleButtonGroup
        exclusive
        size="small"
        value={internal ? 'note' : 'reply'}
        onChange={(_e, v: string | null) => v && setInternal(v === 'note')}
        aria-label="Kind of comment"
      >
        <ToggleButton value="reply">Reply to customer</ToggleButton>
        <ToggleButton value="note">Internal note</ToggleButton>
      </ToggleButtonGroup>
      {internal && (
        <Typography variant="body2" sx={{ color: '#713f12', fontWeight: 600, display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <LockOutlined fontSize="inherit" /> Internal note — customers don&apos;t see this
        </Typography>
      )}
      <TextField
        label={internal ? 'Internal note' : 'Reply as Atrium support'}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        error={Boolean(error)}
        helperText={error ?? (internal ? "Seen by the tenant's agents and Atrium staff only." : 'The customer sees this from "Atrium support".')}
        sx={{ '& .MuiInputBase-root': { bgcolor: '#fff' } }}
      />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button type="submit" variant="contained" disabled={saving}>
          {saving ? 'Sending…' : internal ? 'Add internal note' : 'Send reply'}
        </Button>
      </Box>
    </Box>
  );
}

function Conversation({ ticket }: { ticket: TicketRecord }) {
  const { canAccess: canReply } = useCanAccess({ resource: RESOURCES.tickets, action: 'reply' });
  // Opened from the list, the record shows at once without its conversation; it follows.
  const comments = ticket.comments;
  return (
    <Card>
      <CardContent>
        <SectionTitle count={ticket.commentCount}>
          <ForumOutlined fontSize="small" color="action" /> Conversation
        </SectionTitle>
        {comments === undefined ? (
          <Stack spacing={1.5} aria-label="Loading the conversation">
            <Skeleton variant="rounded" height={48} />
            <Skeleton variant="rounded" height={48} />
          </Stack>
        ) : comments.length === 0 ? (
          <Typography color="text.secondary" variant="body2">
            No replies yet.
          </Typography>
        ) : (
          <Stack
            component="ol"
            spacing={2}
            sx={{ p: 0, m: 0, '& > li + li': { borderTop: 1, borderColor: 'divider', pt: 2 } }}
            aria-label="Comments"
          >
            {comments.map((c) => (
              <CommentRow key={c.id} c={c} />
            ))}
          </Stack>
        )}
        {canReply && comments !== undefined && <ReplyForm ticket={ticket} />}
      </CardContent>
    </Card>
  );
}

function TicketShowLayout() {
  const ticket = useRecordContext<TicketRecord>();
  const { canAccess: canReadAudit } = useCanAccess({ resource: RESOURCES.auditLogs, action: 'list' });
  if (!ticket) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent>
              <Typography variant="overline" color="text.secondary">
                Ticket #{ticket.number} · {ticket.tenant.name}
              </Typography>
              <Typography variant="h2" component="h1" sx={{ mb: 1.5 }}>
                {ticket.subject}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ mb: 2.5 }}>
                <StatusChip status={ticket.status} />
                <PriorityChip priority={ticket.priority} />
              </Stack>
              {ticket.body === undefined ? (
                <Stack spacing={0.5}>
                  <Skeleton width="90%" />
                  <Skeleton width="70%" />
                </Stack>
              ) : (
                <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', color: 'text.primary', lineHeight: 1.65 }}>
                  {ticket.body}
                </Typography>
              )}
            </CardContent>
          </Card>
          <TicketAttachmentsCard ticket={ticket} />
          <Conversation ticket={ticket} />
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent>
              <SectionTitle>Details</SectionTitle>
              <DetailList
                items={[
                  { label: 'Status', value: <StatusChip status={ticket.status} /> },
                  { label: 'Priority', value: <PriorityChip priority={ticket.priority} /> },
                  { label: 'Assignee', value: <PersonCell person={ticket.assignee} nobody="Unassigned" /> },
                  { label: 'Requester', value: <PersonCell person={ticket.requester} showEmail /> },
                  { label: 'Tenant', value: <TenantBadge tenant={ticket.tenant} /> },
                  { label: 'Created', value: formatDateTime(ticket.createdAt) },
                  { label: 'Updated', value: formatDateTime(ticket.updatedAt) },
                  {
                    label: 'Request id',
                    value: <CorrelationLink id={ticket.correlationId} short />,
                  },
                ]}
              />
            </CardContent>
          </Card>
          {canReadAudit && (
            <HistoryCard />
          )}
        </Stack>
      </Grid>
    </Grid>
  );
}

export function TicketShow() {
  return (
    <Show title={<TicketTitle />} actions={<TicketShowActions />} component="div">
      <TicketShowLayout />
    </Show>
  );
}
