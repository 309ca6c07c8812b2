import DragIndicator from '@mui/icons-material/DragIndicator';
import MoreVert from '@mui/icons-material/MoreVert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { DashboardWidgetFieldsFragment } from '../../../../gql/graphql';
import { ErrorState } from '../../../../shared/ui/StateViews';
import { widgetLabel } from '../widgetKinds';
import { WidgetBody } from './WidgetBody';

/** The class of a widget's header: the grid drags widgets by it. */
export const DRAG_HANDLE_CLASS = 'widget-drag-handle';

export interface WidgetCardProps {
  widget: DashboardWidgetFieldsFragment;
  /** The role may move, resize, edit and remove it. */
  arrangeable: boolean;
  /** Being dragged into place on a wide screen (shows the handle). */
  draggable: boolean;
  /** Loading the data failed: the message (the rest of the dashboard may have loaded). */
  error?: string | null;
  /** Its data is being read again or a change is being saved. */
  busy?: boolean;
  onRetry: () => void;
  onEdit: () => void;
  onRemove: () => void;
}

/** One widget: its title, whose it is, its data (or why there is none) and its actions. */
export function WidgetCard({ widget, arrangeable, draggable, error, busy, onRetry, onEdit, onRemove }: WidgetCardProps) {
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const headingId = `widget-title-${widget.id}`;
  let body;
  if (error) body = <ErrorState message={error} onRetry={onRetry} />;
  else if (busy && !widget.data) body = <Skeleton variant="rounded" height="100%" sx={{ minHeight: 120 }} />;
  else if (!widget.data) {
    body = (
      <Box role="status" sx={{ height: '100%', display: 'grid', placeItems: 'center', textAlign: 'center', px: 2 }}>
        <Typography color="text.secondary">Your role cannot see this data. Ask an owner or admin of your organisation if you need it.</Typography>
      </Box>
    );
  } else body = <WidgetBody widget={widget} />;

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      variant="outlined"
      data-widget-id={widget.id}
      sx={{ height: '100%', borderRadius: 3, display: 'flex', flexDirection: 'column', overflow: 'hidden', position: 'relative' }}
    >
      {busy && widget.data && <LinearProgress aria-label={`Saving ${widget.title}`} sx={{ position: 'absolute', top: 0, left: 0, right: 0, height: 2 }} />}
      <Box
        className={draggable ? DRAG_HANDLE_CLASS : undefined}
        sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, pt: 1.5, pb: 1, cursor: draggable ? 'grab' : 'default', userSelect: draggable ? 'none' : 'auto' }}
      >
        {draggable && <DragIndicator fontSize="small" sx={{ color: 'text.secondary', ml: -0.75 }} aria-hidden />}
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography id={headingId} variant="h4" component="h2" noWrap title={widget.title} sx={{ fontSize: '1rem' }}>
            {widget.title}
          </Typography>
          <Typography variant="body2" color="text.secondary" noWrap>
            {[widget.data && widget.type !== 'QUOTA_USAGE' ? `${widget.data.total.toLocaleString('en-GB')} in all` : null, widgetLabel(widget.type) === widget.title ? null : widgetLabel(widget.type)].filter(Boolean).join(' · ') || '\u00a0'}
          </Typography>
        </Box>
        {widget.personal && <Chip size="small" label="Only you" sx={{ bgcolor: '#eef2ff', color: '#3730a3', fontWeight: 600 }} />}
        {arrangeable && (
          <>
            <IconButton size="small" aria-label={`Actions for ${widget.title}`} aria-haspopup="menu" onClick={(e) => setMenu(e.currentTarget)}>
              <MoreVert fontSize="small" />
            </IconButton>
            <Menu anchorEl={menu} open={Boolean(menu)} onClose={() => setMenu(null)}>
              <MenuItem
                onClick={() => {
                  setMenu(null);
                  onEdit();
                }}
              >
                Edit widget
              </MenuItem>
              <MenuItem
                onClick={() => {
                  setMenu(null);
                  onRemove();
                }}
                sx={{ color: 'error.main' }}
              >
                Remove widget
              </MenuItem>
            </Menu>
          </>
        )}
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, px: 2, pb: 2, overflow: 'auto' }}>{body}</Box>
    </Paper>
  );
}
