import ReportProblem from '@mui/icons-material/ReportProblemOutlined';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Link as RouterLink } from 'react-router';
import { graphql } from '../../../../gql';
import type { IncidentSeverity } from '../../../../gql/graphql';
import { useSession } from '../../../../shared/session';
import { urls } from '../../../urls';
import { ACTIVE_INCIDENT_STATUSES, INCIDENT_SEVERITIES, INCIDENT_STATUS_LABEL } from '../incidentLabels';
import { INCIDENT_LIVE_SUBSCRIPTION } from '../incidentLive';
import { useSerialRefetch } from '../../../../shared/apollo/serial-refetch';

const ACTIVE_INCIDENTS_QUERY = graphql(`
  query ActiveIncidents($filter: IncidentFilter) {
    incidents(first: 3, filter: $filter) {
      totalCount
      nodes {
        id
        title
        severity
        status
      }
    }
  }
`);

const SHOWN = 3;

const worst = (severities: readonly IncidentSeverity[]) => INCIDENT_SEVERITIES.find((s) => severities.includes(s));

/**
 * A strip above every portal page while incidents affecting the tenant are open or mitigated (live,
 * through the incidentChanged subscription),
 * each linking to its page. Shown to roles with incident:read; silent when the check fails (the
 * incidents page shows errors).
 */
export function IncidentBanner() {
  const session = useSession();
  const allowed = session.can('incident:read');
  const { data, refetch } = useQuery(ACTIVE_INCIDENTS_QUERY, {
    variables: { filter: { status: [...ACTIVE_INCIDENT_STATUSES] } },
    skip: !allowed,
    fetchPolicy: 'cache-and-network',
  });
  // Live: an incident opened, moved or resolved shows (or clears) at once.
  const readAgain = useSerialRefetch(refetch);
  useSubscription(INCIDENT_LIVE_SUBSCRIPTION, { skip: !allowed, onData: readAgain });
  const incidents = data?.incidents.nodes ?? [];
  if (!allowed || incidents.length === 0) return null;
  const total = data?.incidents.totalCount ?? incidents.length;
  const severe = worst(incidents.map((i) => i.severity));
  const critical = severe === 'SEV1' || severe === 'SEV2';

  return (
    <Box
      component="section"
      role="region"
      aria-label="Incidents affecting your organisation"
      sx={{
        display: 'flex',
        alignItems: 'flex-start',
        gap: 1.5,
        px: { xs: 2, md: 4 },
        py: 1.25,
        bgcolor: critical ? '#fef2f2' : '#fffbeb',
        borderBottom: 1,
        borderColor: critical ? '#fecaca' : '#fde68a',
        color: critical ? '#7f1d1d' : '#78350f',
      }}
    >
      <ReportProblem fontSize="small" sx={{ mt: 0.25, flexShrink: 0 }} aria-hidden />
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 700 }}>
          {total === 1 ? 'An incident is affecting your organisation' : `${total} incidents are affecting your organisation`}
        </Typography>
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {incidents.slice(0, SHOWN).map((i) => (
            <Box component="li" key={i.id} sx={{ fontSize: '0.875rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: { xs: 'normal', md: 'nowrap' } }}>
              <Box component="span" sx={{ fontWeight: 600 }}>
                {i.severity} · {INCIDENT_STATUS_LABEL[i.status]}:
              </Box>{' '}
              <Link component={RouterLink} to={urls.incident(i.id)} color="inherit" sx={{ fontWeight: 500 }}>
                {i.title}
              </Link>
            </Box>
          ))}
        </Box>
      </Box>
      <Link component={RouterLink} to={urls.incidents({ status: [...ACTIVE_INCIDENT_STATUSES] })} color="inherit" variant="body2" sx={{ fontWeight: 700, flexShrink: 0, mt: 0.25 }}>
        {total > SHOWN ? `All ${total}` : 'View all'}
      </Link>
    </Box>
  );
}
