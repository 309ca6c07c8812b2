import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useSubscription } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { graphql } from '../../../../gql';
import type { IncidentTimelineKind } from '../../../../gql/graphql';
import { errorCodeOf, messageOf } from '../../../../shared/errors';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { useSession } from '../../../../shared/session';
import { useCrumbLabel } from '../../../../shared/ui/layout/Breadcrumbs';
import { EmptyState, ErrorState } from '../../../../shared/ui/StateViews';
import { TicketStatusChip } from '../../tickets/components/TicketChips';
import { urls } from '../../../urls';
import { IncidentSeverityChip, IncidentStatusChip } from '../components/IncidentChips';
import { INCIDENT_STATUS_LABEL } from '../incidentLabels';
import { INCIDENT_LIVE_SUBSCRIPTION } from '../incidentLive';
import { useSerialRefetch } from '../../../../shared/apollo/serial-refetch';

// The server leaves out internal notes and entries about other tenants; the portal never asks for
// who wrote an entry (staff names are staff-only).
const INCIDENT_DETAIL_QUERY = graphql(`
  query IncidentDetail($id: ID!) {
    incident(id: $id) {
      id
      title
      summary
      severity
      status
      createdAt
      mitigatedAt
      resolvedAt
      timeline {
        id
        kind
        message
        at
        fromStatus
        toStatus
      }
      tickets {
        id
        number
        subject
        status
      }
    }
  }
`);

const KIND_LABEL: Record<IncidentTimelineKind, string> = {
  CREATED: 'Opened',
  STATUS_CHANGED: 'Status changed',
  NOTE: 'Update',
  TENANT_ADDED: 'Scope',
  TICKETS_LINKED: 'Tickets linked',
  EVENTS_LINKED: 'Events linked',
};

const KIND_DOT: Record<IncidentTimelineKind, string> = {
  CREATED: '#b91c1c',
  STATUS_CHANGED: '#4f46e5',
  NOTE: '#0891b2',
  TENANT_ADDED: '#64748b',
  TICKETS_LINKED: '#64748b',
  EVENTS_LINKED: '#64748b',
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="overline" color="text.secondary" sx={{ display: 'block', lineHeight: 1.8 }}>
        {label}
      </Typography>
      {children}
    </Box>
  );
}

/** One incident: what happened, where it stands, its public timeline and the tickets it concerns. */
export function IncidentDetailPage() {
  const { incidentId = '' } = useParams();
  const session = useSession();
  const { data, loading, error, refetch } = useQuery(INCIDENT_DETAIL_QUERY, { variables: { id: incidentId }, notifyOnNetworkStatusChange: true });
  // Live: this incident's moves and public notes show without reloading.
  const readAgain = useSerialRefetch(refetch);
  useSubscription(INCIDENT_LIVE_SUBSCRIPTION, { onData: ({ data: live }) => live.data?.incidentChanged.id === incidentId && readAgain() });
  const incident = data?.incident;
  useCrumbLabel(incident?.title ?? null);

  if (!incident) {
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
        title="Incident not found"
        description="It does not exist, or it does not affect your organisation."
        action={
          <Button component={RouterLink} to={urls.incidents()} variant="contained">
            Back to incidents
          </Button>
        }
      />
    );
  }

  const timeline = [...incident.timeline].reverse();
  const canSeeTickets = session.can('ticket:read');

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <IncidentSeverityChip severity={incident.severity} />
        <IncidentStatusChip status={incident.status} />
        <Typography variant="body2" color="text.secondary">
          Opened {timeAgo(incident.createdAt)}
        </Typography>
      </Box>
      <Typography variant="h1" sx={{ mb: 3, overflowWrap: 'anywhere' }}>
        {incident.title}
      </Typography>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 320px' }, gap: 3, alignItems: 'start' }}>
        <Stack spacing={3}>
          <Paper variant="outlined" sx={{ p: 3, borderRadius: 3 }}>
            <Typography sx={{ whiteSpace: 'pre-wrap', lineHeight: 1.65 }}>{incident.summary}</Typography>
          </Paper>
          <Paper component="section" variant="outlined" aria-labelledby="incident-timeline" sx={{ p: 3, borderRadius: 3 }}>
            <Typography id="incident-timeline" variant="h3" component="h2" sx={{ mb: 2 }}>
              Timeline
            </Typography>
            {timeline.length === 0 ? (
              <Typography color="text.secondary">No updates yet.</Typography>
            ) : (
              <Box component="ol" aria-label="Incident updates, newest first" sx={{ listStyle: 'none', m: 0, p: 0 }}>
                {timeline.map((e, idx) => (
                  <Box component="li" key={e.id} sx={{ display: 'grid', gridTemplateColumns: '20px minmax(0, 1fr)', gap: 1.5 }}>
                    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
                      <Box aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: KIND_DOT[e.kind], mt: 0.75 }} />
                      {idx < timeline.length - 1 && <Box aria-hidden sx={{ flex: 1, width: 2, bgcolor: 'divider', my: 0.5 }} />}
                    </Box>
                    <Box sx={{ pb: 2.5, minWidth: 0 }}>
                      <Typography variant="body2" color="text.secondary">
                        <Box component="span" sx={{ fontWeight: 650, color: 'text.primary' }}>
                          {e.kind === 'STATUS_CHANGED' && e.toStatus ? INCIDENT_STATUS_LABEL[e.toStatus] : KIND_LABEL[e.kind]}
                        </Box>{' '}
                        · <time dateTime={e.at} title={formatDateTime(e.at)}>{timeAgo(e.at)}</time>
                      </Typography>
                      <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.message}</Typography>
                    </Box>
                  </Box>
                ))}
              </Box>
            )}
          </Paper>
        </Stack>

        <Paper variant="outlined" sx={{ p: 2.5, borderRadius: 3 }} component="aside" aria-label="Incident details">
          <Stack spacing={2}>
            <Fact label="Opened">
              <Typography variant="body2">{formatDateTime(incident.createdAt)}</Typography>
            </Fact>
            <Fact label="Mitigated">
              <Typography variant="body2">{incident.mitigatedAt ? formatDateTime(incident.mitigatedAt) : 'Not yet'}</Typography>
            </Fact>
            <Fact label="Resolved">
              <Typography variant="body2">{incident.resolvedAt ? formatDateTime(incident.resolvedAt) : 'Not yet'}</Typography>
            </Fact>
            {canSeeTickets && (
              <>
                <Divider />
                <Fact label="Your tickets about it">
                  {incident.tickets.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                      None linked.
                    </Typography>
                  ) : (
                    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', m: 0, p: 0 }}>
                      {incident.tickets.map((t) => (
                        <Box component="li" key={t.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
                          <Link component={RouterLink} to={urls.ticket(t.id)} variant="body2" sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: 600 }}>
                            #{t.number} {t.subject}
                          </Link>
                          <TicketStatusChip status={t.status} />
                        </Box>
                      ))}
                    </Stack>
                  )}
                </Fact>
              </>
            )}
          </Stack>
        </Paper>
      </Box>
    </Box>
  );
}
