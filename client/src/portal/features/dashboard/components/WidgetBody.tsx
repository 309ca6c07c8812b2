import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useContainerWidth } from 'react-grid-layout';
import { Link as RouterLink } from 'react-router';
import type { DashboardWidgetFieldsFragment, WidgetType } from '../../../../gql/graphql';
import { urls } from '../../../urls';
import { PALETTE, POINT_COLOURS } from '../widgetKinds';

type Point = NonNullable<DashboardWidgetFieldsFragment['data']>['points'][number];

const colourOf = (p: Point, i: number) => POINT_COLOURS[p.key] ?? PALETTE[i % PALETTE.length] ?? '#4f46e5';

/** What a screen reader hears for a chart: every value in words. */
const describe = (title: string, points: readonly Point[]) => `${title}: ${points.map((p) => `${p.label} ${p.value}`).join(', ')}`;

const EMPTY_TEXT: Record<WidgetType, string> = {
  OPEN_TICKETS_BY_STATUS: 'No tickets in these statuses. All caught up.',
  RUNS_LAST_7_DAYS_BY_STATUS: 'No runs in the last 7 days.',
  ACTIVE_INCIDENTS: 'No active incidents affect your organisation.',
  KYC_AWAITING_ACTION: 'No identity checks are waiting for anyone.',
  QUOTA_USAGE: 'Your plan has no monthly run limits.',
};

function Empty({ text }: { text: string }) {
  return (
    <Box role="status" sx={{ height: '100%', minHeight: 80, display: 'grid', placeItems: 'center', textAlign: 'center', px: 2 }}>
      <Typography color="text.secondary">{text}</Typography>
    </Box>
  );
}

/** The bar charts' value axis, and their right margin: what the bars do not get of a chart's width. */
const Y_AXIS_PX = 36;
const RIGHT_MARGIN_PX = 8;
/** About what a character of a tick label takes at the charts' 12 px, a little generously. */
const LABEL_CHAR_PX = 7;
/** MUI X Charts hides a tick label that comes closer than this to its neighbour's. */
const LABEL_MIN_GAP_PX = 4;

/**
 * Whether the bars' names fit side by side under a chart this wide. When they do not, MUI X
 * Charts would hide every other name (a phone, a narrow widget), so the names slant instead.
 */
export function barLabelsFit(chartWidth: number, labels: readonly string[]): boolean {
  if (labels.length === 0) return true;
  const band = (chartWidth - Y_AXIS_PX - RIGHT_MARGIN_PX) / labels.length;
  const widest = Math.max(...labels.map((l) => l.length)) * LABEL_CHAR_PX;
  return widest + LABEL_MIN_GAP_PX <= band;
}

function Bars({ title, points }: { title: string; points: readonly Point[] }) {
  const { width, containerRef } = useContainerWidth({ initialWidth: 0 });
  const labels = points.map((p) => p.label);
  const slant = width > 0 && !barLabelsFit(width, labels);
  return (
    <Box ref={containerRef} role="img" aria-label={describe(title, points)} sx={{ height: '100%', minHeight: 140 }}>
      <BarChart
        hideLegend
        skipAnimation
        margin={{ top: 8, right: RIGHT_MARGIN_PX, bottom: 0, left: 0 }}
        xAxis={[
          {
            scaleType: 'band',
            data: labels,
            colorMap: { type: 'ordinal', values: labels, colors: points.map(colourOf) },
            disableTicks: true,
            ...(slant ? { tickLabelStyle: { angle: -35, textAnchor: 'end' as const }, height: 'auto' as const } : {}),
          },
        ]}
        yAxis={[{ tickMinStep: 1, width: Y_AXIS_PX, disableLine: true, disableTicks: true }]}
        series={[{ data: points.map((p) => p.value), label: title }]}
        borderRadius={6}
        grid={{ horizontal: true }}
      />
    </Box>
  );
}

