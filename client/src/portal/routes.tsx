import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequirePermission, RequireSession } from '../shared/session/guards';
import { AccountPage } from './features/account/pages/AccountPage';
import { TwoFactorPage } from './features/account/pages/TwoFactorPage';
import { ForgotPasswordPage } from './features/auth/pages/ForgotPasswordPage';
import { LoginPage } from './features/auth/pages/LoginPage';
import { ResetPasswordPage } from './features/auth/pages/ResetPasswordPage';
import { DevelopersPage } from './features/developers/pages/DevelopersPage';
import { DashboardPage } from './features/dashboard/pages/DashboardPage';
import { InvitePage } from './features/invitations/pages/InvitePage';
import { TeamPage } from './features/team/pages/TeamPage';
import { TicketCreatePage } from './features/tickets/pages/TicketCreatePage';
import { TicketDetailPage } from './features/tickets/pages/TicketDetailPage';
import { TicketListPage } from './features/tickets/pages/TicketListPage';
import { NotFoundPage } from './NotFoundPage';
import { PortalLayout } from './PortalLayout';
import { routePaths } from './urls';

/** The portal's routes: guards wrap what needs a session or a permission; crumbs name each level. */
export const portalRoutes: RouteObject[] = [
  { path: routePaths.login, element: <LoginPage /> },
  // Public: reached from mailed links, signed in or not.
  { path: routePaths.forgotPassword, element: <ForgotPasswordPage /> },
  { path: routePaths.resetPassword, element: <ResetPasswordPage /> },
  { path: routePaths.invite, element: <InvitePage /> },
  {
    element: (
      <RequireSession loginPath={routePaths.login}>
        <PortalLayout />
      </RequireSession>
    ),
    handle: { crumb: 'Home' },
    children: [
      { index: true, element: <DashboardPage />, handle: { crumb: 'Dashboard' } },
      {
        path: routePaths.tickets,
        handle: { crumb: 'Tickets' },
        children: [
          {
            index: true,
            element: (
              <RequirePermission permission="ticket:read" what="The ticket list">
                <TicketListPage />
              </RequirePermission>
            ),
          },
          {
            path: routePaths.ticketNew,
            handle: { crumb: 'New ticket' },
            element: (
              <RequirePermission permission="ticket:write" what="Raising tickets">
                <TicketCreatePage />
              </RequirePermission>
            ),
          },
          {
            path: routePaths.ticket,
            handle: { crumb: 'Ticket' },
            element: (
              <RequirePermission permission="ticket:read" what="This ticket">
                <TicketDetailPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: routePaths.team,
        handle: { crumb: 'Team' },
        element: (
          <RequirePermission permission="member:read" what="The team page">
            <TeamPage />
          </RequirePermission>
        ),
      },
      {
        // Members with apikey:manage or webhook:manage; the page checks which tabs the role may use.
        path: routePaths.developers,
        handle: { crumb: 'Developers' },
        children: [
          { index: true, element: <DevelopersPage /> },
          { path: routePaths.developerKeys, element: <DevelopersPage tab="keys" />, handle: { crumb: 'API keys' } },
          { path: routePaths.developerWebhooks, element: <DevelopersPage tab="webhooks" />, handle: { crumb: 'Webhooks' } },
          { path: routePaths.developerDeliveries, element: <DevelopersPage tab="deliveries" />, handle: { crumb: 'Delivery log' } },
          { path: routePaths.developerDocs, element: <DevelopersPage tab="docs" />, handle: { crumb: 'Documentation' } },
        ],
      },
      {
        path: routePaths.account,
        handle: { crumb: 'Account' },
        children: [
          { index: true, element: <AccountPage /> },
          { path: routePaths.twoFactor, element: <TwoFactorPage />, handle: { crumb: 'Two-factor sign-in' } },
        ],
      },
      { path: '*', element: <NotFoundPage />, handle: { crumb: 'Not found' } },
    ],
  },
];

export function createPortalRouter() {
  return createBrowserRouter(portalRoutes);
}
