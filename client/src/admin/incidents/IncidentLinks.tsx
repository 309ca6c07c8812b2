import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { IncidentEventRecord, IncidentRecord, IncidentTicketRecord } from '../providers/incidents.provider';
import { RESOURCES } from '../resource-names';
import { FormDialog } from '../ui/FormDialog';
import { formatDateTime } from '../ui/format';
import { SectionError } from '../ui/SectionState';
import { useIncidentReload } from './useIncidentReload';

/** A value that follows `value` once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** Search results with a checkbox each; linked items are shown ticked and cannot be picked again. */
function PickList<T extends { id: string }>({
  label,
  query,
  picked,
  linked,
  onToggle,
  primary,
  secondary,
  total,
}: {
  label: string;
  query: { data: T[] | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  picked: ReadonlySet<string>;
  linked: ReadonlySet<string>;
  onToggle: (id: string) => void;
  primary: (item: T) => ReactNode;
  secondary: (item: T) => ReactNode;
  total: number | undefined;
}) {
  if (query.error) return <SectionError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || !query.data) {
    return (
      <Box aria-busy="true" aria-label={`Searching ${label}`}>
        <Skeleton height={48} />
        <Skeleton height={48} />
      </Box>
    );
  }
  if (!query.data.length) return <Typography color="text.secondary">Nothing matches this search.</Typography>;
  return (
    <>
      <List dense aria-label={label} sx={{ maxHeight: 320, overflowY: 'auto', border: 1, borderColor: 'divider', borderRadius: 2 }}>
        {query.data.map((item) => {
          const already = linked.has(item.id);
          const checked = already || picked.has(item.id);
          const labelId = `pick-${item.id}`;
          return (
            <ListItem key={item.id} disablePadding>
              <ListItemButton onClick={() => !already && onToggle(item.id)} disabled={already}>
                <ListItemIcon sx={{ minWidth: 36 }}>
                  <Checkbox edge="start" checked={checked} tabIndex={-1} disableRipple slotProps={{ input: { 'aria-labelledby': labelId } }} />
                </ListItemIcon>
                <ListItemText id={labelId} primary={primary(item)} secondary={<>{secondary(item)}{already ? ' · already linked' : ''}</>} />
              </ListItemButton>
            </ListItem>
          );
        })}
      </List>
      {total !== undefined && total > query.data.length && (
        <Typography variant="caption" color="text.secondary">
          Showing {query.data.length} of {total}; narrow the search to find others.
        </Typography>
      )}
    </>
  );
}

function togglerOf(setPicked: (f: (p: Set<string>) => Set<string>) => void) {
  return (id: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
}

/** Search tickets of every tenant by text and link the picked ones; their tenants join the affected tenants. */
export function LinkTicketsDialog({ incident, open, onClose }: { incident: IncidentRecord; open: boolean; onClose: () => void }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useIncidentReload();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const search = useDebounced(text);
  const results = useQuery({
    queryKey: [RESOURCES.incidents, 'ticket-search', search],
    queryFn: ({ signal }) => dataProvider.searchIncidentTickets(RESOURCES.incidents, { text: search, signal }),
    enabled: open,
    retry: false,
  });
  const linked = new Set((incident.detail?.tickets ?? []).map((t) => t.id));
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Link tickets"
      submitLabel={picked.size ? `Link ${picked.size} ticket${picked.size === 1 ? '' : 's'}` : 'Link tickets'}
      canSubmit={picked.size > 0}
      action={async () => {
        await dataProvider.linkIncidentTickets(RESOURCES.incidents, { incidentId: incident.id, ticketIds: [...picked] });
        return `${picked.size} ticket${picked.size === 1 ? '' : 's'} linked.`;
      }}
      onDone={() => {
        setPicked(new Set());
        reload();
      }}
    >
      <TextField label="Search tickets" value={text} onChange={(e) => setText(e.target.value)} placeholder="Subject or description" autoFocus type="search" />
      <PickList<IncidentTicketRecord>
        label="Tickets found"
        query={{ data: results.data?.data, error: results.error, isPending: results.isPending, refetch: results.refetch }}
        total={results.data?.total}
        picked={picked}
        linked={linked}
        onToggle={togglerOf(setPicked)}
        primary={(t) => `#${t.number} ${t.subject}`}
        secondary={(t) => `${t.tenant.name} · ${t.status.toLowerCase()}`}
      />
    </FormDialog>
  );
}

/** Search system events by type (exact or a prefix such as "run.") and link the picked ones. */
export function LinkEventsDialog({ incident, open, onClose }: { incident: IncidentRecord; open: boolean; onClose: () => void }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useIncidentReload();
  const [type, setType] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const search = useDebounced(type.trim());
  const results = useQuery({
    queryKey: [RESOURCES.incidents, 'event-search', search],
    queryFn: ({ signal }) => dataProvider.searchIncidentEvents(RESOURCES.incidents, { type: search, signal }),
    enabled: open,
    retry: false,
  });
  const linked = new Set((incident.detail?.events ?? []).map((e) => e.id));
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Link system events"
      submitLabel={picked.size ? `Link ${picked.size} event${picked.size === 1 ? '' : 's'}` : 'Link events'}
      canSubmit={picked.size > 0}
      action={async () => {
        await dataProvider.linkIncidentEvents(RESOURCES.incidents, { incidentId: incident.id, eventIds: [...picked] });
        return `${picked.size} event${picked.size === 1 ? '' : 's'} linked.`;
      }}
      onDone={() => {
        setPicked(new Set());
        reload();
      }}
    >
      <TextField
        label="Event type"
        value={type}
        onChange={(e) => setType(e.target.value)}
        placeholder="e.g. run.failed, or run. for every run event"
        helperText="The exact type, or a prefix ending in a dot. Newest first."
        autoFocus
        type="search"
      />
      <PickList<IncidentEventRecord>
        label="Events found"
        query={{ data: results.data?.data, error: results.error, isPending: results.isPending, refetch: results.refetch }}
        total={results.data?.total}
        picked={picked}
        linked={linked}
        onToggle={togglerOf(setPicked)}
        primary={(e) => e.type}
        secondary={(e) => `${e.tenant?.name ?? 'Platform'} · ${e.severity.toLowerCase()} · ${formatDateTime(e.occurredAt)}`}
      />
    </FormDialog>
  );
}
