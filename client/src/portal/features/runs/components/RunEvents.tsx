import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { graphql } from '../../../../gql';
import { messageOf } from '../../../../shared/errors';
import { formatDateTime } from '../../../../shared/format';
import { useSerialRefetch } from '../../../../shared/apollo/serial-refetch';

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

/**
 * The system events carrying the run's correlation id, oldest first. Each of the run's moves
 * writes its event in the same transaction and reaches the page live (runChanged), which reads the
 * run again: a new `updatedAt` (`changedAt`) fetches the events once more. No polling.
 */
export function RunEvents({ correlationId, changedAt }: { correlationId: string; changedAt: string }) {
  const { data, loading, error, refetch } = useQuery(RUN_EVENTS_QUERY, { variables: { correlationId } });
  const readAgain = useSerialRefetch(refetch);
  const first = useRef(changedAt);
  useEffect(() => {
    if (first.current === changedAt) return;
    first.current = changedAt;
    readAgain();
  }, [changedAt, readAgain]);

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
