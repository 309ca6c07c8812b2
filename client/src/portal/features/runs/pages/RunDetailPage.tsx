import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useSubscription } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { graphql } from '../../../../gql';
import { errorCodeOf, messageOf } from '../../../../shared/errors';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { useSession } from '../../../../shared/session';
import { useCrumbLabel } from '../../../../shared/ui/layout/Breadcrumbs';
import { EmptyState, ErrorState } from '../../../../shared/ui/StateViews';
import { urls } from '../../../urls';
import { RunEvents } from '../components/RunEvents';
import { JsonView } from '../components/JsonView';
import { RunStatusChip } from '../components/RunStatusChip';
import { useCancelRun, useRetryRun } from '../hooks/useRunActions';
import { durationBetween, isTerminal, RUN_TRIGGER_LABEL } from '../runLabels';
import { useSerialRefetch } from '../../../../shared/apollo/serial-refetch';

const RUN_DETAIL_QUERY = graphql(`
  query RunDetail($id: ID!) {
    run(id: $id) {
      id
      status
      trigger
      input
      output
      error
      attempts
      maxAttempts
      correlationId
      createdAt
      startedAt
      finishedAt
      nextAttemptAt
      updatedAt
      tool {
        id
        key
        name
      }
      requestedBy {
        id
        name
      }
      retryOf {
        id
      }
      ticket {
        id
        number
        subject
      }
    }
  }
`);

