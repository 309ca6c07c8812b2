import type { GraphQLSchema } from 'graphql';
import { type Request, type Response, Router } from 'express';
import { printSdl } from '../../common/sdl';

/**
 * GET /api/schema.graphql: the API's SDL for partners' tooling (codegen, clients), public: the
 * contract is no secret, it is committed as schema.graphql, and this is the same text
 * `npm run schema:emit` writes (printed from the running schema once, on first request).
 */
export function createSchemaRouter(schema: GraphQLSchema): Router {
  const router = Router();
  let sdl: string | null = null;

  router.get('/', (_req: Request, res: Response) => {
    sdl ??= printSdl(schema);
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('text/plain; charset=utf-8').send(sdl);
  });

  router.all('/', (_req: Request, res: Response) => {
    res.setHeader('Allow', 'GET, HEAD');
    res.status(405).json({ error: 'METHOD_NOT_ALLOWED', message: 'Read the schema with GET.' });
  });

  return router;
}
