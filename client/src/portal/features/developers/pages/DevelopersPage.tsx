import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { ReactNode } from 'react';
import { Link as RouterLink, Navigate } from 'react-router';
import { useSession } from '../../../../shared/session';
import { NotAllowed } from '../../../../shared/ui/NotAllowed';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { urls } from '../../../urls';
import { DEVELOPER_PERMISSIONS, type DeveloperTab, TAB_PERMISSION } from '../access';
import { ApiKeysSection } from '../components/ApiKeysSection';
import { DeliveriesSection } from '../components/DeliveriesSection';
import { DocsSection } from '../components/DocsSection';
import { WebhooksSection } from '../components/WebhooksSection';

const TABS: { tab: DeveloperTab; label: string }[] = [
  { tab: 'keys', label: 'API keys' },
  { tab: 'webhooks', label: 'Webhooks' },
  { tab: 'deliveries', label: 'Delivery log' },
  { tab: 'docs', label: 'Documentation' },
];

const SECTIONS: Record<DeveloperTab, () => ReactNode> = {
  keys: () => <ApiKeysSection />,
  webhooks: () => <WebhooksSection />,
  deliveries: () => <DeliveriesSection />,
  docs: () => <DocsSection />,
};

/**
 * The Developers area, for members with apikey:manage or webhook:manage: API keys, webhook
 * endpoints, the delivery log and the documentation, one tab each (each its own URL). A tab the
 * role cannot use is neither shown nor rendered; without a tab (`/developers`) the first allowed one opens.
 */
export function DevelopersPage({ tab }: { tab?: DeveloperTab }) {
  const session = useSession();
  const allowed = TABS.filter((t) => {
    const needs = TAB_PERMISSION[t.tab];
    return needs === null || session.can(needs);
  });
  if (!DEVELOPER_PERMISSIONS.some((p) => session.can(p))) return <NotAllowed role={session.me?.role} what="The Developers area" />;
  if (!tab) return <Navigate to={urls.developers(allowed[0]?.tab ?? 'docs')} replace />;
  if (!allowed.some((t) => t.tab === tab)) return <NotAllowed role={session.me?.role} what={`${TABS.find((t) => t.tab === tab)?.label ?? 'This page'}`} homeHref={urls.developers()} />;

  return (
    <Box sx={{ maxWidth: 1240 }}>
      <PageHeader title="Developers" subtitle="Connect your systems to Atrium: API keys, webhooks and how to use them." />
      <Tabs value={tab} aria-label="Developers sections" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }} variant="scrollable" allowScrollButtonsMobile>
        {allowed.map((t) => (
          <Tab key={t.tab} value={t.tab} label={t.label} component={RouterLink} to={urls.developers(t.tab)} />
        ))}
      </Tabs>
      {SECTIONS[tab]()}
    </Box>
  );
}