/** This run's status changes while it is queued or running (replaces polling). */
const RUN_LIVE_SUBSCRIPTION = graphql(`
  subscription RunLive($id: ID!) {
    runChanged(id: $id) {
      id
      status
      updatedAt
    }
  }
`);

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="overline" color="text.secondary" sx={{ display: 'block', lineHeight: 1.8 }}>
        {label}
      </Typography>
      {children}
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: { xs: 2, sm: 3 }, borderRadius: 3, minWidth: 0 }}>
      <Typography variant="h3" component="h2" sx={{ fontSize: '1.05rem', mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export function RunDetailPage() {
  const { runId = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(RUN_DETAIL_QUERY, { variables: { id: runId } });
  const [cancelRun, cancelState] = useCancelRun();
  const [retryRun, retryState] = useRetryRun();
  const [actionError, setActionError] = useState<string | null>(null);
  const run = data?.run;
  const live = Boolean(run && !isTerminal(run.status));
  useCrumbLabel(run ? `${run.tool.name} run` : null);

  // The status moves on the server: each change arrives live until the run is finished.
  const readAgain = useSerialRefetch(refetch);
  useSubscription(RUN_LIVE_SUBSCRIPTION, { variables: { id: runId }, skip: !live, onData: readAgain });

  if (!run) {
    if (loading) {
      return (
        <Box aria-busy>
          <Skeleton variant="text" width="40%" height={48} />
          <Skeleton variant="rounded" height={200} sx={{ mt: 2 }} />
        </Box>
      );
    }
    if (error && errorCodeOf(error) !== 'NOT_FOUND') return <ErrorState message={messageOf(error)} onRetry={() => void refetch()} />;
    return (
      <EmptyState
        title="Run not found"
        description="It may belong to another organisation, or the link is wrong."
        action={
          <Button component={RouterLink} to={urls.runs()} variant="contained">
            Back to runs
          </Button>
        }
      />
    );
  }

  const canWrite = session.can('run:write');
  const canCancel = canWrite && live;
  const canRetry = canWrite && (run.status === 'FAILED' || run.status === 'CANCELLED');
  const duration = durationBetween(run.startedAt, run.finishedAt);

  const cancel = async () => {
    setActionError(null);
    try {
      await cancelRun({ variables: { id: run.id } });
    } catch (err) {
      setActionError(messageOf(err instanceof Error ? err : null));
      void refetch();
    }
  };
  const retry = async () => {
    setActionError(null);
    try {
      const res = await retryRun({ variables: { id: run.id } });
      if (res.data) void navigate(urls.run(res.data.retryRun.id));
    } catch (err) {
      setActionError(messageOf(err instanceof Error ? err : null));
    }
  };

  return (
    <Box>
      {actionError && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      <Box sx={{ display: 'flex', alignItems: { xs: 'flex-start', sm: 'center' }, flexDirection: { xs: 'column', sm: 'row' }, gap: 2, mb: 3 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 0.5 }}>
            <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
              Run of <code>{run.tool.key}</code>
            </Typography>
            {/* Announced when it changes: the page updates itself while the run is live. */}
            <Box role="status" aria-live="polite" aria-label={`Status: ${run.status.toLowerCase()}`} data-testid="run-status">
              <RunStatusChip status={run.status} />
            </Box>
          </Box>
          <Typography variant="h1">{run.tool.name}</Typography>
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            Started {timeAgo(run.createdAt)}
            {run.requestedBy ? ` by ${run.requestedBy.name}` : ` (${RUN_TRIGGER_LABEL[run.trigger].toLowerCase()})`}
            {live ? ' · updating automatically' : ''}
          </Typography>
        </Box>
        {(canCancel || canRetry) && (
          <Box sx={{ display: 'flex', gap: 1, flexShrink: 0 }}>
            {canCancel && (
              <Button variant="outlined" color="error" onClick={() => void cancel()} loading={cancelState.loading}>
                Cancel run
              </Button>
            )}
            {canRetry && (
              <Button variant="contained" onClick={() => void retry()} loading={retryState.loading}>
                Retry
              </Button>
            )}
          </Box>
        )}
      </Box>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 320px' }, gap: 3, alignItems: 'start' }}>
        <Stack spacing={3} sx={{ minWidth: 0 }}>
          {run.error && (
            <Alert severity={run.status === 'FAILED' ? 'error' : 'warning'} role="note">
              <Typography sx={{ fontWeight: 650 }}>{run.status === 'FAILED' ? 'The run failed' : 'The last attempt failed'}</Typography>
              {run.error}
            </Alert>
          )}
          <Section title="Output">
            {run.output !== null && run.output !== undefined ? (
              <JsonView value={run.output} label="Output" />
            ) : (
              <Typography color="text.secondary">{run.status === 'SUCCEEDED' ? 'The tool returned nothing.' : live ? 'The output shows here when the run succeeds.' : 'This run produced no output.'}</Typography>
            )}
          </Section>
          <Section title="Input">
            <JsonView value={run.input} label="Input" />
          </Section>
          {session.can('event:read') && (
            <Section title="Events">
              <RunEvents correlationId={run.correlationId} changedAt={run.updatedAt} />
            </Section>
          )}
        </Stack>

        <Paper variant="outlined" component="aside" aria-label="Run details" sx={{ p: 2.5, borderRadius: 3, position: { lg: 'sticky' }, top: { lg: 88 }, minWidth: 0 }}>
          <Stack spacing={2}>
            <Field label="Attempts">
              <Typography variant="body2">
                {run.attempts} of {run.maxAttempts}
              </Typography>
            </Field>
            {run.nextAttemptAt && run.status === 'QUEUED' && run.attempts > 0 && (
              <Field label="Next attempt">
                <Typography variant="body2">{formatDateTime(run.nextAttemptAt)}</Typography>
              </Field>
            )}
            <Field label="Created">
              <Typography variant="body2">{formatDateTime(run.createdAt)}</Typography>
            </Field>
            <Field label="Started">
              <Typography variant="body2">{formatDateTime(run.startedAt)}</Typography>
            </Field>
            <Field label="Finished">
              <Typography variant="body2">{formatDateTime(run.finishedAt)}</Typography>
            </Field>
            {duration && (
              <Field label="Duration">
                <Typography variant="body2">{duration}</Typography>
              </Field>
            )}
            <Divider />
            <Field label="Trigger">
              <Typography variant="body2">{RUN_TRIGGER_LABEL[run.trigger]}</Typography>
            </Field>
            {run.ticket && (
              <Field label="Ticket">
                <Link component={RouterLink} to={urls.ticket(run.ticket.id)} variant="body2">
                  #{run.ticket.number} {run.ticket.subject}
                </Link>
              </Field>
            )}
            {run.retryOf && (
              <Field label="Retry of">
                <Link component={RouterLink} to={urls.run(run.retryOf.id)} variant="body2">
                  The earlier run
                </Link>
              </Field>
            )}
            <Field label="Correlation id">
              <Typography variant="body2" component="code" sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', overflowWrap: 'anywhere', display: 'block' }}>
                {run.correlationId}
              </Typography>
              {session.can('correlation:read') && (
                <Link component={RouterLink} to={urls.trace(run.correlationId)} variant="body2">
                  Trace everything with this id
                </Link>
              )}
            </Field>
          </Stack>
        </Paper>
      </Box>
    </Box>
  );
}
