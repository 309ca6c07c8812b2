import AccountCircleOutlined from '@mui/icons-material/AccountCircleOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { AppBar, Layout, Logout, Menu, TitlePortal, useCanAccess, useGetIdentity, UserMenu, useSidebarState, useUserMenu } from 'react-admin';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../shared/notifications';
import { brand } from '../shared/theme/theme';
import { BrandMark } from '../shared/ui/BrandMark';
import { RESOURCES } from './resource-names';
import { STAFF_ROLE_LABEL } from './ui/chips';

function AccountMenuItem() {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={RouterLink} to="/account" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <AccountCircleOutlined fontSize="small" />
      </ListItemIcon>
      <ListItemText>Your account</ListItemText>
    </MenuItem>
  );
}

function StaffBadge() {
  const { identity } = useGetIdentity();
  const role = identity?.staffRole as keyof typeof STAFF_ROLE_LABEL | undefined;
  if (!role || !(role in STAFF_ROLE_LABEL)) return null;
  return <Chip size="small" label={STAFF_ROLE_LABEL[role]} sx={{ mr: 1, bgcolor: '#ede9fe', color: '#5b21b6', display: { xs: 'none', sm: 'inline-flex' } }} />;
}

/**
 * The back office's bell: staff's own notifications (links to /admin/ paths open here; a portal
 * path, for someone who is also a tenant member, opens the portal).
 */
function AdminNotificationBell() {
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <NotificationBell
      refreshKey={location.pathname}
      onOpen={(url) => {
        if (url === '/admin' || url.startsWith('/admin/')) void navigate(url);
        else window.location.assign(url);
      }}
    />
  );
}

/** The signed-in person's menu; its button is named by the name it shows (not a generic "Profile"). */
function StaffUserMenu() {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ?? 'Profile'}>
      <AccountMenuItem />
      <Logout />
    </UserMenu>
  );
}

function AdminAppBar() {
  return (
    <AppBar
      color="inherit"
      sx={{ borderBottom: `1px solid ${brand.border}`, bgcolor: '#ffffff' }}
      userMenu={<StaffUserMenu />}
      toolbar={
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <AdminNotificationBell />
          <StaffBadge />
        </Box>
      }
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flex: 1, minWidth: 0 }}>
        <Box component={RouterLink} to="/" sx={{ textDecoration: 'none', display: { xs: 'none', sm: 'block' } }}>
          <BrandMark subtitle="Back office" />
        </Box>
        <Box sx={{ width: '1px', height: 24, bgcolor: brand.border, display: { xs: 'none', sm: 'block' } }} />
        <TitlePortal variant="body1" sx={{ fontWeight: 600, color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} />
      </Box>
    </AppBar>
  );
}

/** A heading between groups of the sidebar, shown only when something under it is visible. */
function MenuSection({ label, children, resources }: { label: string; children: ReactNode; resources: string[] }) {
  const [open] = useSidebarState();
  const visible = useAnyAccess(resources);
  if (!visible) return null;
  return (
    <>
      {open ? (
        <Typography variant="overline" component="div" sx={{ px: 2, pt: 2, pb: 0.5, color: 'text.secondary', fontSize: '0.68rem' }}>
          {label}
        </Typography>
      ) : (
        <Box sx={{ height: 12 }} />
      )}
      {children}
    </>
  );
}

function useAnyAccess(resources: string[]): boolean {
  // A fixed number of hooks per section (sections never change their resources).
  const a = useCanAccess({ resource: resources[0] ?? '', action: 'list' });
  const b = useCanAccess({ resource: resources[1] ?? resources[0] ?? '', action: 'list' });
  const c = useCanAccess({ resource: resources[2] ?? resources[0] ?? '', action: 'list' });
  return Boolean(a.canAccess || b.canAccess || c.canAccess);
}

/** The sidebar, grouped the way staff work: support, customers, integrations, platform. Each entry shows only with access. */
function AdminMenu() {
  return (
    <Menu sx={{ pt: 1 }}>
      <Menu.DashboardItem primaryText="Overview" />
      <MenuSection label="Support" resources={[RESOURCES.tickets, RESOURCES.incidents]}>
        <Menu.ResourceItem name={RESOURCES.tickets} />
        <Menu.ResourceItem name={RESOURCES.incidents} />
      </MenuSection>
      <MenuSection label="Automation" resources={[RESOURCES.runs, RESOURCES.messages]}>
        <Menu.ResourceItem name={RESOURCES.runs} />
        <Menu.ResourceItem name={RESOURCES.messages} />
      </MenuSection>
      <MenuSection label="Compliance" resources={[RESOURCES.kycCases]}>
        <Menu.ResourceItem name={RESOURCES.kycCases} />
      </MenuSection>
      <MenuSection label="Customers" resources={[RESOURCES.tenants, RESOURCES.users, RESOURCES.memberships]}>
        <Menu.ResourceItem name={RESOURCES.tenants} />
        <Menu.ResourceItem name={RESOURCES.users} />
        <Menu.ResourceItem name={RESOURCES.memberships} />
      </MenuSection>
      <MenuSection label="Integrations" resources={[RESOURCES.apiKeys, RESOURCES.webhookEndpoints, RESOURCES.webhookDeliveries]}>
        <Menu.ResourceItem name={RESOURCES.apiKeys} />
        <Menu.ResourceItem name={RESOURCES.webhookEndpoints} />
        <Menu.ResourceItem name={RESOURCES.webhookDeliveries} />
      </MenuSection>
      <MenuSection label="Catalog" resources={[RESOURCES.tools, RESOURCES.entitlements]}>
        <Menu.ResourceItem name={RESOURCES.tools} />
        <Menu.ResourceItem name={RESOURCES.entitlements} />
      </MenuSection>
      <MenuSection label="Platform" resources={[RESOURCES.featureFlags, RESOURCES.auditLogs, RESOURCES.systemEvents]}>
        <Menu.ResourceItem name={RESOURCES.featureFlags} />
        <Menu.ResourceItem name={RESOURCES.auditLogs} />
        <Menu.ResourceItem name={RESOURCES.systemEvents} />
      </MenuSection>
    </Menu>
  );
}

/**
 * react-admin's layout is `min-width: fit-content`, so one wide table made the whole page scroll
 * sideways on a phone; here the page is the screen's width and wide content scrolls in its card.
 */
export function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={AdminAppBar} menu={AdminMenu} appBarAlwaysOn sx={{ minWidth: 0, '& .RaLayout-content': { px: { xs: 1.5, md: 3 }, pt: 1, pb: 4, minWidth: 0 } }}>
      {children}
    </Layout>
  );
}
