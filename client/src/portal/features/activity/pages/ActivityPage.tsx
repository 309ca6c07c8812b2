import Timeline from '@mui/icons-material/Timeline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { Link as RouterLink, Navigate } from 'react-router';
import { useSession } from '../../../../shared/session';
import { NotAllowed } from '../../../../shared/ui/NotAllowed';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { urls } from '../../../urls';
import { ACTIVITY_PERMISSIONS, ACTIVITY_TAB_PERMISSION, type ActivityTab } from '../access';
import { AuditLogSection } from '../components/AuditLogSection';
import { SystemEventsSection } from '../components/SystemEventsSection';

const TABS: { tab: ActivityTab; label: string; href: () => string }[] = [
  { tab: 'audit', label: 'Audit log', href: () => urls.auditLog() },
  { tab: 'events', label: 'System events', href: () => urls.systemEvents() },
];

const SUBTITLE: Record<ActivityTab, string> = {
  audit: 'Who did what in your organisation, and what it changed.',
  events: 'What Atrium did for your organisation: runs, messages, deliveries and their problems.',
};

/**
 * Activity, for members with audit:read or event:read: the audit log and the system events, one
 * tab each (each its own URL). Without a tab (`/activity`) the first one the role may use opens.
 */
export function ActivityPage({ tab }: { tab?: ActivityTab }) {
  const session = useSession();
  const allowed = TABS.filter((t) => session.can(ACTIVITY_TAB_PERMISSION[t.tab]));
  if (!ACTIVITY_PERMISSIONS.some((p) => session.can(p))) return <NotAllowed role={session.me?.role} what="Activity" />;
  if (!tab) return <Navigate to={allowed[0]?.href() ?? urls.home()} replace />;
  if (!allowed.some((t) => t.tab === tab)) return <NotAllowed role={session.me?.role} what={TABS.find((t) => t.tab === tab)?.label ?? 'This page'} homeHref={urls.activity()} />;

  const traceButton = session.can('correlation:read') ? (
    <Button component={RouterLink} to={urls.traceLookup()} variant="outlined" startIcon={<Timeline />}>
      Trace a request
    </Button>
  ) : null;

  return (
    <Box>
      <PageHeader title="Activity" subtitle={SUBTITLE[tab]} actions={traceButton} />
      {allowed.length > 1 && (
        <Tabs value={tab} aria-label="Activity sections" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }} variant="scrollable" allowScrollButtonsMobile>
          {allowed.map((t) => (
            <Tab key={t.tab} value={t.tab} label={t.label} component={RouterLink} to={t.href()} />
          ))}
        </Tabs>
      )}
      {tab === 'audit' ? <AuditLogSection /> : <SystemEventsSection />}
    </Box>
  );
}
