import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useBasename, useCanAccess } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { RESOURCES } from '../resource-names';
import { mono } from './DetailList';

/** The back office's page of one request's chain (/admin/trace/:id), under react-admin's basename. */
export const tracePath = (basename: string, id: string) => `${basename}/trace/${encodeURIComponent(id)}`;

/**
 * A correlation (request) id: a link to its chain for staff with platform:correlation:read, plain
 * text otherwise, "—" when there is none. `short` cuts long ids in the middle on screen; the
 * link's name says the whole id.
 */
export function CorrelationLink({ id, short = false }: { id: string | null | undefined; short?: boolean }) {
  const { canAccess } = useCanAccess({ resource: RESOURCES.systemEvents, action: 'trace' });
  const basename = useBasename();
  if (!id) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        —
      </Typography>
    );
  }
  const shown = short && id.length > 18 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
  const sx = { ...mono, wordBreak: 'break-all' } as const;
  if (!canAccess) {
    return (
      <Typography component="span" sx={sx} title={id}>
        {shown}
      </Typography>
    );
  }
  return (
    <Link component={RouterLink} to={tracePath(basename, id)} onClick={(e) => e.stopPropagation()} sx={sx} aria-label={`Trace request ${shown}`} title={`Trace request ${id}`}>
      {shown}
    </Link>
  );
}
