import type { ErrorLike } from '@apollo/client';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Select from '@mui/material/Select';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { messageOf } from '../errors';
import { EmptyState, ErrorState } from './StateViews';
import type { ListParams } from './useListParams';

export interface Column<Row, F extends string = string> {
  id: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** Server-side sort field this column sorts by, when it can. */
  sortField?: F;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  /** Hidden below this breakpoint to keep small screens readable. */
  hideBelow?: 'sm' | 'md' | 'lg';
}

export interface PageInfoLike {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export interface DataTableProps<Row, F extends string = string> {
  /** Accessible name of the table, e.g. "Tickets". */
  label: string;
  columns: readonly Column<Row, F>[];
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  loading: boolean;
  error?: ErrorLike | null;
  onRetry: () => void;
  params: Pick<ListParams<F>, 'sort' | 'size' | 'pageSizes' | 'setSort' | 'setSize' | 'next' | 'previous'>;
  pageInfo?: PageInfoLike | null;
  totalCount?: number | null;
  onRowClick?: (row: Row) => void;
  /** What to show when there are no rows (differs with and without filters). */
  empty: { title: string; description?: ReactNode; action?: ReactNode };
  /** Filters and search, above the table. */
  toolbar?: ReactNode;
  /** Rows the loading skeleton shows. */
  skeletonRows?: number;
}

const hide = (bp?: 'sm' | 'md' | 'lg') => (bp ? { display: { xs: 'none', [bp]: 'table-cell' } } : {});

/**
 * A body cell: a table cell from `sm` up; on a phone every row becomes a card and each cell a
 * "label: value" line (the label is the column's header), so nothing scrolls sideways. Columns
 * hidden on small screens show in the card, which has room for them.
 */
const cell = (bp?: 'sm' | 'md' | 'lg') => ({ display: { xs: 'grid', sm: !bp || bp === 'sm' ? 'table-cell' : 'none', ...(bp && bp !== 'sm' ? { [bp]: 'table-cell' } : {}) } });

/** The table laid out as a list of cards below `sm` (semantics stay a table: the markup does not change). */
const cardsOnPhones = {
  '@media (max-width: 599.95px)': {
    display: 'block',
    '& thead': { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
    '& tbody': { display: 'block' },
    '& tbody tr': { display: 'block', py: 1.25, px: 0.5, borderBottom: 1, borderColor: 'divider' },
    '& tbody tr:last-child': { borderBottom: 0 },
    '& tbody td': { gridTemplateColumns: '7.5rem minmax(0, 1fr)', columnGap: 1.5, alignItems: 'baseline', justifyItems: 'start', border: 0, py: 0.5, px: 1.5, textAlign: 'left', overflowWrap: 'anywhere' },
    '& tbody td[data-label]::before': { content: 'attr(data-label)', color: 'text.secondary', fontSize: '0.75rem', fontWeight: 600, textTransform: 'uppercase', letterSpacing: '0.04em' },
    '& tbody td:not([data-label])': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
} as const;

/**
 * The one table for lists: loading, empty and error states (with retry), server-side sorting and
 * cursor pagination (previous, next, page size). It keeps no state: the URL does (useListParams).
 */
export function DataTable<Row, F extends string = string>(props: DataTableProps<Row, F>) {
  const { label, columns, rows, rowKey, loading, error, onRetry, params, pageInfo, totalCount, onRowClick, empty, toolbar, skeletonRows = 8 } = props;
  const showSkeleton = loading && !rows;
  const showError = Boolean(error) && !loading;
  const showEmpty = !loading && !error && rows !== undefined && rows.length === 0;
  // An id holds no spaces (aria-labelledby reads a space as a second id).
  const pageSizeLabelId = `${label.replace(/[^a-zA-Z0-9_-]+/g, '-')}-page-size`;

  return (
    <Paper variant="outlined" sx={{ borderRadius: 3, overflow: 'hidden' }}>
      {toolbar && <Box sx={{ p: 2, borderBottom: 1, borderColor: 'divider' }}>{toolbar}</Box>}
      {showError ? (
        <ErrorState message={messageOf(error)} onRetry={onRetry} />
      ) : showEmpty ? (
        <EmptyState title={empty.title} description={empty.description} action={empty.action} />
      ) : (
        <TableContainer>
          <Table aria-label={label} aria-busy={loading} size="medium" sx={cardsOnPhones}>
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c.id} align={c.align} sx={{ width: c.width, ...hide(c.hideBelow) }} sortDirection={c.sortField && params.sort.field === c.sortField ? params.sort.direction : false}>
                    {c.sortField ? (
                      <TableSortLabel
                        active={params.sort.field === c.sortField}
                        direction={params.sort.field === c.sortField ? params.sort.direction : 'desc'}
                        onClick={() => c.sortField && params.setSort(c.sortField)}
                      >
                        {c.header}
                      </TableSortLabel>
                    ) : (
                      c.header
                    )}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody sx={{ opacity: loading && rows ? 0.55 : 1, transition: 'opacity .15s' }}>
              {showSkeleton
                ? Array.from({ length: skeletonRows }, (_, i) => (
                    <TableRow key={i} data-testid="skeleton-row">
                      {columns.map((c) => (
                        <TableCell key={c.id} sx={cell(c.hideBelow)}>
                          <Skeleton variant="text" width={i % 2 ? '70%' : '90%'} />
                        </TableCell>
                      ))}
                    </TableRow>
                  ))
                : (rows ?? []).map((row) => (
                    <TableRow
                      key={rowKey(row)}
                      hover={Boolean(onRowClick)}
                      onClick={onRowClick ? () => onRowClick(row) : undefined}
                      sx={{ cursor: onRowClick ? 'pointer' : 'default', '&:last-child td': { borderBottom: 0 } }}
                    >
                      {columns.map((c) => (
                        <TableCell key={c.id} align={c.align} sx={cell(c.hideBelow)} data-label={c.header || undefined}>
                          {c.render(row)}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {!showError && (
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 2, px: 2, py: 1, borderTop: 1, borderColor: 'divider', bgcolor: '#fbfcfe' }}>
          <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto' }} aria-live="polite">
            {typeof totalCount === 'number' ? `${totalCount} ${totalCount === 1 ? 'result' : 'results'}` : ''}
          </Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography variant="body2" color="text.secondary" id={pageSizeLabelId}>
              Rows per page
            </Typography>
            <Select
              value={params.size}
              onChange={(e) => params.setSize(Number(e.target.value))}
              variant="standard"
              disableUnderline
              labelId={pageSizeLabelId}
              sx={{ fontSize: '0.875rem' }}
            >
              {params.pageSizes.map((n) => (
                <MenuItem key={n} value={n}>
                  {n}
                </MenuItem>
              ))}
            </Select>
          </Box>
          <Box>
            <Tooltip title="Previous page">
              <span>
                <IconButton
                  aria-label="Previous page"
                  size="small"
                  disabled={loading || !pageInfo?.hasPreviousPage || !pageInfo.startCursor}
                  onClick={() => pageInfo?.startCursor && params.previous(pageInfo.startCursor)}
                >
                  <ChevronLeft />
                </IconButton>
              </span>
            </Tooltip>
            <Tooltip title="Next page">
              <span>
                <IconButton
                  aria-label="Next page"
                  size="small"
                  disabled={loading || !pageInfo?.hasNextPage || !pageInfo.endCursor}
                  onClick={() => pageInfo?.endCursor && params.next(pageInfo.endCursor)}
                >
                  <ChevronRight />
                </IconButton>
              </span>
            </Tooltip>
          </Box>
        </Box>
      )}
    </Paper>
  );
}
