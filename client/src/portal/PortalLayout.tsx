import Add from '@mui/icons-material/Add';
import ConfirmationNumber from '@mui/icons-material/ConfirmationNumberOutlined';
import Dashboard from '@mui/icons-material/SpaceDashboardOutlined';
import Code from '@mui/icons-material/Code';
import Groups from '@mui/icons-material/GroupsOutlined';
import History from '@mui/icons-material/History';
import Mail from '@mui/icons-material/MailOutline';
import Timeline from '@mui/icons-material/Timeline';
import VerifiedUser from '@mui/icons-material/VerifiedUserOutlined';
import Logout from '@mui/icons-material/Logout';
import Person from '@mui/icons-material/PersonOutline';
import ReportProblem from '@mui/icons-material/ReportProblemOutlined';
import SwapHoriz from '@mui/icons-material/SwapHoriz';
import Build from '@mui/icons-material/BuildOutlined';
import PlayCircle from '@mui/icons-material/PlayCircleOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Suspense, useCallback, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../shared/session';
import { CrumbLabelProvider } from '../shared/ui/layout/Breadcrumbs';
import { CommandPalette, useCommandPaletteShortcut } from '../shared/ui/layout/CommandPalette';
import { MobileNav, Sidebar } from '../shared/ui/layout/Sidebar';
import { SearchButton, TenantSwitcher, Topbar, UserMenu } from '../shared/ui/layout/Topbar';
import type { Command, NavItem } from '../shared/ui/layout/types';
import { FullPageStatus } from '../shared/ui/FullPageStatus';
import { EmptyState } from '../shared/ui/StateViews';
import { ACTIVITY_PERMISSIONS } from './features/activity/access';
import { DEVELOPER_PERMISSIONS } from './features/developers/access';
import { IncidentBanner } from './features/incidents/components/IncidentBanner';
import { openNotificationUrl } from './features/notifications/openNotificationUrl';
import { NotificationBell } from '../shared/notifications';
import { useTicketSearch } from './features/tickets/hooks/useTicketSearch';
import { routePaths, urls } from './urls';

/** The portal's menu; each item names the permission it needs, and the sidebar hides the rest. */
export const PORTAL_NAV: readonly NavItem[] = [
  { label: 'Dashboard', href: urls.home(), icon: <Dashboard fontSize="small" />, exact: true },
  { label: 'Tickets', href: urls.tickets(), icon: <ConfirmationNumber fontSize="small" />, permission: 'ticket:read' },
  { label: 'Messages', href: urls.messages(), icon: <Mail fontSize="small" />, permission: 'message:read' },
  { label: 'Activity', href: urls.activity(), icon: <History fontSize="small" />, permission: ACTIVITY_PERMISSIONS },
  { label: 'Incidents', href: urls.incidents(), icon: <ReportProblem fontSize="small" />, permission: 'incident:read' },
  { label: 'Identity checks (KYC)', href: urls.kyc(), icon: <VerifiedUser fontSize="small" />, permission: 'kyc:read' },
  { label: 'Tools', href: urls.tools(), icon: <Build fontSize="small" />, permission: 'tool:read' },
  { label: 'Runs', href: urls.runs(), icon: <PlayCircle fontSize="small" />, permission: 'run:read' },
  { label: 'Team', href: urls.team(), icon: <Groups fontSize="small" />, permission: 'member:read' },
  { label: 'Developers', href: urls.developers(), icon: <Code fontSize="small" />, permission: DEVELOPER_PERMISSIONS },
  { label: 'Account', href: urls.account(), icon: <Person fontSize="small" /> },
];

/**
 * The palette with the portal's commands plus the tickets matching what the user types. The query
 * lives here, so typing re-renders the palette only, not the whole layout.
 */
function PortalCommandPalette({ open, onClose, commands, canSearchTickets }: { open: boolean; onClose: () => void; commands: readonly Command[]; canSearchTickets: boolean }) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const search = useTicketSearch(open ? query : '', canSearchTickets);
  const all = useMemo<Command[]>(
    () => [
      ...commands,
      ...search.results.map((t): Command => ({ id: `ticket:${t.id}`, label: `#${t.number} ${t.subject}`, group: 'Tickets', icon: <ConfirmationNumber fontSize="small" />, found: true, perform: () => navigate(urls.ticket(t.id)) })),
    ],
    [commands, search.results, navigate],
  );
  const status = search.loading ? 'Searching tickets…' : search.error ? 'Tickets could not be searched just now.' : null;
  return <CommandPalette open={open} onClose={onClose} commands={all} onQueryChange={setQuery} status={status} />;
}

