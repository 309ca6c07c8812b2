import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ListParams } from '../../../../shared/ui/useListParams';
import { RUN_STATUS_LABEL, RUN_STATUSES } from '../runLabels';
import type { RunSortField } from './runColumns';

export type RunFilterKey = 'tool' | 'status' | 'from' | 'to';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD from the URL as the first (or, with `end`, last) instant of that UTC day; null when malformed. */
export function dayBound(value: string | undefined, end = false): string | null {
  if (!value || !DAY.test(value)) return null;
  const t = Date.parse(`${value}T00:00:00.000Z`);
  if (Number.isNaN(t)) return null;
  return new Date(end ? t + 86_400_000 - 1 : t).toISOString();
}

/** Tool, status and a date range (UTC days); each change lands in the URL. */
export function RunFilters({ params, tools }: { params: ListParams<RunSortField, RunFilterKey>; tools: readonly { id: string; name: string }[] }) {
  const tool = params.filters.tool[0] ?? '';
  const from = params.filters.from[0] ?? '';
  const to = params.filters.to[0] ?? '';
  const knownTool = tools.some((t) => t.id === tool);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
      <TextField select size="small" label="Tool" value={knownTool ? tool : ''} onChange={(e) => params.setFilter('tool', e.target.value ? [e.target.value] : [])} sx={{ minWidth: 200, flex: { xs: '1 1 100%', sm: '0 1 240px' } }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
        <MenuItem value="">All tools</MenuItem>
        {tools.map((t) => (
          <MenuItem key={t.id} value={t.id}>
            {t.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        size="small"
        label="From"
        value={from}
        onChange={(e) => params.setFilter('from', e.target.value ? [e.target.value] : [])}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: to || undefined } }}
        sx={{ flex: { xs: '1 1 140px', sm: '0 0 170px' } }}
      />
      <TextField
        type="date"
        size="small"
        label="To"
        value={to}
        onChange={(e) => params.setFilter('to', e.target.value ? [e.target.value] : [])}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: from || undefined } }}
        sx={{ flex: { xs: '1 1 140px', sm: '0 0 170px' } }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, maxWidth: '100%', minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary" id="filter-run-status">
          Status
        </Typography>
        <ToggleButtonGroup size="small" value={params.filters.status} onChange={(_e, v: string[]) => params.setFilter('status', v)} aria-labelledby="filter-run-status" sx={{ overflowX: 'auto' }}>
          {RUN_STATUSES.map((s) => (
            <ToggleButton key={s} value={s} sx={{ px: 1.25, py: 0.4, textTransform: 'none', fontWeight: 600 }}>
              {RUN_STATUS_LABEL[s]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {params.hasFilters && (
        <Button size="small" onClick={params.clearFilters}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}
