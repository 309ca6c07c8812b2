import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useCallback, useMemo, useState } from 'react';
import { getCompactor, GridLayout, type Layout, type LayoutItem, useContainerWidth } from 'react-grid-layout';
import type { DashboardWidgetFieldsFragment } from '../../../../gql/graphql';
import { messageOf } from '../../../../shared/errors';
import { useMoveWidget } from '../hooks/useDashboardMutations';
import { ROW_HEIGHT } from '../widgetKinds';
import { DRAG_HANDLE_CLASS, WidgetCard } from './WidgetCard';

/** Below this width the widgets stack in one column, in reading order, without dragging. */
export const STACK_BELOW_PX = 720;
const GAP = 16;
// Free placement: nothing is pushed or compacted, and a drop on another widget is sent as it is,
// so the server (which refuses overlaps) decides; a refusal puts the widget back.
const FREE_PLACEMENT = getCompactor(null, true);

type Placement = Pick<LayoutItem, 'x' | 'y' | 'w' | 'h'>;

export interface DashboardGridProps {
  widgets: readonly DashboardWidgetFieldsFragment[];
  columns: number;
  /** Whether the role may move, resize, edit and remove this widget. */
  canArrange: (widget: DashboardWidgetFieldsFragment) => boolean;
  /** Per widget id: why its data could not be loaded. */
  errors?: Readonly<Record<string, string>>;
  /** Widget ids being read again or saved elsewhere (edit dialog). */
  busyIds?: ReadonlySet<string>;
  onRetry: () => void;
  onEdit: (widget: DashboardWidgetFieldsFragment) => void;
  onRemove: (widget: DashboardWidgetFieldsFragment) => void;
}

const samePlace = (a: Placement, b: Placement) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

/**
 * The widgets on the server's 12-column grid at their saved positions. Dragging a widget by its
 * header or resizing it by its corner saves the new place through moveDashboardWidget; when the
 * server refuses (another widget is there), its message shows and the widget goes back. On a
 * narrow screen the widgets stack in one column instead.
 */
export function DashboardGrid({ widgets, columns, canArrange, errors, busyIds, onRetry, onEdit, onRemove }: DashboardGridProps) {
  const { width, containerRef } = useContainerWidth({ initialWidth: 0 });
  const [moveWidget] = useMoveWidget();
  // Places shown before the server answered (the drop), per widget id; dropped again on refusal.
  const [pending, setPending] = useState<Readonly<Record<string, Placement>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const stacked = width < STACK_BELOW_PX;

  const layout = useMemo<Layout>(
    () =>
      widgets.map((w) => {
        const arrange = canArrange(w);
        const place = pending[w.id] ?? w;
        return { i: w.id, x: place.x, y: place.y, w: place.w, h: place.h, minW: 2, minH: 2, maxH: 12, isDraggable: arrange, isResizable: arrange };
      }),
    [widgets, pending, canArrange],
  );

  const save = useCallback(
    async (item: LayoutItem) => {
      const widget = widgets.find((w) => w.id === item.i);
      if (!widget) return;
      const place: Placement = { x: item.x, y: item.y, w: item.w, h: item.h };
      if (samePlace(place, widget)) return;
      setRefusal(null);
      setPending((p) => ({ ...p, [widget.id]: place }));
      try {
        await moveWidget({ variables: { input: { id: widget.id, ...place } } });
      } catch (err) {
        setRefusal(`“${widget.title}” was not moved: ${messageOf(err instanceof Error ? err : null)}`);
      } finally {
        // Success: the cache holds the new place. Refusal: the saved place shows again.
        setPending(({ [widget.id]: _dropped, ...rest }) => rest);
      }
    },
    [widgets, moveWidget],
  );

  const onStop = useCallback((finalLayout: Layout, _old: LayoutItem | null, item: LayoutItem | null) => {
    const placed = item ? finalLayout.find((l) => l.i === item.i) : undefined;
    if (placed) void save(placed);
  }, [save]);

  const card = (w: DashboardWidgetFieldsFragment, draggable: boolean) => (
    <WidgetCard
      widget={w}
      arrangeable={canArrange(w)}
      draggable={draggable}
      error={errors?.[w.id]}
      busy={busyIds?.has(w.id) || Boolean(pending[w.id])}
      onRetry={onRetry}
      onEdit={() => onEdit(w)}
      onRemove={() => onRemove(w)}
    />
  );

  const ordered = useMemo(() => [...widgets].sort((a, b) => a.y - b.y || a.x - b.x), [widgets]);

  return (
    <Box>
      {refusal && (
        <Alert severity="warning" role="alert" onClose={() => setRefusal(null)} sx={{ mb: 2 }}>
          {refusal}
        </Alert>
      )}
      <Box ref={containerRef} sx={gridStyles}>
        {width > 0 && stacked && (
          <Box component="div" data-testid="dashboard-stack" sx={{ display: 'grid', gap: 2 }}>
            {ordered.map((w) => (
              <Box key={w.id} sx={{ height: w.type === 'KYC_AWAITING_ACTION' || w.type === 'QUOTA_USAGE' ? 'auto' : 300, minHeight: 180 }}>
                {card(w, false)}
              </Box>
            ))}
          </Box>
        )}
        {width > 0 && !stacked && (
          <GridLayout
            width={width}
            layout={layout}
            gridConfig={{ cols: columns, rowHeight: ROW_HEIGHT, margin: [GAP, GAP], containerPadding: [0, 0] }}
            dragConfig={{ handle: `.${DRAG_HANDLE_CLASS}`, cancel: 'button, a, input', bounded: false }}
            resizeConfig={{ handles: ['se'] }}
            compactor={FREE_PLACEMENT}
            onDragStop={onStop}
            onResizeStop={onStop}
          >
            {widgets.map((w) => (
              <div key={w.id} data-grid-x={(pending[w.id] ?? w).x} data-grid-y={(pending[w.id] ?? w).y} data-grid-w={(pending[w.id] ?? w).w} data-grid-h={(pending[w.id] ?? w).h}>
                {card(w, canArrange(w))}
              </div>
            ))}
          </GridLayout>
        )}
      </Box>
    </Box>
  );
}

/** The parts of react-grid-layout's stylesheet the dashboard needs, in the theme's colours. */
const gridStyles = {
  '& .react-grid-layout': { position: 'relative', transition: 'height 200ms ease' },
  '& .react-grid-item': { transition: 'all 200ms ease', transitionProperty: 'left, top, width, height' },
  '& .react-grid-item.cssTransforms': { transitionProperty: 'transform, width, height' },
  '& .react-grid-item.resizing': { transition: 'none', zIndex: 1 },
  '& .react-grid-item.react-draggable-dragging': { transition: 'none', zIndex: 3, boxShadow: '0 12px 32px rgba(15, 23, 42, .18)', borderRadius: '12px' },
  '& .react-grid-item.react-grid-placeholder': { bgcolor: 'primary.main', opacity: 0.15, borderRadius: '12px', transitionDuration: '100ms', zIndex: 2, userSelect: 'none' },
  '& .react-grid-item > .react-resizable-handle': { position: 'absolute', width: 20, height: 20, bottom: 0, right: 0, cursor: 'se-resize', zIndex: 2 },
  '& .react-resizable-hide > .react-resizable-handle': { display: 'none' },
  '& .react-grid-item > .react-resizable-handle::after': {
    content: '""',
    position: 'absolute',
    right: 5,
    bottom: 5,
    width: 7,
    height: 7,
    borderRight: '2px solid #64748b',
    borderBottom: '2px solid #64748b',
  },
} as const;
