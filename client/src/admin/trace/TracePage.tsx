import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Title, useBasename, useCanAccess, useCreatePath, useDataProvider, usePermissions } from 'react-admin';
import { useNavigate, useParams } from 'react-router';
import { canAccessWith } from '../providers/access';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { TraceEntry } from '../providers/trace.provider';
import { RESOURCES } from '../resource-names';
import { tracePath } from '../ui/CorrelationLink';
import { mono } from '../ui/DetailList';
import { AdminPageHeading } from '../ui/ResponsiveList';
import { SectionEmpty, SectionError, SectionLoading } from '../ui/SectionState';
import { TraceEntryItem } from '../../shared/ui/TraceEntryItem';

/** The back-office resource that shows each kind of node (runs and messages when the back office has them). */
const RESOURCE_OF: Record<string, string> = {
  Ticket: RESOURCES.tickets,
  AuditLog: RESOURCES.auditLogs,
  SystemEvent: RESOURCES.systemEvents,
  Incident: RESOURCES.incidents,
  AutomationRun: 'runs',
  InboundMessage: 'messages',
};

function detailOf(entry: TraceEntry): string | null {
  const n = entry.node;
  switch (n.__typename) {
    case 'Ticket':
      return `#${n.number} · ${n.tenant.name}`;
    case 'AuditLog':
      return n.actorKind === 'SYSTEM' || !n.actor ? `${n.action} · by Atrium (system)` : `${n.action} · by ${n.actor.name}${n.actorKind === 'API_KEY' ? ' through an API key' : ''}`;
    case 'SystemEvent':
      return `${n.severity.toLowerCase()} · ${n.type} · ${n.source}`;
    case 'InboundMessage':
      return `${n.channel.toLowerCase()} from ${n.sender}`;
    case 'AutomationRun':
      return n.runStatus.toLowerCase();
    case 'Incident':
      return n.incidentStatus.toLowerCase();
    default:
      return null;
  }
}

function Entry({ entry, permissions }: { entry: TraceEntry; permissions: readonly string[] }) {
  const createPath = useCreatePath();
  const resource = RESOURCE_OF[entry.node.__typename];
  const href = resource && canAccessWith(permissions, resource, 'show') ? createPath({ resource, id: entry.node.id, type: 'show' }) : null;
  return <TraceEntryItem kind={entry.kind} at={entry.at} title={entry.title} href={href} detail={detailOf(entry)} />;
}

function TraceForm({ initial }: { initial: string }) {
  const navigate = useNavigate();
  const basename = useBasename();
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  return (
    <Box
      component="form"
      role="search"
      aria-label="Trace a request"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) void navigate(tracePath(basename, value.trim()));
      }}
      sx={{ display: 'flex', gap: 1, mb: 2, flexDirection: { xs: 'column', sm: 'row' } }}
    >
      <TextField
        size="small"
        label="Request id"
        placeholder="Paste an X-Correlation-Id"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 128, style: mono } }}
        sx={{ flex: 1, maxWidth: { sm: 520 } }}
      />
      <Button type="submit" variant="contained" disabled={!value.trim()}>
        Trace
      </Button>
    </Box>
  );
}

/**
 * /admin/trace/:id: everything one request id touched, across tenants, in time order (messages,
 * runs, events, incidents, tickets, audit entries), each linking to its page where the back
 * office has one. Staff with platform:correlation:read; the server audits the read.
 */
export function AdminTracePage() {
  const { id = '' } = useParams();
  const dataProvider = useDataProvider<AdminDataProvider>();
  const { canAccess, isPending: checking } = useCanAccess({ resource: RESOURCES.systemEvents, action: 'trace' });
  const { permissions } = usePermissions<string[]>();
  const query = useQuery({
    queryKey: ['trace', id],
    queryFn: ({ signal }) => dataProvider.trace(RESOURCES.systemEvents, { id, signal }).then((r) => r.data),
    enabled: Boolean(id) && canAccess === true,
  });
  return (
    <Box sx={{ maxWidth: 880 }}>
      <Title title="Trace" />
      <AdminPageHeading
        title="Request trace"
        subtitle={
          id ? (
            <>
              Everything request <Box component="span" sx={{ ...mono, wordBreak: 'break-all' }}>{id}</Box> touched, oldest first.
            </>
          ) : (
            'Paste a request id to see everything it touched.'
          )
        }
      />
      <TraceForm initial={id} />
      <Card>
        <CardContent>
          {checking ? (
            <SectionLoading label="the trace" />
          ) : !canAccess ? (
            <Alert severity="warning">Tracing requests needs the platform:correlation:read permission.</Alert>
          ) : !id ? (
            <SectionEmpty>No request id yet.</SectionEmpty>
          ) : query.isPending ? (
            <SectionLoading label="the trace" rows={5} />
          ) : query.isError ? (
            <SectionError error={query.error} onRetry={() => void query.refetch()} />
          ) : query.data.entries.length === 0 ? (
            <SectionEmpty>Nothing recorded for this request id.</SectionEmpty>
          ) : (
            <>
              {query.data.truncated && (
                <Alert severity="info" sx={{ mb: 2 }}>
                  This request touched more than can be shown; the oldest entries are listed.
                </Alert>
              )}
              <Box component="ol" aria-label="Request chain" sx={{ listStyle: 'none', m: 0, p: 0 }}>
                {query.data.entries.map((entry) => (
                  <Entry key={`${entry.node.__typename}:${entry.node.id}`} entry={entry} permissions={permissions ?? []} />
                ))}
              </Box>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
