import Search from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { ListParams } from '../../../../shared/ui/useListParams';
import { PRIORITY_LABEL, STATUS_LABEL, TICKET_PRIORITIES, TICKET_STATUSES } from '../ticketLabels';
import type { TicketSortField } from './ticketColumns';

export type TicketFilterKey = 'status' | 'priority' | 'assignee';

/**
 * Status and priority toggles, a text search and (given `assignees`, the people who work tickets)
 * an assignee picker; each change lands in the URL.
 */
export function TicketFilters({ params, assignees }: { params: ListParams<TicketSortField, TicketFilterKey>; assignees?: readonly { id: string; name: string }[] | null }) {
  const [text, setText] = useState(params.q);
  useEffect(() => setText(params.q), [params.q]);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
      <Box
        component="form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          params.setQuery(text);
        }}
        sx={{ flex: '1 1 220px', maxWidth: 320 }}
      >
        <TextField
          fullWidth
          placeholder="Search subject or description"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => text !== params.q && params.setQuery(text)}
          slotProps={{
            htmlInput: { 'aria-label': 'Search tickets' },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <Search fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, maxWidth: '100%', minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary" id="filter-status">
          Status
        </Typography>
        <ToggleButtonGroup size="small" value={params.filters.status} onChange={(_e, v: string[]) => params.setFilter('status', v)} aria-labelledby="filter-status" sx={{ overflowX: 'auto' }}>
          {TICKET_STATUSES.map((s) => (
            <ToggleButton key={s} value={s} sx={{ px: 1.25, py: 0.4, textTransform: 'none', fontWeight: 600 }}>
              {STATUS_LABEL[s]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, maxWidth: '100%', minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary" id="filter-priority">
          Priority
        </Typography>
        <ToggleButtonGroup size="small" value={params.filters.priority} onChange={(_e, v: string[]) => params.setFilter('priority', v)} aria-labelledby="filter-priority" sx={{ overflowX: 'auto' }}>
          {TICKET_PRIORITIES.map((p) => (
            <ToggleButton key={p} value={p} sx={{ px: 1.25, py: 0.4, textTransform: 'none', fontWeight: 600 }}>
              {PRIORITY_LABEL[p]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {assignees && (
        <TextField
          select
          size="small"
          label="Assignee"
          value={params.filters.assignee[0] ?? ''}
          onChange={(e) => params.setFilter('assignee', e.target.value ? [e.target.value] : [])}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">Anyone</MenuItem>
          {assignees.map((a) => (
            <MenuItem key={a.id} value={a.id}>
              {a.name}
            </MenuItem>
          ))}
          {params.filters.assignee[0] && !assignees.some((a) => a.id === params.filters.assignee[0]) && <MenuItem value={params.filters.assignee[0]}>Someone else</MenuItem>}
        </TextField>
      )}
      {params.hasFilters && (
        <Button size="small" onClick={params.clearFilters}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}
