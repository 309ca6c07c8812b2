import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import type { MessageRecord } from '../providers/runs.provider';
import { RESOURCES } from '../resource-names';
import { JsonBlock, MessageStatusChip } from '../runs/runUi';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { formatDateTime } from '../ui/format';
import { RecordLink } from '../ui/RecordLink';
import { TenantBadge } from '../ui/TenantBadge';
import { Outcome } from './MessageList';

function MessageTitle() {
  const m = useRecordContext<MessageRecord>();
  return <span>{m ? `Message from ${m.sender}` : 'Message'}</span>;
}

function MessageShowLayout() {
  const m = useRecordContext<MessageRecord>();
  if (!m) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Card>
          <CardContent>
            <Typography variant="overline" color="text.secondary">
              {m.tenant.name} · {m.channel}
            </Typography>
            <Typography variant="h2" component="h1" sx={{ mb: 1.5, overflowWrap: 'anywhere' }}>
              {m.subject ?? `Message from ${m.sender}`}
            </Typography>
            <MessageStatusChip status={m.status} />
            {m.error && (
              <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
                {m.error}
                {m.errorReason ? ` (${m.errorReason})` : ''}
              </Alert>
            )}
            <SectionTitle>Payload</SectionTitle>
            <JsonBlock value={m.payload} label="Payload" />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Card>
          <CardContent>
            <SectionTitle>Details</SectionTitle>
            <DetailList
              items={[
                { label: 'Outcome', value: <MessageStatusChip status={m.status} /> },
                { label: 'Result', value: <Outcome message={m} /> },
                { label: 'Tenant', value: <TenantBadge tenant={m.tenant} /> },
                { label: 'Sender', value: <span style={{ overflowWrap: 'anywhere' }}>{m.sender}</span> },
                { label: 'External id', value: m.externalId ?? '—' },
                { label: 'Received', value: formatDateTime(m.receivedAt) },
                { label: 'Processed', value: m.processedAt ? formatDateTime(m.processedAt) : '—' },
                { label: 'Run', value: m.run ? <RecordLink resource={RESOURCES.runs} id={m.run.id}>Open the run</RecordLink> : '—' },
                { label: 'Ticket', value: m.ticket ? <RecordLink resource={RESOURCES.tickets} id={m.ticket.id}>{`#${m.ticket.number} ${m.ticket.subject}`}</RecordLink> : '—' },
                { label: 'Request id', value: <span style={{ ...mono, overflowWrap: 'anywhere' }}>{m.correlationId}</span> },
              ]}
            />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}

/** One inbound message: its payload and what it led to. */
export function MessageShow() {
  return (
    <Show title={<MessageTitle />} actions={<TopToolbar><ListButton label="All messages" /></TopToolbar>} component="div">
      <MessageShowLayout />
    </Show>
  );
}
