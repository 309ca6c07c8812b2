import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.ATRIUM_API_URL ?? 'http://localhost:4000';

/**
 * Dev-server fallback for the back office: /admin/anything (not a file) answers admin/index.html,
 * the same way the API server does in production. The portal's fallback is Vite's own.
 */
function adminFallback(): Plugin {
  return {
    name: 'atrium-admin-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if ((path === '/admin' || path.startsWith('/admin/')) && !/\.[a-z0-9]+$/i.test(path) && req.headers.accept?.includes('text/html')) {
          req.url = '/admin/index.html';
        }
        next();
      });
    },
  };
}

type ModuleGraph = { getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[] } | null };

/**
 * First-load chunks: every module that an entry imports statically (what the sign-in page needs
 * before it can draw) goes into one chunk per set of entries that need it: `shell` for both apps,
 * `portal-shell` and `admin-shell` for one. Left to itself the bundler splits that graph by every
 * lazy page that shares a piece of it, and the sign-in pages made 14 (portal) and 36 (back office)
 * requests; now 5 and 7 for the same bytes. Modules only lazy pages reach are chunked as before.
 */
function firstLoadChunks() {
  const entriesOf = new Map<string, ReadonlySet<string>>();
  const reach = (id: string, graph: ModuleGraph, visiting: Set<string>): ReadonlySet<string> => {
    const known = entriesOf.get(id);
    if (known) return known;
    const info = graph.getModuleInfo(id);
    const found = new Set<string>();
    if (!info || visiting.has(id)) return found;
    visiting.add(id);
    if (info.isEntry) found.add(id);
    for (const importer of info.importers) for (const entry of reach(importer, graph, visiting)) found.add(entry);
    visiting.delete(id);
    entriesOf.set(id, found);
    return found;
  };
  const appsOf = (id: string, graph: ModuleGraph): string | null => {
    // An entry stays its own chunk; only what it imports is grouped.
    if (graph.getModuleInfo(id)?.isEntry) return null;
    const entries = [...reach(id, graph, new Set())];
    if (entries.length === 0) return null;
    const apps = new Set(entries.map((e) => (/[\\/]admin[\\/]/.test(e) ? 'admin' : 'portal')));
    return apps.size > 1 ? 'shell' : `${[...apps][0]}-shell`;
  };
  // Highest first: what both apps need is taken before either app's own group pulls it in.
  const group = (name: string, priority: number) => ({ name: (id: string, graph: ModuleGraph) => (appsOf(id, graph) === name ? name : null), debugName: name, priority });
  return { groups: [group('shell', 3), group('portal-shell', 2), group('admin-shell', 1)] };
}

export default defineConfig({
  root,
  plugins: [react(), adminFallback()],
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/graphql': apiTarget,
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps are written for reading production stack traces but no bundle points at them, and
    // the server never serves *.map (server/src/common/client-assets.ts): they hold the sources.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        portal: resolve(root, 'index.html'),
        admin: resolve(root, 'admin/index.html'),
      },
      // Grouping moves modules out of the chunks their importers sit in; strict execution order
      // keeps each module running when its importer first needs it (without it the portal's
      // routes were registered after the router read them: "No routes matched").
      output: { codeSplitting: firstLoadChunks(), strictExecutionOrder: true },
    },
  },
});
