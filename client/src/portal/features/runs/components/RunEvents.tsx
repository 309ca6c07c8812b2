import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../../../../gql';
import type { RunStatus } from '../../../../gql/graphql';
import { messageOf } from '../../../../shared/errors';
import { formatDateTime } from '../../../../shared/format';

const RUN_EVENTS_QUERY = graphql(`
  query RunEvents($correlationId: String!) {
    systemEvents(first: 50, filter: { correlationId: $correlationId }) {
      totalCount
      nodes {
        id
        type
        severity
        source
        occurredAt
        payload
      }
    }
  }
`);

const SEVERITY_COLOUR: Record<string, string> = { DEBUG: '#475569', INFO: '#3730a3', WARNING: '#92400e', ERROR: '#991b1b', CRITICAL: '#991b1b' };

function detailOf(payload: unknown): string | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const from = str(p.from);
  const to = str(p.to);
  const text = [str(p.error), str(p.reason), from && to ? `${from} → ${to}` : null].filter(Boolean).join(' · ');
  return text || null;
}

/** The system events carrying the run's correlation id, oldest first; they follow the run while it is live. */
export function RunEvents({ correlationId, live, status }: { correlationId: string; live: boolean; status: RunStatus }) {
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(RUN_EVENTS_QUERY, { variables: { correlationId } });
  useEffect(() => {
    if (!live) return;
    startPolling(1500);
    return () => stopPolling();
  }, [live, startPolling, stopPolling]);
  // The event of the last step is written with it: fetch once more when the status changes.
  useEffect(() => {
    void refetch();
  }, [status, refetch]);

  if (error && !data) {
    return (
      <Box role="alert">
        <Typography color="error.main" variant="body2">
          The events could not be loaded: {messageOf(error)}
        </Typography>
        <Button size="small" onClick={() => void refetch()} sx={{ mt: 1 }}>
          Retry
        </Button>
      </Box>
    );
  }
  if (!data) return loading ? <Skeleton variant="rounded" height={80} /> : null;
  const events = [...data.systemEvents.nodes].reverse();
  if (!events.length) return <Typography color="text.secondary">No events with this correlation id yet.</Typography>;
  return (
    <Box component="ol" aria-label="Run events" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.25 }}>
      {events.map((e) => {
        const detail = detailOf(e.payload);
        return (
          <Box component="li" key={e.id} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '150px minmax(0, 1fr)' }, gap: { xs: 0, sm: 2 }, borderLeft: 3, borderColor: SEVERITY_COLOUR[e.severity] ?? '#475569', pl: 1.5 }}>
            <Typography variant="body2" color="text.secondary">
              {formatDateTime(e.occurredAt)}
            </Typography>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: 650, overflowWrap: 'anywhere' }}>
                {e.type}{' '}
                <Typography component="span" variant="body2" color="text.secondary">
                  from {e.source}
                </Typography>
              </Typography>
              {detail && (
                <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                  {detail}
                </Typography>
              )}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
