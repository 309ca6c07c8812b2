import Chip from '@mui/material/Chip';
import type { IncidentSeverity, IncidentStatus } from '../../../../gql/graphql';
import { INCIDENT_SEVERITY_LABEL, INCIDENT_STATUS_LABEL } from '../incidentLabels';

// Foreground colours reach 4.5:1 on their backgrounds.
const STATUS_COLOURS: Record<IncidentStatus, { bg: string; fg: string }> = {
  OPEN: { bg: '#fee2e2', fg: '#991b1b' },
  MITIGATED: { bg: '#fef3c7', fg: '#92400e' },
  RESOLVED: { bg: '#dcfce7', fg: '#166534' },
};

const SEVERITY_COLOURS: Record<IncidentSeverity, { bg: string; fg: string }> = {
  SEV1: { bg: '#991b1b', fg: '#ffffff' },
  SEV2: { bg: '#c2410c', fg: '#ffffff' },
  SEV3: { bg: '#fef9c3', fg: '#854d0e' },
  SEV4: { bg: '#f1f5f9', fg: '#334155' },
};

export function IncidentStatusChip({ status }: { status: IncidentStatus }) {
  const c = STATUS_COLOURS[status];
  return <Chip size="small" label={INCIDENT_STATUS_LABEL[status]} sx={{ bgcolor: c.bg, color: c.fg, fontWeight: 650, height: 24 }} />;
}

/** "SEV1 · Critical". */
export function IncidentSeverityChip({ severity }: { severity: IncidentSeverity }) {
  const c = SEVERITY_COLOURS[severity];
  return <Chip size="small" label={`${severity} · ${INCIDENT_SEVERITY_LABEL[severity]}`} sx={{ bgcolor: c.bg, color: c.fg, fontWeight: 650, height: 24 }} />;
}
