import PlayArrow from '@mui/icons-material/PlayArrow';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { Link as RouterLink } from 'react-router';
import { graphql } from '../../../../gql';
import type { ToolCatalogEntryFragment } from '../../../../gql/graphql';
import { messageOf } from '../../../../shared/errors';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { useSession } from '../../../../shared/session';
import { urls } from '../../../urls';
import { RunStatusChip } from '../../runs/components/RunStatusChip';

/** One entitled tool: the grant and the tool, with the tenant's panel for it. */
export const TOOL_CATALOG_ENTRY_FRAGMENT = graphql(`
  fragment ToolCatalogEntry on Entitlement {
    id
    plan
    limits
    validUntil
    runsUsedThisMonth
    tool {
      id
      key
      name
      description
      category
      status
      inputSchema
      panel {
        id
        title
        layout
        defaultInput
        recentRunsLimit
        recentRunsScope
      }
    }
  }
`);

/** The panel's recent runs of the tool (the quota's use comes with the grant: runsUsedThisMonth). */
const TOOL_RUNS_QUERY = graphql(`
  query ToolRecentRuns($toolId: ID!, $requestedById: ID, $first: Int = 5) {
    recent: runs(first: $first, filter: { toolId: $toolId, requestedById: $requestedById }) {
      nodes {
        id
        status
        createdAt
        requestedBy {
          id
          name
        }
      }
    }
  }
`);

export function runsPerMonthOf(limits: unknown): number | null {
  const v = limits && typeof limits === 'object' ? (limits as Record<string, unknown>).runsPerMonth : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

const number = new Intl.NumberFormat('en-GB');

function Quota({ used, limit }: { used: number; limit: number | null }) {
  if (limit === null) {
    return (
      <Typography variant="body2" color="text.secondary">
        {number.format(used)} {used === 1 ? 'run' : 'runs'} this month · no monthly limit
      </Typography>
    );
  }
  const left = Math.max(0, limit - used);
  const pct = limit === 0 ? 100 : Math.min(100, (used / limit) * 100);
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', mb: 0.5 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {number.format(used)} of {number.format(limit)} runs used this month
        </Typography>
        <Typography variant="body2" color={left === 0 ? 'error.main' : 'text.secondary'}>
          {number.format(left)} left
        </Typography>
      </Box>
      <LinearProgress variant="determinate" value={pct} color={pct >= 90 ? 'error' : pct >= 75 ? 'warning' : 'primary'} aria-label={`Monthly quota: ${used} of ${limit} runs used`} sx={{ height: 6, borderRadius: 3 }} />
    </Box>
  );
}

/**
 * A tool the tenant may use: what it does, the plan, this month's quota and (when the tenant set
 * a panel) the panel's recent runs; "Run" for members with run:write.
 */
export function ToolCard({ entry, onRun }: { entry: ToolCatalogEntryFragment; onRun?: () => void }) {
  const session = useSession();
  const tool = entry.tool;
  const panel = tool?.panel ?? null;
  const canReadRuns = session.can('run:read');
  const recentCount = panel?.recentRunsLimit ?? 0;
  const mine = panel?.recentRunsScope === 'MINE' ? session.me?.user.id : undefined;
  const runs = useQuery(TOOL_RUNS_QUERY, {
    skip: !tool || !canReadRuns || recentCount === 0,
    variables: { toolId: tool?.id ?? '', requestedById: mine, first: Math.max(1, Math.min(recentCount, 20)) },
  });
  if (!tool) return null;
  const limit = runsPerMonthOf(entry.limits);
  const headingId = `tool-${tool.id}`;

  return (
    <Paper component="article" aria-labelledby={headingId} variant="outlined" sx={{ p: 2.5, borderRadius: 3, display: 'flex', flexDirection: 'column', gap: 1.5, minWidth: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1.5 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h3" component="h2" id={headingId} sx={{ fontSize: '1.1rem' }}>
            {panel?.title ?? tool.name}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {panel ? `${tool.name} · ` : ''}
            <Box component="code" sx={{ fontSize: '0.8rem' }}>
              {tool.key}
            </Box>
          </Typography>
        </Box>
        {onRun && (
          <Button variant="contained" size="small" startIcon={<PlayArrow />} onClick={onRun} aria-label={`Run ${tool.name}`} disabled={tool.status === 'RETIRED'}>
            Run
          </Button>
        )}
      </Box>
      <Typography>{tool.description}</Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Chip size="small" label={`${entry.plan[0]?.toUpperCase() ?? ''}${entry.plan.slice(1)} plan`} sx={{ bgcolor: '#eef2ff', color: '#3730a3', fontWeight: 650 }} />
        <Chip size="small" variant="outlined" label={tool.category} />
        {tool.status === 'BETA' && <Chip size="small" label="Beta" sx={{ bgcolor: '#fef3c7', color: '#92400e', fontWeight: 650 }} />}
        {entry.validUntil && <Chip size="small" variant="outlined" label={`Until ${formatDateTime(entry.validUntil)}`} />}
      </Box>
      {/* Counted by the server (as its quota check counts), so every role that sees the tool sees it. */}
      <Quota used={entry.runsUsedThisMonth} limit={limit} />
      {runs.error && (
        <Typography variant="body2" color="error.main" role="alert">
          Recent runs could not be loaded: {messageOf(runs.error)}{' '}
          <Link component="button" onClick={() => void runs.refetch()}>
            Retry
          </Link>
        </Typography>
      )}
      {canReadRuns && recentCount > 0 && !runs.data && !runs.error && <Skeleton variant="text" width="70%" />}
      {runs.data?.recent && (
        <Box>
          <Typography variant="overline" color="text.secondary" component="h3" sx={{ display: 'block', lineHeight: 1.8 }}>
            {panel?.recentRunsScope === 'MINE' ? 'Your recent runs' : 'Recent runs'}
          </Typography>
          {runs.data.recent.nodes.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No runs yet.
            </Typography>
          ) : (
            <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.75 }}>
              {runs.data.recent.nodes.map((r) => (
                <Box component="li" key={r.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
                  <RunStatusChip status={r.status} />
                  <Link component={RouterLink} to={urls.run(r.id)} variant="body2" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {timeAgo(r.createdAt)}
                    {r.requestedBy ? ` by ${r.requestedBy.name}` : ''}
                  </Link>
                </Box>
              ))}
            </Box>
          )}
        </Box>
      )}
      {canReadRuns && (
        <Box sx={{ mt: 'auto' }}>
          <Link component={RouterLink} to={urls.runs({ tool: tool.id })} variant="body2">
            All runs of {tool.name}
          </Link>
        </Box>
      )}
    </Paper>
  );
}
