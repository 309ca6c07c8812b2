import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Alert from '@mui/material/Alert';
import { useQuery } from '@tanstack/react-query';
import { ListButton, Show, TopToolbar, useCanAccess, useDataProvider, useRecordContext, useRefresh } from 'react-admin';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { RunRecord } from '../providers/runs.provider';
import { RESOURCES } from '../resource-names';
import { ConfirmButton } from '../ui/ConfirmButton';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { formatDateTime } from '../ui/format';
import { PersonCell } from '../ui/People';
import { RecordLink } from '../ui/RecordLink';
import { SectionEmpty, SectionError, SectionLoading } from '../ui/SectionState';
import { TenantBadge } from '../ui/TenantBadge';
import { JsonBlock, RunStatusChip } from './runUi';

function RunTitle() {
  const run = useRecordContext<RunRecord>();
  return <span>{run ? `Run of ${run.tool.name}` : 'Run'}</span>;
}

/** Retry (failed or cancelled runs) and cancel (queued or running), for staff with platform:run:manage; each asks first. */
function RunActions() {
  const run = useRecordContext<RunRecord>();
  const dataProvider = useDataProvider<AdminDataProvider>();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: RESOURCES.runs, action: 'manage' });
  const retryable = run && (run.status === 'FAILED' || run.status === 'CANCELLED');
  const cancellable = run && (run.status === 'QUEUED' || run.status === 'RUNNING');
  return (
    <TopToolbar>
      <ListButton label="All runs" />
      {canAccess && run && retryable && (
        <ConfirmButton
          label="Retry run"
          variant="contained"
          destructive={false}
          title={`Retry this run of ${run.tool.name}?`}
          content={`A new run with the same input starts for ${run.tenant.name}; it counts towards their quota. This is recorded in the audit trail.`}
          confirmLabel="Retry"
          action={async () => {
            await dataProvider.retryRun(RESOURCES.runs, { id: run.id });
            return 'Retry queued.';
          }}
          onDone={refresh}
        />
      )}
      {canAccess && run && cancellable && (
        <ConfirmButton
          label="Cancel run"
          color="error"
          variant="outlined"
          title={`Cancel this run of ${run.tool.name}?`}
          content="The run stops at its next checkpoint and ends as Cancelled. This is recorded in the audit trail."
          confirmLabel="Cancel run"
          action={async () => {
            await dataProvider.cancelRun(RESOURCES.runs, { id: run.id });
            return 'Run cancelled.';
          }}
          onDone={refresh}
        />
      )}
    </TopToolbar>
  );
}

function RunEvents({ run }: { run: RunRecord }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const events = useQuery({
    queryKey: [RESOURCES.runs, 'events', run.id, run.status],
    queryFn: ({ signal }) => dataProvider.eventsOfRun(RESOURCES.runs, { id: run.id, correlationId: run.correlationId, signal }),
  });
  if (events.isPending) return <SectionLoading label="Loading the run's events" />;
  if (events.isError) return <SectionError error={events.error} onRetry={() => void events.refetch()} />;
  if (events.data.data.length === 0) return <SectionEmpty>No events recorded for this run.</SectionEmpty>;
  return (
    <Table size="small" aria-label="Events">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Event</TableCell>
          <TableCell>Severity</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.data.data.map((e) => (
          <TableRow key={e.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.occurredAt)}</TableCell>
            <TableCell sx={mono}>{e.type}</TableCell>
            <TableCell>{e.severity}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function RunShowLayout() {
  const run = useRecordContext<RunRecord>();
  if (!run) return null;
  const d = run.detail;
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent>
              <Typography variant="overline" color="text.secondary">
                {run.tenant.name} · {run.tool.key}
              </Typography>
              <Typography variant="h2" component="h1" sx={{ mb: 1.5, overflowWrap: 'anywhere' }}>
                Run of {run.tool.name}
              </Typography>
              <RunStatusChip status={run.status} />
              {run.error && (
                <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
                  {run.error}
                </Alert>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <SectionTitle>Input</SectionTitle>
              <JsonBlock value={d?.input} label="Input" />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <SectionTitle>Output</SectionTitle>
              <JsonBlock value={d?.output} label="Output" empty={run.status === 'SUCCEEDED' ? 'No output.' : 'No output yet.'} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <SectionTitle>Events</SectionTitle>
              <RunEvents run={run} />
            </CardContent>
          </Card>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Card>
          <CardContent>
            <SectionTitle>Details</SectionTitle>
            <DetailList
              items={[
                { label: 'Status', value: <RunStatusChip status={run.status} /> },
                { label: 'Tenant', value: <TenantBadge tenant={run.tenant} /> },
                { label: 'Attempts', value: `${run.attempts} of ${run.maxAttempts}` },
                { label: 'Trigger', value: run.trigger },
                { label: 'Requested by', value: <PersonCell person={d?.requestedBy} nobody="No one (automatic)" /> },
                { label: 'Created', value: formatDateTime(run.createdAt) },
                { label: 'Started', value: run.startedAt ? formatDateTime(run.startedAt) : '—' },
                { label: 'Finished', value: run.finishedAt ? formatDateTime(run.finishedAt) : '—' },
                { label: 'Next attempt', value: d?.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—' },
                {
                  label: 'Retry of',
                  value: d?.retryOf ? <RecordLink resource={RESOURCES.runs} id={d.retryOf.id}>Earlier run</RecordLink> : '—',
                },
                {
                  label: 'Ticket',
                  value: d?.ticket ? <RecordLink resource={RESOURCES.tickets} id={d.ticket.id}>{`#${d.ticket.number} ${d.ticket.subject}`}</RecordLink> : '—',
                },
                { label: 'Request id', value: <span style={{ ...mono, overflowWrap: 'anywhere' }}>{run.correlationId}</span> },
              ]}
            />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}

/** One run: input, output, attempts and events; staff with platform:run:manage retry or cancel it. */
export function RunShow() {
  return (
    <Show title={<RunTitle />} actions={<RunActions />} component="div">
      <RunShowLayout />
    </Show>
  );
}