export function PortalLayout() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const me = session.me;
  // The tenant requires two-factor and this user has none: only its set-up (and sign-out) until then.
  const mustEnrol = me?.twoFactorEnrollmentRequired ?? false;
  const paletteEnabled = !mustEnrol && (me?.featureFlags.some((f) => f.key === 'portal.command-palette' && f.enabled) ?? false);
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  useCommandPaletteShortcut(paletteEnabled, openPalette);

  const switchTenant = useCallback(
    async (tenantId: string) => {
      await session.switchTenant(tenantId);
      await navigate(urls.home());
    },
    [session, navigate],
  );
  const logout = useCallback(async () => {
    await session.logout();
    await navigate(urls.login());
  }, [session, navigate]);

  const nav = useMemo(() => (mustEnrol ? [] : PORTAL_NAV.filter((item) => !item.permission || [item.permission].flat().some((p) => session.can(p)))), [session, mustEnrol]);
  const commands = useMemo<Command[]>(() => {
    if (!me) return [];
    const list: Command[] = nav.map((item) => ({ id: `go:${item.href}`, label: item.label, group: 'Go to', icon: item.icon, perform: () => navigate(item.href) }));
    if (session.can('ticket:write')) list.push({ id: 'ticket:new', label: 'New ticket', group: 'Actions', icon: <Add fontSize="small" />, keywords: 'create raise open', perform: () => navigate(urls.ticketNew()) });
    if (session.can('ticket:read')) {
      list.push({ id: 'tickets:open', label: 'Open tickets', group: 'Go to', icon: <ConfirmationNumber fontSize="small" />, keywords: 'status', perform: () => navigate(urls.tickets({ status: ['OPEN'] })) });
      list.push({ id: 'tickets:mine', label: 'My tickets', group: 'Go to', icon: <ConfirmationNumber fontSize="small" />, keywords: 'assigned queue mine', perform: () => navigate(urls.tickets({ view: 'mine' })) });
      list.push({ id: 'tickets:urgent', label: 'Urgent tickets', group: 'Go to', icon: <ConfirmationNumber fontSize="small" />, keywords: 'priority high', perform: () => navigate(urls.tickets({ priority: ['URGENT', 'HIGH'] })) });
    }
    if (session.can('audit:read')) list.push({ id: 'go:audit', label: 'Audit log', group: 'Go to', icon: <History fontSize="small" />, keywords: 'activity who changed', perform: () => navigate(urls.auditLog()) });
    if (session.can('event:read')) list.push({ id: 'go:events', label: 'System events', group: 'Go to', icon: <History fontSize="small" />, keywords: 'activity', perform: () => navigate(urls.systemEvents()) });
    if (session.can('correlation:read')) list.push({ id: 'go:trace', label: 'Trace a request', group: 'Go to', icon: <Timeline fontSize="small" />, keywords: 'correlation id request', perform: () => navigate(urls.traceLookup()) });
    for (const m of me.memberships) {
      if (m.tenant.id !== me.tenant?.id) list.push({ id: `tenant:${m.tenant.id}`, label: `Switch to ${m.tenant.name}`, group: 'Switch organisation', icon: <SwapHoriz fontSize="small" />, perform: () => switchTenant(m.tenant.id) });
    }
    list.push({ id: 'logout', label: 'Sign out', group: 'Actions', icon: <Logout fontSize="small" />, keywords: 'log out logout', destructive: true, perform: logout });
    return list;
  }, [me, nav, session, navigate, switchTenant, logout]);

  if (!me) return null;

  if (mustEnrol && location.pathname !== routePaths.twoFactor) return <Navigate to={urls.twoFactor()} replace />;

  if (!me.tenant) {
    return (
      <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
        <EmptyState
          title="You are not a member of any organisation"
          description={me.staffRole ? 'Platform staff work in the back office.' : 'Ask an owner or admin of your organisation to invite you.'}
          action={
            <Box sx={{ display: 'flex', gap: 1, justifyContent: 'center' }}>
              {me.staffRole && (
                <Button variant="contained" href={urls.backOffice()}>
                  Open the back office
                </Button>
              )}
              <Button onClick={() => void logout()}>Sign out</Button>
            </Box>
          }
        />
      </Box>
    );
  }

  const navProps = {
    items: nav,
    subtitle: 'Customer portal',
    footer: (
      <Box>
        <Typography sx={{ color: '#fff', fontWeight: 600, fontSize: '0.88rem' }} noWrap>
          {me.tenant.name}
        </Typography>
        <Typography sx={{ color: '#94a3b8', fontSize: '0.78rem', textTransform: 'capitalize' }}>{me.role}</Typography>
      </Box>
    ),
  };

  return (
    <CrumbLabelProvider>
      <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
        <Sidebar {...navProps} />
        <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          <Topbar start={<MobileNav {...navProps} />}>
            {paletteEnabled && <SearchButton onClick={openPalette} />}
            {!mustEnrol && <NotificationBell refreshKey={location.pathname} onOpen={(url) => openNotificationUrl(url, (to) => void navigate(to))} onSeeAll={() => void navigate(urls.notifications())} />}
            <TenantSwitcher me={me} onSwitch={(id) => void switchTenant(id)} />
            <UserMenu me={me} onAccount={() => void navigate(urls.account())} onLogout={() => void logout()} />
          </Topbar>
          {!mustEnrol && <IncidentBanner />}
          <Box component="main" sx={{ flex: 1, px: { xs: 2, md: 4 }, py: { xs: 3, md: 4 }, maxWidth: 1320, width: '100%', mx: 'auto' }}>
            <Suspense fallback={<FullPageStatus />}>
              <Outlet />
            </Suspense>
          </Box>
        </Box>
        {paletteEnabled && <PortalCommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} commands={commands} canSearchTickets={session.can('ticket:read')} />}
      </Box>
    </CrumbLabelProvider>
  );
}
