import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageStatus } from '../ui/FullPageStatus';
import { NotAllowed } from '../ui/NotAllowed';
import { messageOf } from '../errors';
import { useSession } from './SessionProvider';

/** `next` for the login page: where the user was going, kept across the sign-in. */
export function loginRedirect(loginPath: string, location: { pathname: string; search: string; hash: string }): string {
  const next = `${location.pathname}${location.search}${location.hash}`;
  return next === '/' ? loginPath : `${loginPath}?next=${encodeURIComponent(next)}`;
}

/** Renders its children for signed-in users; everyone else goes to the login page and comes back after. */
export function RequireSession({ loginPath, children }: { loginPath: string; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'signed-out') return <Navigate to={loginRedirect(loginPath, location)} replace />;
  if (session.status === 'loading') {
    if (session.meError) return <FullPageStatus message={messageOf(session.meError)} onRetry={() => void session.reloadMe()} />;
    return <FullPageStatus />;
  }
  return <>{children}</>;
}

/** Renders its children only when the role holds `permission`; otherwise a clear "not allowed" page. */
export function RequirePermission({ permission, what, homeHref, children }: { permission: string; what?: string; homeHref?: string; children: ReactNode }) {
  const session = useSession();
  if (!session.can(permission)) return <NotAllowed role={session.me?.role} what={what} homeHref={homeHref} />;
  return <>{children}</>;
}
