import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import PriorityHigh from '@mui/icons-material/PriorityHigh';
import Remove from '@mui/icons-material/Remove';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { alpha, darken } from '@mui/material/styles';
import type { ReactElement } from 'react';
import type { InvitationStatus, StaffRole, TicketPriority, TicketStatus } from '../../gql/graphql';

/**
 * A soft, tinted chip: coloured text on a pale background of the same hue. The text is the hue
 * darkened by a fifth, so that it keeps a contrast of at least 4.5:1 on its tint (WCAG AA).
 */
export function SoftChip({ label, colour, icon, mono = false }: { label: string; colour: string; icon?: ReactElement; mono?: boolean }) {
  const text = darken(colour, 0.2);
  return (
    <Chip
      size="small"
      label={label}
      icon={icon}
      sx={{
        color: text,
        bgcolor: alpha(colour, 0.1),
        border: `1px solid ${alpha(colour, 0.22)}`,
        fontWeight: 600,
        height: 24,
        fontFamily: mono ? 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' : undefined,
        fontSize: mono ? '0.74rem' : '0.78rem',
        '& .MuiChip-icon': { color: text, fontSize: 16, ml: 0.75 },
      }}
    />
  );
}

export const STATUS_META: Record<TicketStatus, { label: string; colour: string }> = {
  OPEN: { label: 'Open', colour: '#0369a1' },
  PENDING: { label: 'Pending', colour: '#b45309' },
  RESOLVED: { label: 'Resolved', colour: '#15803d' },
  CLOSED: { label: 'Closed', colour: '#64748b' },
};

export const PRIORITY_META: Record<TicketPriority, { label: string; colour: string; icon: ReactElement }> = {
  LOW: { label: 'Low', colour: '#64748b', icon: <ArrowDownward /> },
  NORMAL: { label: 'Normal', colour: '#475569', icon: <Remove /> },
  HIGH: { label: 'High', colour: '#c2410c', icon: <ArrowUpward /> },
  URGENT: { label: 'Urgent', colour: '#b91c1c', icon: <PriorityHigh /> },
};

export function StatusChip({ status }: { status: TicketStatus }) {
  const meta = STATUS_META[status];
  return (
    <Chip
      size="small"
      label={meta.label}
      icon={<Box component="span" sx={{ width: 7, height: 7, borderRadius: '50%', bgcolor: meta.colour, ml: '10px !important' }} />}
      sx={{ color: darken(meta.colour, 0.2), bgcolor: alpha(meta.colour, 0.1), border: `1px solid ${alpha(meta.colour, 0.22)}`, fontWeight: 600, height: 24 }}
    />
  );
}

export function PriorityChip({ priority }: { priority: TicketPriority }) {
  const meta = PRIORITY_META[priority];
  return <SoftChip label={meta.label} colour={meta.colour} icon={meta.icon} />;
}

export const STAFF_ROLE_LABEL: Record<StaffRole, string> = { SUPERADMIN: 'Superadmin', SUPPORT: 'Support', COMPLIANCE: 'Compliance' };

export function StaffRoleChip({ role }: { role: StaffRole }) {
  return <SoftChip label={`Staff · ${STAFF_ROLE_LABEL[role]}`} colour="#7c3aed" />;
}

/** Choices for react-admin select inputs, in the order people think of them. */
export const STATUS_CHOICES = (['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const).map((id) => ({ id, name: STATUS_META[id].label }));
export const PRIORITY_CHOICES = (['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const).map((id) => ({ id, name: PRIORITY_META[id].label }));

export const INVITATION_STATUS_META: Record<InvitationStatus, { label: string; colour: string }> = {
  PENDING: { label: 'Pending', colour: '#b45309' },
  ACCEPTED: { label: 'Accepted', colour: '#15803d' },
  REVOKED: { label: 'Revoked', colour: '#64748b' },
  EXPIRED: { label: 'Expired', colour: '#b91c1c' },
};

export function InvitationStatusChip({ status }: { status: InvitationStatus }) {
  const meta = INVITATION_STATUS_META[status];
  return <SoftChip label={meta.label} colour={meta.colour} />;
}

/** Whether an account may sign in: active, or deactivated by staff. */
export function UserStatusChip({ deactivatedAt }: { deactivatedAt: string | null }) {
  return deactivatedAt ? <SoftChip label="Deactivated" colour="#b91c1c" /> : <SoftChip label="Active" colour="#15803d" />;
}
