import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';

/**
 * Paths the API (and the asset folder) own; the client's fallback never answers them. `/dev` is
 * the server's development pages (the mailbox), which answer 404 in production.
 */
const API_PREFIXES = ['/graphql', '/api', '/healthz', '/readyz', '/assets', '/dev'];

/** Vite names built assets by content hash, so they never change under the same URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface ClientApps {
  /** True when a built client was found and mounted. */
  mounted: boolean;
}

/**
 * Serves the built client (client/dist): the portal at /, the back office at /admin/. Hashed
 * assets are cached for a year; HTML is revalidated on every load so a deploy shows at once.
 * Unknown paths without a file extension answer the app's index.html (client-side routes);
 * the API's own paths and missing files keep their 404.
 *
 * The build (scripts/build-client.js) writes a brotli (.br) and a gzip (.gz) copy next to each
 * script, stylesheet, page and SVG; the best one the browser accepts is sent (brotli first),
 * with `Vary: Accept-Encoding`. The copies are listed once, when the server starts.
 * Source maps are never served: they would publish the sources. Vite writes them 'hidden'
 * (no bundle points at them), so they stay on disk for reading stack traces.
 */
export function mountClientApps(app: Express, distDir: string | null): ClientApps {
  if (!distDir || !existsSync(join(distDir, 'index.html'))) return { mounted: false };
  const root = resolve(distDir);
  const assetsDir = join(root, 'assets') + sep;
  const hasAdmin = existsSync(join(root, 'admin', 'index.html'));

  const serve = expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      redirect: false,
      fallthrough: true,
      setHeaders(res: ServerResponse, filePath: string) {
        // The file sent may be a compressed copy (index.html.br): its original decides.
        const original = filePath.replace(/\.(br|gz)$/, '');
        if (original.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
        else if (original.startsWith(assetsDir)) res.setHeader('Cache-Control', IMMUTABLE);
        else res.setHeader('Cache-Control', 'public, max-age=3600');
      },
    },
  }) as RequestHandler;

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.endsWith('.map')) return next();
    return serve(req, res, next);
  });

  app.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
    const path = req.path;
    if (API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) return next();
    // A missing file (a typo'd asset, a stale chunk) is a 404, not an HTML page.
    if (/\.[a-z0-9]{1,8}$/i.test(path)) return next();
    const isAdmin = path === '/admin' || path.startsWith('/admin/');
    if (isAdmin && !hasAdmin) return next();
    if (path === '/admin') {
      res.redirect(301, '/admin/');
      return;
    }
    // The app's page, compressed like any other file; the browser keeps the URL it asked for.
    const asked = req.url;
    req.url = isAdmin ? '/admin/index.html' : '/index.html';
    return serve(req, res, (err?: unknown) => {
      req.url = asked;
      next(err);
    });
  });
  return { mounted: true };
}
