import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { getFragmentData, graphql } from '../../../../gql';
import type { ToolCatalogEntryFragment } from '../../../../gql/graphql';
import { messageOf } from '../../../../shared/errors';
import { useSession } from '../../../../shared/session';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { EmptyState, ErrorState } from '../../../../shared/ui/StateViews';
import { urls } from '../../../urls';
import { RunToolForm } from '../components/RunToolForm';
import { TOOL_CATALOG_ENTRY_FRAGMENT, ToolCard } from '../components/ToolCard';

/** The tenant's active grants; each tool grant names its tool (feature grants have none). */
const TOOLS_CATALOG_QUERY = graphql(`
  query ToolsCatalog {
    entitlements(first: 100, filter: { active: true }) {
      nodes {
        id
        ...ToolCatalogEntry
      }
    }
  }
`);

export function ToolsPage() {
  const session = useSession();
  const navigate = useNavigate();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { data, loading, error, refetch } = useQuery(TOOLS_CATALOG_QUERY, { notifyOnNetworkStatusChange: true });
  const [running, setRunning] = useState<ToolCatalogEntryFragment | null>(null);
  const canRun = session.can('run:write');

  // One card per tool: the newest grant wins when a tool was granted twice.
  const entries = useMemo(() => {
    const seen = new Set<string>();
    const out: ToolCatalogEntryFragment[] = [];
    for (const e of getFragmentData(TOOL_CATALOG_ENTRY_FRAGMENT, data?.entitlements.nodes ?? [])) {
      if (!e.tool || seen.has(e.tool.id)) continue;
      seen.add(e.tool.id);
      out.push(e);
    }
    return out.sort((a, b) => (a.tool?.name ?? '').localeCompare(b.tool?.name ?? ''));
  }, [data]);

  let body;
  if (!data && loading) {
    body = (
      <Box aria-busy sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' }, gap: 2 }}>
        {[0, 1].map((i) => (
          <Skeleton key={i} variant="rounded" height={220} />
        ))}
      </Box>
    );
  } else if (error && !data) {
    body = <ErrorState message={messageOf(error)} onRetry={() => void refetch()} />;
  } else if (!entries.length) {
    body = <EmptyState title="No tools yet" description="Your organisation is not entitled to any tool at the moment. Contact us to enable one." />;
  } else {
    body = (
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' }, gap: 2 }}>
        {entries.map((e) => (
          <ToolCard key={e.id} entry={e} onRun={canRun ? () => setRunning(e) : undefined} />
        ))}
      </Box>
    );
  }

  const tool = running?.tool;
  return (
    <>
      <PageHeader title="Tools" subtitle={`The tools ${session.me?.tenant?.name ?? 'your organisation'} may use, this month's usage and recent runs.`} />
      {body}
      <Dialog open={Boolean(tool)} onClose={() => setRunning(null)} fullWidth maxWidth="sm" fullScreen={fullScreen} aria-labelledby="run-tool-title">
        {tool && (
          <>
            <DialogTitle id="run-tool-title">Run {tool.name}</DialogTitle>
            <DialogContent>
              <Typography color="text.secondary" sx={{ mb: 2 }}>
                {tool.description}
              </Typography>
              <RunToolForm tool={tool} defaultInput={tool.panel?.defaultInput} onCancel={() => setRunning(null)} onStarted={(id) => void navigate(urls.run(id))} />
            </DialogContent>
          </>
        )}
      </Dialog>
    </>
  );
}
