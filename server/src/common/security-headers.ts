import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { contentSecurityPolicy } from 'helmet';
import type { Config } from '../config';

/** Paths whose answers are the API's (JSON, files), never an app page. */
const API_PREFIXES = ['/graphql', '/api', '/healthz', '/readyz'];

const isApiPath = (path: string) => API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));

/**
 * The portal and the back office as built by Vite: one external module script and its
 * preloads from our origin, GraphQL over fetch to the same origin, no inline script, no eval,
 * no images or fonts from elsewhere.
 *
 * style-src keeps 'unsafe-inline': MUI styles everything through emotion, which inserts
 * `<style>` elements at run time, and MUI and react-admin also set `style` attributes (popper
 * positions, transitions, column widths). Without it Chromium reports style-src-elem and
 * inline-style violations on every page and the apps render unstyled. A nonce would cover
 * emotion's elements but not the attributes, and needs each page rewritten per request.
 * Styles cannot run code; scripts stay strictly 'self'.
 */
const APP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  // blob: for KYC documents shown inline in the back office: staff read the file with their
  // token (fetch), and the page shows it from a local object URL, an image or a PDF in a frame.
  imgSrc: ["'self'", 'blob:'],
  frameSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'"],
  // 'self' also admits ws:/wss: to the same host and port (CSP Level 3), which is where the
  // apps' GraphQL subscriptions connect (/graphql); no other socket is allowed.
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** JSON and files from the API are never rendered as a page: nothing may load from them. */
const API_DIRECTIVES = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * Secure headers for every answer: the apps, their assets and the API.
 *
 * - Content-Security-Policy: the apps' policy on app pages and assets, `default-src 'none'` on
 *   the API's paths. In development, Apollo's sandbox page (a browser's GET /graphql) loads its
 *   script from Apollo's CDN and runs an inline one; it gets no CSP. Production has no sandbox.
 * - X-Frame-Options DENY with frame-ancestors 'none', nosniff, a referrer policy that sends
 *   only the origin to other sites, and helmet's cross-origin isolation defaults.
 * - Strict-Transport-Security in production only: development and tests run on plain http.
 *   (upgrade-insecure-requests is left out for the same reason; HSTS covers it behind TLS.)
 */
export function securityHeaders(config: Config): RequestHandler {
  const common = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  const appPolicy = contentSecurityPolicy({ useDefaults: false, directives: APP_DIRECTIVES });
  const apiPolicy = contentSecurityPolicy({ useDefaults: false, directives: API_DIRECTIVES });
  const isSandboxPage = (req: Request) =>
    !config.isProduction && req.method === 'GET' && req.path === '/graphql' && req.accepts(['application/json', 'text/html']) === 'text/html';

  return (req: Request, res: Response, next: NextFunction) => {
    common(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (isSandboxPage(req)) return next();
      const policy = isApiPath(req.path) ? apiPolicy : appPolicy;
      policy(req, res, next);
    });
  };
}
