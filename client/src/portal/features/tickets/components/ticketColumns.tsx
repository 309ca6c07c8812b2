import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import { visuallyHidden } from '@mui/utils';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { graphql, type FragmentType, getFragmentData } from '../../../../gql';
import type { TicketRowFragment } from '../../../../gql/graphql';
import { Link as RouterLink } from 'react-router';
import { formatDateTime, initialsOf, timeAgo } from '../../../../shared/format';
import type { Column } from '../../../../shared/ui/DataTable';
import { urls } from '../../../urls';
import { TicketPriorityLabel, TicketStatusChip } from './TicketChips';

/** The fields a ticket row shows; the list page spreads this into its query. */
export const TICKET_ROW_FRAGMENT = graphql(`
  fragment TicketRow on Ticket {
    id
    number
    subject
    status
    priority
    version
    createdAt
    updatedAt
    requester {
      id
      name
    }
    assignee {
      id
      name
    }
  }
`);

export type TicketSortField = 'createdAt' | 'updatedAt' | 'priority';

export function ticketRows(nodes: readonly FragmentType<typeof TICKET_ROW_FRAGMENT>[] | undefined): readonly TicketRowFragment[] | undefined {
  return nodes ? getFragmentData(TICKET_ROW_FRAGMENT, nodes) : undefined;
}

export const ticketColumns: readonly Column<TicketRowFragment, TicketSortField>[] = [
  {
    id: 'subject',
    header: 'Ticket',
    render: (t) => (
      <Box sx={{ minWidth: 0 }}>
        {/* A real link, so the row opens from the keyboard and in a new tab; the row click is a convenience on top. */}
        <Link
          component={RouterLink}
          to={urls.ticket(t.id)}
          onClick={(e) => e.stopPropagation()}
          color="text.primary"
          underline="hover"
          sx={{ display: 'block', fontWeight: 600, fontSize: '0.92rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 460 }}
        >
          {t.subject}
        </Link>
        <Typography variant="body2" color="text.secondary">
          #{t.number} · opened by {t.requester.name}
        </Typography>
      </Box>
    ),
  },
  { id: 'status', header: 'Status', render: (t) => <TicketStatusChip status={t.status} />, width: 130 },
  { id: 'priority', header: 'Priority', render: (t) => <TicketPriorityLabel priority={t.priority} />, sortField: 'priority', width: 130 },
  {
    id: 'assignee',
    header: 'Assignee',
    hideBelow: 'md',
    width: 190,
    render: (t) =>
      t.assignee ? (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Avatar sx={{ width: 24, height: 24, fontSize: '0.65rem', bgcolor: '#c7d2fe', color: '#3730a3' }}>{initialsOf(t.assignee.name)}</Avatar>
          <Typography variant="body2">{t.assignee.name}</Typography>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">
          Unassigned
        </Typography>
      ),
  },
  {
    id: 'createdAt',
    header: 'Created',
    sortField: 'createdAt',
    hideBelow: 'sm',
    width: 140,
    render: (t) => (
      <Tooltip title={formatDateTime(t.createdAt)}>
        <Typography variant="body2" color="text.secondary">
          {timeAgo(t.createdAt)}
        </Typography>
      </Tooltip>
    ),
  },
  {
    id: 'updatedAt',
    header: 'Updated',
    sortField: 'updatedAt',
    hideBelow: 'lg',
    width: 140,
    render: (t) => (
      <Tooltip title={formatDateTime(t.updatedAt)}>
        <Typography variant="body2" color="text.secondary">
          {timeAgo(t.updatedAt)}
        </Typography>
      </Tooltip>
    ),
  },
];

/**
 * The queue's row action: "Assign to me" on tickets someone else (or nobody) works. `busy` is the
 * ticket being assigned, its button disabled meanwhile.
 */
export function assignToMeColumn(meId: string, busy: string | null, onAssign: (t: TicketRowFragment) => void): Column<TicketRowFragment, TicketSortField> {
  return {
    id: 'assign',
    header: '',
    align: 'right',
    width: 140,
    render: (t) =>
      t.assignee?.id === meId ? (
        <Typography variant="body2" color="text.secondary">
          Yours
        </Typography>
      ) : (
        <Button
          size="small"
          variant="outlined"
          disabled={busy === t.id}
          onClick={(e) => {
            e.stopPropagation();
            onAssign(t);
          }}
          sx={{ whiteSpace: 'nowrap' }}
        >
          {/* Named by its content, so the name holds the visible words: "Assign #7 to me". */}
          {busy === t.id ? (
            'Assigning…'
          ) : (
            // One span: a flex button drops the bare spaces between its children.
            <span>
              Assign
              <Box component="span" sx={visuallyHidden}>
                {` #${t.number}`}
              </Box>{' '}
              to me
            </span>
          )}
        </Button>
      ),
  };
}
