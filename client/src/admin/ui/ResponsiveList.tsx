import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import type { ReactElement, ReactNode } from 'react';
import { type RaRecord, useCreatePath, useListContext, useResourceContext } from 'react-admin';
import { Link as RouterLink } from 'react-router';

/**
 * A list's rows as a table on wide screens and as cards on phones (nothing scrolls sideways at
 * 390 px). Each card is one link to the record's page, so it opens with Enter; in the table the
 * first column holds that link (`RowLink`).
 */
export function ResponsiveRows<R extends RaRecord>({ table, card, empty }: { table: ReactElement; card: (record: R) => ReactNode; empty: string }) {
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const { data, isPending } = useListContext<R>();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (!narrow) return <Box sx={{ overflowX: 'auto' }}>{table}</Box>;
  if (isPending) {
    return (
      <Box sx={{ p: 2 }} aria-busy="true" aria-label="Loading">
        <Skeleton height={64} />
        <Skeleton height={64} />
        <Skeleton height={64} />
      </Box>
    );
  }
  if (!data?.length) {
    return (
      <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
        {empty}
      </Typography>
    );
  }
  return (
    <List disablePadding>
      {data.map((record) => (
        <ListItem key={record.id} disablePadding divider>
          <ListItemButton component={RouterLink} to={createPath({ resource, id: record.id, type: 'show' })} sx={{ display: 'block', py: 1.5 }}>
            {card(record)}
          </ListItemButton>
        </ListItem>
      ))}
    </List>
  );
}

/** The first cell's text as a link to the record's page: the row's keyboard way in (Tab, then Enter). */
export function RowLink({ id, children }: { id: string; children: ReactNode }) {
  const resource = useResourceContext();
  const createPath = useCreatePath();
  return (
    <Link component={RouterLink} to={createPath({ resource, id, type: 'show' })} onClick={(e) => e.stopPropagation()} underline="hover" color="inherit" sx={{ fontWeight: 600 }}>
      {children}
    </Link>
  );
}

/**
 * For a react-admin `<List sx>`: its parts may shrink to the screen, so the filter bar's inputs
 * (which react-admin makes full width on phones) never push the page wider than 390 px.
 */
export const PHONE_SAFE_LIST_SX = {
  minWidth: 0,
  '& .RaList-main, & .RaList-actions, & .RaList-actions form, & .filter-field': { minWidth: 0, maxWidth: '100%' },
} as const;

/** A page's one h1, with a line under it and actions on the right (wraps on phones). */
export function AdminPageHeading({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', alignItems: { xs: 'flex-start', sm: 'center' }, flexDirection: { xs: 'column', sm: 'row' }, gap: 1.5, mt: 2, mb: 1 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="h1" sx={{ fontSize: { xs: '1.4rem', sm: '1.75rem' } }}>
          {title}
        </Typography>
        {subtitle && (
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            {subtitle}
          </Typography>
        )}
      </Box>
      {actions && <Box sx={{ display: 'flex', gap: 1, flexShrink: 0, flexWrap: 'wrap' }}>{actions}</Box>}
    </Box>
  );
}
