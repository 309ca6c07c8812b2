import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { graphql, type FragmentType, getFragmentData } from '../../../../gql';
import type { RunRowFragment } from '../../../../gql/graphql';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import type { Column } from '../../../../shared/ui/DataTable';
import { urls } from '../../../urls';
import { durationBetween, RUN_TRIGGER_LABEL } from '../runLabels';
import { RunStatusChip } from './RunStatusChip';

/** The fields a run row shows; the list page spreads this into its query. */
export const RUN_ROW_FRAGMENT = graphql(`
  fragment RunRow on AutomationRun {
    id
    status
    trigger
    createdAt
    startedAt
    finishedAt
    attempts
    tool {
      id
      key
      name
    }
    requestedBy {
      id
      name
    }
  }
`);

export type RunSortField = 'createdAt';

export function runRows(nodes: readonly FragmentType<typeof RUN_ROW_FRAGMENT>[] | undefined): readonly RunRowFragment[] | undefined {
  return nodes ? getFragmentData(RUN_ROW_FRAGMENT, nodes) : undefined;
}

export const runColumns: readonly Column<RunRowFragment, RunSortField>[] = [
  {
    id: 'tool',
    header: 'Run',
    render: (r) => (
      <Box sx={{ minWidth: 0 }}>
        {/* A real link, so the row opens with Enter and in a new tab; the row click is a convenience on top. */}
        <Link
          component={RouterLink}
          to={urls.run(r.id)}
          onClick={(e) => e.stopPropagation()}
          color="text.primary"
          underline="hover"
          sx={{ display: 'block', fontWeight: 600, fontSize: '0.92rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 360 }}
        >
          {r.tool.name}
        </Link>
        <Typography variant="body2" color="text.secondary" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 360 }}>
          {r.requestedBy ? `by ${r.requestedBy.name}` : RUN_TRIGGER_LABEL[r.trigger]}
        </Typography>
      </Box>
    ),
  },
  { id: 'status', header: 'Status', render: (r) => <RunStatusChip status={r.status} />, width: 130 },
  {
    id: 'createdAt',
    header: 'Started',
    sortField: 'createdAt',
    hideBelow: 'sm',
    width: 150,
    render: (r) => (
      <Tooltip title={formatDateTime(r.createdAt)}>
        <Typography variant="body2" color="text.secondary">
          {timeAgo(r.createdAt)}
        </Typography>
      </Tooltip>
    ),
  },
  {
    id: 'duration',
    header: 'Duration',
    hideBelow: 'md',
    width: 120,
    render: (r) => (
      <Typography variant="body2" color="text.secondary">
        {durationBetween(r.startedAt, r.finishedAt) ?? '—'}
      </Typography>
    ),
  },
  {
    id: 'attempts',
    header: 'Attempts',
    hideBelow: 'lg',
    width: 100,
    align: 'right',
    render: (r) => <Typography variant="body2">{r.attempts}</Typography>,
  },
];
