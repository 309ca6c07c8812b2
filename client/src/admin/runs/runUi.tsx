import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { MessageStatus, RunStatus } from '../../gql/graphql';
import { SoftChip } from '../ui/chips';
import { mono } from '../ui/DetailList';

export const RUN_STATUS_META: Record<RunStatus, { label: string; colour: string }> = {
  QUEUED: { label: 'Queued', colour: '#64748b' },
  RUNNING: { label: 'Running', colour: '#2563eb' },
  SUCCEEDED: { label: 'Succeeded', colour: '#15803d' },
  FAILED: { label: 'Failed', colour: '#b91c1c' },
  CANCELLED: { label: 'Cancelled', colour: '#92400e' },
};

export function RunStatusChip({ status }: { status: RunStatus }) {
  return <SoftChip label={RUN_STATUS_META[status].label} colour={RUN_STATUS_META[status].colour} />;
}

export const RUN_STATUS_CHOICES = (Object.keys(RUN_STATUS_META) as RunStatus[]).map((id) => ({ id, name: RUN_STATUS_META[id].label }));

export const MESSAGE_STATUS_META: Record<MessageStatus, { label: string; colour: string }> = {
  RECEIVED: { label: 'Received', colour: '#64748b' },
  PROCESSED: { label: 'Processed', colour: '#15803d' },
  IGNORED: { label: 'Ignored', colour: '#92400e' },
  FAILED: { label: 'Refused', colour: '#b91c1c' },
};

export function MessageStatusChip({ status }: { status: MessageStatus }) {
  return <SoftChip label={MESSAGE_STATUS_META[status].label} colour={MESSAGE_STATUS_META[status].colour} />;
}

export const MESSAGE_STATUS_CHOICES = (Object.keys(MESSAGE_STATUS_META) as MessageStatus[]).map((id) => ({ id, name: MESSAGE_STATUS_META[id].label }));

/** JSON (a run's input or output, a message's payload) as an indented, scrolling block. */
export function JsonBlock({ value, label, empty = 'Nothing.' }: { value: unknown; label: string; empty?: string }) {
  if (value === null || value === undefined) {
    return (
      <Typography variant="body2" color="text.secondary">
        {empty}
      </Typography>
    );
  }
  return (
    <Box
      component="pre"
      aria-label={label}
      tabIndex={0}
      sx={{ ...mono, m: 0, p: 1.5, bgcolor: '#f8fafc', border: '1px solid', borderColor: 'divider', borderRadius: 1, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}
