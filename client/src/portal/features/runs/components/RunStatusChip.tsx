import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import type { RunStatus } from '../../../../gql/graphql';
import { RUN_STATUS_LABEL } from '../runLabels';

// Foregrounds reach 4.5:1 on their backgrounds.
const COLOURS: Record<RunStatus, { bg: string; fg: string }> = {
  QUEUED: { bg: '#f1f5f9', fg: '#334155' },
  RUNNING: { bg: '#e0e7ff', fg: '#3730a3' },
  SUCCEEDED: { bg: '#dcfce7', fg: '#166534' },
  FAILED: { bg: '#fee2e2', fg: '#991b1b' },
  CANCELLED: { bg: '#fef3c7', fg: '#92400e' },
};

/** A run's status; a spinner while it is still moving. */
export function RunStatusChip({ status }: { status: RunStatus }) {
  const c = COLOURS[status];
  const moving = status === 'QUEUED' || status === 'RUNNING';
  return (
    <Chip
      size="small"
      label={RUN_STATUS_LABEL[status]}
      icon={moving ? <CircularProgress size={11} thickness={6} sx={{ color: `${c.fg} !important` }} aria-hidden /> : undefined}
      sx={{ bgcolor: c.bg, color: c.fg, fontWeight: 650, height: 24 }}
    />
  );
}
