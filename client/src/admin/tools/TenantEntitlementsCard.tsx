import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useDataProvider } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { QuotaUsageRecord } from '../providers/entitlements.provider';
import { RESOURCES } from '../resource-names';
import { SectionTitle } from '../ui/DetailList';
import { formatDate } from '../ui/format';
import { RecordLink, useFilteredListPath } from '../ui/RecordLink';
import { SectionEmpty, SectionError, SectionLoading } from '../ui/SectionState';
import { GrantButton } from './EntitlementPages';

function UsageRow({ q }: { q: QuotaUsageRecord }) {
  const pct = q.limit === null ? null : q.limit === 0 ? 100 : Math.min(100, Math.round((q.used / q.limit) * 100));
  const full = q.limit !== null && q.used >= q.limit;
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <RecordLink resource={RESOURCES.entitlements} id={q.entitlementId}>
          {q.label}
        </RecordLink>
        <Typography variant="body2" color={full ? 'error' : 'text.secondary'} sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {q.limit === null ? `${q.used} runs · no limit` : `${q.used} of ${q.limit} runs`}
        </Typography>
      </Box>
      {pct !== null && (
        <LinearProgress
          variant="determinate"
          value={pct}
          color={full ? 'error' : pct >= 80 ? 'warning' : 'primary'}
          sx={{ mt: 0.5, height: 6, borderRadius: 3 }}
          aria-label={`${q.label}: ${q.used} of ${q.limit} runs this month`}
        />
      )}
      <Typography variant="caption" color="text.secondary">
        Plan {q.plan}
      </Typography>
    </Box>
  );
}

/** A tenant's active tools with this month's runs against each quota (from the server), and a way to grant more. */
export function TenantEntitlementsCard({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const { canAccess } = useCanAccess({ resource: RESOURCES.entitlements, action: 'list' });
  const listPath = useFilteredListPath();
  const usage = useQuery({
    queryKey: ['quotaUsage', tenantId],
    queryFn: ({ signal }) => dataProvider.quotaUsage(RESOURCES.entitlements, { tenantId, signal }).then((r) => r.data),
    enabled: canAccess === true,
  });
  if (!canAccess) return null;
  const resetsAt = usage.data?.[0]?.resetsAt;
  return (
    <Card>
      <CardContent>
        <SectionTitle action={<GrantButton tenantId={tenantId} size="small" />}>
          <VerifiedOutlined fontSize="small" color="action" /> Tools and quota
        </SectionTitle>
        {usage.isPending ? (
          <SectionLoading label="quota usage" />
        ) : usage.isError ? (
          <SectionError error={usage.error} onRetry={() => void usage.refetch()} />
        ) : usage.data.length === 0 ? (
          <SectionEmpty>{`${tenantName} holds no active tool.`}</SectionEmpty>
        ) : (
          <Stack spacing={1.5}>
            {usage.data.map((q) => (
              <UsageRow key={q.entitlementId} q={q} />
            ))}
            {resetsAt && (
              <Typography variant="caption" color="text.secondary">
                Runs this month; counts reset on {formatDate(resetsAt)}.
              </Typography>
            )}
          </Stack>
        )}
        <Button component={RouterLink} to={listPath(RESOURCES.entitlements, { tenantId })} size="small" sx={{ mt: 1 }}>
          All grants of {tenantName}
        </Button>
      </CardContent>
    </Card>
  );
}
