import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { type ReactNode, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { graphql } from '../../../../gql';
import type { TraceQuery } from '../../../../gql/graphql';
import { errorCodeOf, messageOf } from '../../../../shared/errors';
import { useSession } from '../../../../shared/session';
import { useCrumbLabel } from '../../../../shared/ui/layout/Breadcrumbs';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { EmptyState, ErrorState } from '../../../../shared/ui/StateViews';
import { TraceEntryItem } from '../../../../shared/ui/TraceEntryItem';
import { urls } from '../../../urls';
import { ChangeDiff } from '../../activity/components/ChangeDiff';
import { MONO } from '../../developers/components/CopyableText';

const TRACE_QUERY = graphql(`
  query Trace($id: String!) {
    correlation(id: $id) {
      id
      truncated
      entries {
        at
        kind
        title
        node {
          __typename
          id
          ... on Ticket {
            number
            subject
          }
          ... on AuditLog {
            action
            actorKind
            actor {
              id
              name
            }
            diff
          }
          ... on SystemEvent {
            type
            severity
          }
          ... on InboundMessage {
            channel
            sender
          }
          ... on AutomationRun {
            runStatus: status
          }
          ... on Incident {
            incidentStatus: status
          }
        }
      }
    }
  }
`);

type Entry = TraceQuery['correlation']['entries'][number];

/** A second line for the entry: who acted, what kind, in what state. */
function detailOf(entry: Entry): string | null {
  const n = entry.node;
  switch (n.__typename) {
    case 'AuditLog':
      return n.actorKind === 'SYSTEM' || !n.actor ? 'By Atrium (system)' : `By ${n.actor.name}${n.actorKind === 'API_KEY' ? ' through an API key' : ''}`;
    case 'SystemEvent':
      return `${n.severity.toLowerCase()} · ${n.type}`;
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

/** One link in the chain: its kind, what it is, when, and where to see it. */
function TraceEntry({ entry, correlationId }: { entry: Entry; correlationId: string }) {
  const session = useSession();
  const [showDiff, setShowDiff] = useState(false);
  const n = entry.node;
  const href =
    n.__typename === 'Ticket'
      ? urls.ticket(n.id)
      : n.__typename === 'InboundMessage' && session.can('message:read')
        ? urls.messages({ correlationId })
        : n.__typename === 'SystemEvent' && session.can('event:read')
          ? urls.systemEvents({ correlationId })
          : n.__typename === 'AuditLog' && session.can('audit:read')
            ? urls.auditLog({ correlationId })
            : n.__typename === 'AutomationRun' && session.can('run:read')
              ? urls.run(n.id)
              : n.__typename === 'Incident' && session.can('incident:read')
                ? urls.incident(n.id)
                : null;
  return (
    <TraceEntryItem kind={entry.kind} at={entry.at} title={entry.title} href={href} detail={detailOf(entry)}>
        {n.__typename === 'AuditLog' && n.diff != null && (
          <>
            <Button size="small" onClick={() => setShowDiff((v) => !v)} aria-expanded={showDiff} sx={{ mt: 0.5, ml: -1 }}>
              {showDiff ? 'Hide changes' : 'Show changes'}
            </Button>
            <Collapse in={showDiff} unmountOnExit>
              <Box sx={{ mt: 1, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: '#fbfcfe' }}>
                <ChangeDiff diff={n.diff} />
              </Box>
            </Collapse>
          </>
        )}
    </TraceEntryItem>
  );
}

/** Paste a request id, see its chain. */
function TraceForm({ initial }: { initial: string }) {
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  return (
    <Box
      component="form"
      role="search"
      aria-label="Trace a request"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) void navigate(urls.trace(value.trim()));
      }}
      sx={{ display: 'flex', gap: 1, mb: 3, flexDirection: { xs: 'column', sm: 'row' } }}
    >
      <TextField
        size="small"
        label="Request id"
        placeholder="Paste an X-Correlation-Id"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        sx={{ flex: 1, maxWidth: { sm: 520 }, '& input': { fontFamily: MONO, fontSize: '0.9rem' } }}
      />
      <Button type="submit" variant="contained" disabled={!value.trim()}>
        Trace
      </Button>
    </Box>
  );
}

/**
 * A request's whole story (correlation:read): given a correlation id, everything the caller may
 * see that carries it, oldest first: message, run, events, incident, ticket and audit entries.
 */
export function TracePage() {
  const { correlationId = '' } = useParams();
  const id = correlationId.trim();
  const { data, loading, error, refetch } = useQuery(TRACE_QUERY, { variables: { id }, skip: !id, notifyOnNetworkStatusChange: true });
  useCrumbLabel(id ? (id.length > 24 ? `${id.slice(0, 10)}…${id.slice(-8)}` : id) : null);
  const chain = data?.correlation;

  let body: ReactNode;
  if (!id) {
    body = (
      <EmptyState
        title="Paste a request id to trace it"
        description="Every request, inbound message and run has one. Ticket pages, audit entries and messages link theirs here."
      />
    );
  } else if (loading && !chain) {
    body = (
      <Stack spacing={2} aria-busy>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} variant="rounded" height={56} />
        ))}
      </Stack>
    );
  } else if (error && !chain) {
    body = errorCodeOf(error) === 'BAD_USER_INPUT' ? <Alert severity="error">{messageOf(error)}</Alert> : <ErrorState message={messageOf(error)} onRetry={() => void refetch()} />;
  } else if (!chain || chain.entries.length === 0) {
    body = <EmptyState title="Nothing carries this request id" description="Either nothing happened under it, or it belongs to something your role cannot see." />;
  } else {
    body = (
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, borderRadius: 3 }}>
        {chain.truncated && (
          <Alert severity="info" sx={{ mb: 2 }}>
            This request caused a lot: only the first 100 entries of each kind are shown.
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {chain.entries.length} {chain.entries.length === 1 ? 'entry' : 'entries'}, oldest first
        </Typography>
        <Box
          component="ol"
          aria-label="Request chain"
          sx={{ listStyle: 'none', m: 0, p: 0, position: 'relative', '&::before': { content: '""', position: 'absolute', left: 17, top: 8, bottom: 8, width: 2, bgcolor: 'divider' } }}
        >
          {chain.entries.map((entry, i) => (
            <TraceEntry key={`${entry.kind}:${entry.node.id}:${i}`} entry={entry} correlationId={chain.id} />
          ))}
        </Box>
      </Paper>
    );
  }

  return (
    <Box sx={{ maxWidth: 960 }}>
      <PageHeader
        title="Trace"
        subtitle={
          id ? (
            <>
              Everything you may see that request{' '}
              <Box component="span" sx={{ fontFamily: MONO, fontSize: '0.9em', wordBreak: 'break-all' }}>
                {id}
              </Box>{' '}
              caused, in time order.
            </>
          ) : (
            'Follow one request through messages, runs, events, incidents, tickets and the audit log.'
          )
        }
      />
      <TraceForm initial={id} />
      {body}
    </Box>
  );
}
