import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequirePermission, RequireSession } from '../shared/session/guards';
import { LoginPage } from './features/auth/pages/LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { PortalLayout } from './PortalLayout';
import { routePaths } from './urls';

// Every page loads on first visit: the sign-in page carries none of the others' code (or their
// charting, form and upload libraries). PortalLayout and main.tsx hold the Suspense boundaries.
// The sign-in page itself is in the entry, preloaded with it: where a signed-out visitor lands,
// it shows without waiting for a chunk of its own.
const AccountPage = lazy(() => import('./features/account/pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const TwoFactorPage = lazy(() => import('./features/account/pages/TwoFactorPage').then((m) => ({ default: m.TwoFactorPage })));
const ForgotPasswordPage = lazy(() => import('./features/auth/pages/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./features/auth/pages/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })));
const DevelopersPage = lazy(() => import('./features/developers/pages/DevelopersPage').then((m) => ({ default: m.DevelopersPage })));
const DashboardPage = lazy(() => import('./features/dashboard/pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const IncidentDetailPage = lazy(() => import('./features/incidents/pages/IncidentDetailPage').then((m) => ({ default: m.IncidentDetailPage })));
const IncidentListPage = lazy(() => import('./features/incidents/pages/IncidentListPage').then((m) => ({ default: m.IncidentListPage })));
const InvitePage = lazy(() => import('./features/invitations/pages/InvitePage').then((m) => ({ default: m.InvitePage })));
const TeamPage = lazy(() => import('./features/team/pages/TeamPage').then((m) => ({ default: m.TeamPage })));
const TicketCreatePage = lazy(() => import('./features/tickets/pages/TicketCreatePage').then((m) => ({ default: m.TicketCreatePage })));
const TicketDetailPage = lazy(() => import('./features/tickets/pages/TicketDetailPage').then((m) => ({ default: m.TicketDetailPage })));
const ActivityPage = lazy(() => import('./features/activity/pages/ActivityPage').then((m) => ({ default: m.ActivityPage })));
const TracePage = lazy(() => import('./features/trace/pages/TracePage').then((m) => ({ default: m.TracePage })));
const MessagesPage = lazy(() => import('./features/messages/pages/MessagesPage').then((m) => ({ default: m.MessagesPage })));
const KycCaseCreatePage = lazy(() => import('./features/kyc/pages/KycCaseCreatePage').then((m) => ({ default: m.KycCaseCreatePage })));
const KycCaseDetailPage = lazy(() => import('./features/kyc/pages/KycCaseDetailPage').then((m) => ({ default: m.KycCaseDetailPage })));
const KycCaseEditPage = lazy(() => import('./features/kyc/pages/KycCaseEditPage').then((m) => ({ default: m.KycCaseEditPage })));
const KycCaseListPage = lazy(() => import('./features/kyc/pages/KycCaseListPage').then((m) => ({ default: m.KycCaseListPage })));
const ToolsPage = lazy(() => import('./features/tools/pages/ToolsPage').then((m) => ({ default: m.ToolsPage })));
const RunListPage = lazy(() => import('./features/runs/pages/RunListPage').then((m) => ({ default: m.RunListPage })));
const RunDetailPage = lazy(() => import('./features/runs/pages/RunDetailPage').then((m) => ({ default: m.RunDetailPage })));
const NotificationsPage = lazy(() => import('./features/notifications/pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const TicketListPage = lazy(() => import('./features/tickets/pages/TicketListPage').then((m) => ({ default: m.TicketListPage })));

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
        path: routePaths.kyc,
        handle: { crumb: 'Identity checks' },
        children: [
          {
            index: true,
            element: (
              <RequirePermission permission="kyc:read" what="Identity checks">
                <KycCaseListPage />
              </RequirePermission>
            ),
          },
          {
            path: routePaths.kycNew,
            handle: { crumb: 'New case' },
            element: (
              <RequirePermission permission="kyc:write" what="Starting identity checks">
                <KycCaseCreatePage />
              </RequirePermission>
            ),
          },
          {
            path: routePaths.kycCase,
            handle: { crumb: 'Case' },
            element: (
              <RequirePermission permission="kyc:read" what="This identity check">
                <KycCaseDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: routePaths.kycCaseEdit,
            handle: { crumb: 'Edit' },
            element: (
              <RequirePermission permission="kyc:write" what="Editing identity checks">
                <KycCaseEditPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: routePaths.tools,
        handle: { crumb: 'Tools' },
        element: (
          <RequirePermission permission="tool:read" what="The tools catalog">
            <ToolsPage />
          </RequirePermission>
        ),
      },
      {
        path: routePaths.runs,
        handle: { crumb: 'Runs' },
        children: [
          {
            index: true,
            element: (
              <RequirePermission permission="run:read" what="The run list">
                <RunListPage />
              </RequirePermission>
            ),
          },
          {
            path: routePaths.run,
            handle: { crumb: 'Run' },
            element: (
              <RequirePermission permission="run:read" what="This run">
                <RunDetailPage />
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
        // Members with audit:read or event:read; the page checks which tabs the role may use.
        path: routePaths.activity,
        handle: { crumb: 'Activity' },
        children: [
          { index: true, element: <ActivityPage /> },
          { path: routePaths.activityAudit, element: <ActivityPage tab="audit" />, handle: { crumb: 'Audit log' } },
          { path: routePaths.activityEvents, element: <ActivityPage tab="events" />, handle: { crumb: 'System events' } },
        ],
      },
      {
        path: routePaths.traceLookup,
        handle: { crumb: 'Trace' },
        children: [
          {
            index: true,
            element: (
              <RequirePermission permission="correlation:read" what="Tracing requests">
                <TracePage />
              </RequirePermission>
            ),
          },
          {
            path: routePaths.trace,
            handle: { crumb: 'Request' },
            element: (
              <RequirePermission permission="correlation:read" what="Tracing requests">
                <TracePage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: routePaths.messages,
        handle: { crumb: 'Messages' },
        element: (
          <RequirePermission permission="message:read" what="Inbound messages">
            <MessagesPage />
          </RequirePermission>
        ),
      },
      {
        path: routePaths.incidents,
        handle: { crumb: 'Incidents' },
        children: [
          {
            index: true,
            element: (
              <RequirePermission permission="incident:read" what="The incidents list">
                <IncidentListPage />
              </RequirePermission>
            ),
          },
          {
            path: routePaths.incident,
            handle: { crumb: 'Incident' },
            element: (
              <RequirePermission permission="incident:read" what="This incident">
                <IncidentDetailPage />
              </RequirePermission>
            ),
          },
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
      { path: routePaths.notifications, element: <NotificationsPage />, handle: { crumb: 'Notifications' } },
      { path: '*', element: <NotFoundPage />, handle: { crumb: 'Not found' } },
    ],
  },
];

export function createPortalRouter() {
  return createBrowserRouter(portalRoutes);
}
