import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { TicketPriority, TicketStatus } from '../../../../gql/graphql';
import { PRIORITY_LABEL, STATUS_LABEL } from '../ticketLabels';

const STATUS_COLOURS: Record<TicketStatus, { bg: string; fg: string }> = {
  OPEN: { bg: '#e0e7ff', fg: '#3730a3' },
  PENDING: { bg: '#fef3c7', fg: '#92400e' },
  RESOLVED: { bg: '#dcfce7', fg: '#166534' },
  CLOSED: { bg: '#f1f5f9', fg: '#475569' },
};

const PRIORITY_DOT: Record<TicketPriority, string> = { URGENT: '#dc2626', HIGH: '#ea580c', NORMAL: '#64748b', LOW: '#94a3b8' };

export function TicketStatusChip({ status }: { status: TicketStatus }) {
  const c = STATUS_COLOURS[status];
  return <Chip size="small" label={STATUS_LABEL[status]} sx={{ bgcolor: c.bg, color: c.fg, fontWeight: 650, height: 24 }} />;
}

export function TicketPriorityLabel({ priority }: { priority: TicketPriority }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, fontSize: '0.875rem', fontWeight: priority === 'URGENT' || priority === 'HIGH' ? 650 : 500 }}>
      <Box component="span" aria-hidden sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: PRIORITY_DOT[priority] }} />
      {PRIORITY_LABEL[priority]}
    </Box>
  );
}

/** The yellow of internal notes and files (the back office uses the same). */
export const NOTE_BG = '#fef9c3';
export const NOTE_BORDER = '#facc15';

/** Marks what only the tenant's agents see: an internal note, an internal file. */
export function InternalChip({ label }: { label: string }) {
  return <Chip size="small" icon={<LockOutlined />} label={label} sx={{ bgcolor: NOTE_BORDER, color: '#422006', fontWeight: 600 }} />;
}