function Donut({ title, points }: { title: string; points: readonly Point[] }) {
  const shown = points.filter((p) => p.value > 0);
  return (
    <Box role="img" aria-label={describe(title, points)} sx={{ height: '100%', minHeight: 140 }}>
      <PieChart
        skipAnimation
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        series={[{ data: shown.map((p, i) => ({ id: p.key, value: p.value, label: `${p.label} (${p.value})`, color: colourOf(p, i) })), innerRadius: '55%', paddingAngle: 2, cornerRadius: 4 }]}
        slotProps={{ legend: { direction: 'vertical', position: { vertical: 'middle', horizontal: 'end' } } }}
      />
    </Box>
  );
}

function Quotas({ points }: { points: readonly Point[] }) {
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.75 }}>
      {points.map((p) => {
        const limit = p.limit ?? 0;
        const pct = limit > 0 ? Math.min(100, Math.round((p.value / limit) * 100)) : 0;
        const colour = pct >= 100 ? 'error' : pct >= 80 ? 'warning' : 'primary';
        return (
          <Box component="li" key={p.key}>
            <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, mb: 0.5 }}>
              <Typography variant="body2" sx={{ fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {p.label}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ flexShrink: 0 }}>
                {p.value.toLocaleString('en-GB')} / {limit.toLocaleString('en-GB')} runs
              </Typography>
            </Box>
            <LinearProgress variant="determinate" value={pct} color={colour} aria-label={`${p.label}: ${pct}% of this month’s limit used`} sx={{ height: 8, borderRadius: 4 }} />
          </Box>
        );
      })}
    </Box>
  );
}

function Tiles({ points }: { points: readonly Point[] }) {
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: 1.5 }}>
      {points.map((p, i) => (
        <Box component="li" key={p.key} sx={{ borderRadius: 2, bgcolor: '#f8fafc', border: 1, borderColor: 'divider', p: 1.5, borderLeft: 4, borderLeftColor: colourOf(p, i) }}>
          <Typography sx={{ fontSize: '1.6rem', fontWeight: 700, lineHeight: 1.2 }}>{p.value}</Typography>
          <Typography variant="body2" color="text.secondary">
            {p.label}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** Where the widget's numbers come from, when the portal has a page for it. */
function drillDown(widget: DashboardWidgetFieldsFragment): { to: string; label: string } | null {
  const keys = widget.data?.points.map((p) => p.key) ?? [];
  if (widget.type === 'OPEN_TICKETS_BY_STATUS') return { to: urls.tickets({ status: keys }), label: 'View these tickets' };
  if (widget.type === 'ACTIVE_INCIDENTS') return { to: urls.incidents({ status: ['OPEN', 'MITIGATED'] }), label: 'View active incidents' };
  return null;
}

/** The widget's data as a chart, tiles or bars, by type; an empty message when there is nothing. */
export function WidgetBody({ widget }: { widget: DashboardWidgetFieldsFragment }) {
  const data = widget.data;
  if (!data) return null;
  const link = drillDown(widget);
  const nothing = widget.type === 'QUOTA_USAGE' ? data.points.length === 0 : data.total === 0;
  let body;
  if (nothing) body = <Empty text={EMPTY_TEXT[widget.type]} />;
  else if (widget.type === 'QUOTA_USAGE') body = <Quotas points={data.points} />;
  else if (widget.type === 'KYC_AWAITING_ACTION') body = <Tiles points={data.points} />;
  else if (widget.type === 'ACTIVE_INCIDENTS') body = <Donut title={widget.title} points={data.points} />;
  else body = <Bars title={widget.title} points={data.points} />;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box sx={{ flex: 1, minHeight: 0 }}>{body}</Box>
      {link && !nothing && (
        <Link component={RouterLink} to={link.to} variant="body2" sx={{ mt: 1, fontWeight: 600, alignSelf: 'flex-start' }}>
          {link.label}
        </Link>
      )}
    </Box>
  );
}
