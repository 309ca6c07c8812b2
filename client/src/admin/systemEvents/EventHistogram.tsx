import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext } from 'react-admin';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { Histogram } from '../providers/systemEvents.provider';
import { RESOURCES } from '../resource-names';
import { SectionError, SectionLoading } from '../ui/SectionState';

const BUCKETS = 48;

function labelOf(iso: string, bucketSeconds: number): string {
  const d = new Date(iso);
  return bucketSeconds >= 86_400
    ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })
    : d.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** One sentence for screen readers: the range, the total, the busiest bucket. */
function summaryOf(h: Histogram): string {
  const total = h.buckets.reduce((n, b) => n + b.count, 0);
  const errors = h.buckets.reduce((n, b) => n + b.errors, 0);
  const busiest = h.buckets.reduce((a, b) => (b.count > a.count ? b : a), h.buckets[0] ?? { start: h.from, count: 0 });
  return `${total} events (${errors} errors or worse) from ${new Date(h.from).toLocaleString('en-GB')} to ${new Date(h.to).toLocaleString('en-GB')}${total ? `; most at ${new Date(busiest.start).toLocaleString('en-GB')} (${busiest.count})` : ''}.`;
}

/**
 * The events of the list's current filter over time (48 buckets of its from/to range, else the
 * last 24 hours), errors stacked apart; counted by the server with the list's own filter and scope.
 */
export function EventHistogram() {
  const filterValues = useListContext().filterValues as Record<string, unknown>;
  const dataProvider = useDataProvider<AdminDataProvider>();
  const query = useQuery({
    queryKey: [RESOURCES.systemEvents, 'histogram', filterValues],
    queryFn: ({ signal }) => dataProvider.systemEventHistogram(RESOURCES.systemEvents, { filter: filterValues, buckets: BUCKETS, signal }).then((r) => r.data),
  });
  const h = query.data;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} component="section" aria-labelledby="events-histogram-title">
      <CardContent sx={{ pb: '12px !important' }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: 1 }}>
          <Typography id="events-histogram-title" variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
            Events over time
          </Typography>
          {h && (
            <Typography variant="caption" color="text.secondary">
              {h.buckets.reduce((n, b) => n + b.count, 0).toLocaleString('en-GB')} events · one bar per {h.bucketSeconds >= 3600 ? `${Math.round(h.bucketSeconds / 360) / 10} h` : `${Math.round(h.bucketSeconds / 60)} min`}
            </Typography>
          )}
        </Box>
        {query.isPending ? (
          <SectionLoading label="the histogram" rows={4} />
        ) : query.isError ? (
          <SectionError error={query.error} onRetry={() => void query.refetch()} />
        ) : h ? (
          <Box role="img" aria-label={summaryOf(h)} sx={{ width: '100%', minWidth: 0 }}>
            <BarChart
              height={200}
              margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
              xAxis={[{ scaleType: 'band', data: h.buckets.map((b) => labelOf(b.start, h.bucketSeconds)), tickLabelStyle: { fontSize: 10 }, tickInterval: (_v, i) => i % 8 === 0 }]}
              yAxis={[{ width: 36, tickMinStep: 1 }]}
              series={[
                { data: h.buckets.map((b) => b.count - b.errors), label: 'Below error', stack: 'all', color: '#60a5fa' },
                { data: h.buckets.map((b) => b.errors), label: 'Error or critical', stack: 'all', color: '#dc2626' },
              ]}
              slotProps={{ legend: { position: { vertical: 'top', horizontal: 'end' } } }}
            />
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
}
