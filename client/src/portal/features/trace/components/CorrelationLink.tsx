import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { visuallyHidden } from '@mui/utils';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../../../../shared/session';
import { urls } from '../../../urls';
import { MONO } from '../../developers/components/CopyableText';

/**
 * A correlation id: a link to its trace for roles with correlation:read, plain text otherwise.
 * Long ids are cut in the middle on screen; the link's name says the whole id.
 */
export function CorrelationLink({ id, short = false }: { id: string | null | undefined; short?: boolean }) {
  const session = useSession();
  if (!id) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        —
      </Typography>
    );
  }
  const shown = short && id.length > 18 ? `${id.slice(0, 8)}…${id.slice(-6)}` : id;
  const sx = { fontFamily: MONO, fontSize: '0.8rem', wordBreak: 'break-all' } as const;
  if (!session.can('correlation:read')) {
    return (
      <Typography component="span" sx={sx} title={id}>
        {shown}
      </Typography>
    );
  }
  if (shown === id) {
    return (
      <Link component={RouterLink} to={urls.trace(id)} onClick={(e) => e.stopPropagation()} sx={sx} aria-label={`Trace request ${id}`} title={id}>
        {id}
      </Link>
    );
  }
  // Cut short on screen: named by its content, the whole id (the cut one is not "in" a label
  // naming the whole id, so an aria-label would not hold the visible text).
  return (
    <Link component={RouterLink} to={urls.trace(id)} onClick={(e) => e.stopPropagation()} sx={sx} title={id}>
      <span aria-hidden="true">{shown}</span>
      <Box component="span" sx={visuallyHidden}>
        Trace request {id}
      </Box>
    </Link>
  );
}
