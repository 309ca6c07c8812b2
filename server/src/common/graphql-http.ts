import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Express in front of Apollo Server: hands each request (already parsed by `express.json`) to
 * `executeHTTPGraphQLRequest`, Apollo's own entry point for integrations, and writes its answer.
 *
 * It does what `@as-integrations/express5` (1.1.2, the newest release for Apollo Server 5) does,
 * less two costs measured on every request:
 * - the query string is the text after the first `?` of the request target, where the package
 *   calls the legacy `url.parse()`; on Node 24 every call of it also looks up its caller to decide
 *   on a deprecation warning (DEP0169), about 8 % of the CPU of a small operation;
 * - the answer is written with `res.end()`, which sets its length, not Express's `res.send()`
 *   (which would look again at its type, charset and freshness). Apollo always sets the content type.
 *
 * Incremental answers (`@defer`) are streamed chunk by chunk as the package does. A failure of
 * the handler goes to Express's error handler (500 without details), as a rejected promise would.
 */
export function graphqlHttpHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (req: Request, res: Response) => Promise<TContext>,
): RequestHandler {
  server.assertStarted('graphqlHttpHandler()');
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const headers = new HeaderMap();
      for (const name in req.headers) {
        const value = req.headers[name];
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = req.url;
      const q = url.indexOf('?');
      const answer = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: q < 0 ? '' : url.slice(q), body: req.body as unknown },
        context: () => context(req, res),
      });
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === 'complete') {
        // Node writes Content-Length (in bytes) for a whole body given to end() before any header.
        res.end(answer.body.string);
        return;
      }
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      next(err);
    }
  };
}
