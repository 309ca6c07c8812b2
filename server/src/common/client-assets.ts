import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the API (and the asset folder) own; the client's fallback never answers them. */
const API_PREFIXES = ['/graphql', '/api', '/healthz', '/readyz', '/assets'];

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
 */
export function mountClientApps(app: Express, distDir: string | null): ClientApps {
  if (!distDir || !existsSync(join(distDir, 'index.html'))) return { mounted: false };
  const portalIndex = join(distDir, 'index.html');
  const adminIndex = join(distDir, 'admin', 'index.html');
  const hasAdmin = existsSync(adminIndex);

  app.use(
    express.static(distDir, {
      index: false,
      redirect: false,
      fallthrough: true,
      setHeaders(res, filePath) {
        if (filePath.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
        else if (filePath.includes(`${join(distDir, 'assets')}`)) res.setHeader('Cache-Control', IMMUTABLE);
        else res.setHeader('Cache-Control', 'public, max-age=3600');
      },
    }),
  );

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
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(isAdmin ? adminIndex : portalIndex);
  });
  return { mounted: true };
}
