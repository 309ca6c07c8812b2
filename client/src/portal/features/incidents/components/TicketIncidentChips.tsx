import ReportProblem from '@mui/icons-material/ReportProblemOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { useQuery } from '@apollo/client/react';
import { Link as RouterLink } from 'react-router';
import { graphql } from '../../../../gql';
import { useSession } from '../../../../shared/session';
import { urls } from '../../../urls';
import { INCIDENT_STATUS_LABEL } from '../incidentLabels';

const TICKET_INCIDENTS_QUERY = graphql(`
  query TicketIncidents($id: ID!) {
    ticket(id: $id) {
      id
      incidents {
        id
        title
        severity
        status
      }
    }
  }
`);

/** The incidents a ticket is linked to, as chips that open them (roles with incident:read). */
export function TicketIncidentChips({ ticketId }: { ticketId: string }) {
  const session = useSession();
  const allowed = session.can('incident:read');
  const { data } = useQuery(TICKET_INCIDENTS_QUERY, { variables: { id: ticketId }, skip: !allowed });
  const incidents = data?.ticket?.incidents ?? [];
  if (!allowed || incidents.length === 0) return null;
  return (
    <Box component="ul" aria-label="Linked incidents" sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexWrap: 'wrap', gap: 1, mb: 2 }}>
      {incidents.map((i) => {
        const active = i.status !== 'RESOLVED';
        return (
          <Box component="li" key={i.id} sx={{ maxWidth: '100%', minWidth: 0 }}>
            <Chip
              component={RouterLink}
              to={urls.incident(i.id)}
              clickable
              size="small"
              icon={<ReportProblem fontSize="small" />}
              label={`${i.severity} · ${INCIDENT_STATUS_LABEL[i.status]}: ${i.title}`}
              sx={{
                maxWidth: '100%',
                fontWeight: 600,
                bgcolor: active ? '#fee2e2' : '#f1f5f9',
                color: active ? '#991b1b' : '#334155',
                border: 1,
                borderColor: active ? '#fecaca' : '#e2e8f0',
                '& .MuiChip-icon': { color: 'inherit' },
              }}
            />
          </Box>
        );
      })}
    </Box>
  );
}
