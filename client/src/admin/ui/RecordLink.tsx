import Link from '@mui/material/Link';
import type { ReactNode } from 'react';
import { useCanAccess, useCreatePath } from 'react-admin';
import { Link as RouterLink } from 'react-router';

/**
 * A link to a record's page, or plain text when the staff role cannot open it (nothing at all
 * for an action link, `hideWhenDenied`). Clicks do not bubble to a clickable table row.
 */
export function RecordLink({ resource, id, children, type = 'show', hideWhenDenied = false }: { resource: string; id: string; children: ReactNode; type?: 'show' | 'edit'; hideWhenDenied?: boolean }) {
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource, action: type });
  if (!canAccess) return hideWhenDenied ? null : <>{children}</>;
  return (
    <Link component={RouterLink} to={createPath({ resource, id, type })} onClick={(e) => e.stopPropagation()} underline="hover" sx={{ fontWeight: 600 }}>
      {children}
    </Link>
  );
}

/** A list page, pre-filtered: `/admin/<resource>?filter={...}`. */
export function useFilteredListPath(): (resource: string, filter: Record<string, unknown>) => string {
  const createPath = useCreatePath();
  return (resource, filter) => `${createPath({ resource, type: 'list' })}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;
}
