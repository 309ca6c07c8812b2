import ForumOutlined from '@mui/icons-material/ForumOutlined';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Divider from '@mui/material/Divider';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EditButton, ListButton, Show, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { HistoryCard } from '../auditLogs/AuditTrail';
import { RESOURCES } from '../resource-names';
import { CorrelationLink } from '../ui/CorrelationLink';
import type { TicketRecord } from '../providers/tickets.provider';
import { PriorityChip, StatusChip } from '../ui/chips';
import { DetailList, SectionTitle } from '../ui/DetailList';
import { formatDateTime, formatRelative } from '../ui/format';
import { PersonAvatar, PersonCell } from '../ui/People';
import { TenantBadge } from '../ui/TenantBadge';
import { TicketTitle } from './TicketTitle';

function TicketShowActions() {
  return (
    <TopToolbar>
      <ListButton label="All tickets" />
      <EditButton variant="contained" label="Edit ticket" />
    </TopToolbar>
  );
}

function Conversation({ ticket }: { ticket: TicketRecord }) {
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
          <Stack divider={<Divider flexItem />} spacing={2}>
            {comments.map((c) => (
              <Box key={c.id} sx={{ display: 'flex', gap: 1.5 }}>
                <PersonAvatar person={c.author} size={32} />
                <Box sx={{ minWidth: 0 }}>
                  <Typography variant="body2">
                    <strong>{c.author.name}</strong>{' '}
                    <Typography component="span" variant="caption" color="text.secondary" title={formatDateTime(c.createdAt)}>
                      {formatRelative(c.createdAt)}
                    </Typography>
                  </Typography>
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
                    {c.body}
                  </Typography>
                </Box>
              </Box>
            ))}
          </Stack>
        )}
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
