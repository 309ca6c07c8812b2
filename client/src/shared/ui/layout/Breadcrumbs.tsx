import NavigateNext from '@mui/icons-material/NavigateNext';
import MuiBreadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { Link as RouterLink, useMatches } from 'react-router';
import type { Crumb } from './types';

/** Routes declare `handle: { crumb: 'Tickets' }`; a page can name the last crumb itself. */
export interface CrumbHandle {
  crumb?: string;
}

const CrumbLabelContext = createContext<((label: string | null) => void) | null>(null);
const CrumbLabelValue = createContext<string | null>(null);

export function CrumbLabelProvider({ children }: { children: ReactNode }) {
  const [label, setLabel] = useState<string | null>(null);
  return (
    <CrumbLabelContext.Provider value={setLabel}>
      <CrumbLabelValue.Provider value={label}>{children}</CrumbLabelValue.Provider>
    </CrumbLabelContext.Provider>
  );
}

/** Names the current page in the breadcrumbs (e.g. "#12 Cannot export invoices"). */
export function useCrumbLabel(label: string | null | undefined): void {
  const set = useContext(CrumbLabelContext);
  useEffect(() => {
    set?.(label ?? null);
    return () => set?.(null);
  }, [set, label]);
}

export function useCrumbs(): Crumb[] {
  const matches = useMatches();
  const last = useContext(CrumbLabelValue);
  const crumbs = matches
    .filter((m) => typeof (m.handle as CrumbHandle | undefined)?.crumb === 'string')
    .map((m): Crumb => ({ label: (m.handle as CrumbHandle).crumb ?? '', href: m.pathname }));
  const tail = crumbs[crumbs.length - 1];
  if (last && tail) crumbs[crumbs.length - 1] = { label: last, href: tail.href };
  return crumbs;
}

export function Breadcrumbs() {
  const crumbs = useCrumbs();
  if (!crumbs.length) return null;
  return (
    <MuiBreadcrumbs
      aria-label="Breadcrumb"
      separator={<NavigateNext fontSize="small" sx={{ color: 'text.disabled' }} />}
      sx={{
        minWidth: 0,
        // One line in the top bar: the current page's label shortens with an ellipsis instead of
        // wrapping; the short labels before it keep their width.
        '& .MuiBreadcrumbs-ol': { flexWrap: 'nowrap' },
        '& .MuiBreadcrumbs-li, & .MuiBreadcrumbs-separator': { whiteSpace: 'nowrap', flexShrink: 0 },
        '& .MuiBreadcrumbs-li:last-of-type': { minWidth: 0, flexShrink: 1 },
        // Below the desktop layout the top bar has little room: the leading "Home" crumb gives it up
        // (the menu leads home), and on a deeper page so does the current page's own crumb (its
        // heading names it), leaving the way back: "Tickets", not "Home > T…" or "Tickets > ·".
        ...(crumbs.length > 1 ? { '& .MuiBreadcrumbs-li:first-of-type, & .MuiBreadcrumbs-li:first-of-type + .MuiBreadcrumbs-separator': { display: { xs: 'none', md: 'flex' } } } : {}),
        ...(crumbs.length > 2 ? { '& .MuiBreadcrumbs-li:last-of-type, & .MuiBreadcrumbs-separator:nth-last-child(2)': { display: { xs: 'none', md: 'flex' } } } : {}),
      }}
    >
      {crumbs.map((c, i) =>
        i === crumbs.length - 1 ? (
          <Typography key={c.href ?? c.label} color="text.primary" aria-current="page" noWrap sx={{ fontWeight: 600, fontSize: '0.9rem', maxWidth: { xs: '100%', md: 420 } }}>
            {c.label}
          </Typography>
        ) : (
          <Link key={c.href ?? c.label} component={RouterLink} to={c.href ?? '/'} underline="hover" color="text.secondary" sx={{ fontSize: '0.9rem' }}>
            {c.label}
          </Link>
        ),
      )}
    </MuiBreadcrumbs>
  );
}
