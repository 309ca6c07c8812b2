import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { Config } from './config';
import { mountClientApps } from './common/client-assets';
import { correlationMiddleware } from './common/correlation';
import { createFormatError, isExpectedError } from './common/format-error';
import type { Logger } from './common/logger';
import type { AppServices, Context } from './context/context';
import { createContext } from './context/create-context';
import { createLoginLimiter } from './modules/auth/login-limiter';
import { createKycRouter } from './modules/kyc/kyc.http';
import { ME_HTTP_QUERY } from './modules/me/me.query';
import { createMessageRouter } from './modules/messages/message.http';
import { buildAppSchema } from './schema';

export interface App {
  server: Server;
  apollo: ApolloServer<Context>;
  services: AppServices;
  /** True when the built client (portal and back office) is served too. */
  clientMounted: boolean;
  /** Stops accepting requests and waits for those in flight. */
  close(): Promise<void>;
}

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, RATE_LIMITED: 429 };

function loggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const err of errors) {
            if (!isExpectedError(err)) contextValue.logger.error({ err: err.originalError ?? err, operationName, path: err.path }, 'unexpected error');
          }
        },
      };
    },
  };
}

let cachedSchema: Promise<GraphQLSchema> | undefined;

/** Builds the HTTP server and Apollo around an open ORM. Used by main.ts and by the tests. */
export async function createApp(config: Config, orm: MikroORM, logger: Logger): Promise<App> {
  cachedSchema ??= buildAppSchema();
  const schema = await cachedSchema;
  const services: AppServices = { config, logger, loginLimiter: createLoginLimiter(config, logger) };
  const app = express();
  const server = createServer(app);
  // Idle keep-alive connections outlive a proxy's or client's own idle timeout (load balancers
  // commonly use 60 s). With Node's 5 s default, a client reusing a socket just as the server
  // closes it gets ECONNRESET (nodejs/node#47130); this leaves the closing to the client side.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !config.isProduction,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM (HTTP, run executor, database in order); Apollo's own handler
    // would stop it concurrently and leave app.close() waiting.
    stopOnTerminationSignals: false,
    formatError: createFormatError({ development: config.env === 'development' }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      config.isProduction ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      loggingPlugin(),
    ],
  });
  await apollo.start();

  const contextOf = (req: Request) =>
    createContext(services, orm, {
      authorization: req.header('authorization'),
      ip: req.ip ?? null,
      userAgent: req.header('user-agent') ?? null,
      correlationId: req.correlationId,
    });

  app.use(correlationMiddleware);
  // One structured line per request, carrying the correlation id.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ correlationId: req.correlationId, method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready', database: 'ok' });
    } catch (err) {
      logger.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  /** The same answer as `query { me }`, for clients that do not speak GraphQL. */
  app.get('/api/me', async (req, res, next) => {
    try {
      const contextValue = await contextOf(req);
      const response = await apollo.executeOperation<{ me: unknown }>({ query: ME_HTTP_QUERY }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      const { data, errors } = response.body.singleResult;
      if (errors?.length) {
        const raw = errors[0]?.extensions?.code;
        const code = typeof raw === 'string' ? raw : 'INTERNAL_SERVER_ERROR';
        res.status(HTTP_STATUS[code] ?? 500).json({ errors });
        return;
      }
      res.json(data?.me);
    } catch (err) {
      next(err);
    }
  });

  // KYC document files: multipart upload and download, same bearer token as GraphQL.
  app.use('/api/kyc', createKycRouter({ contextOf }));

  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async ({ req }) => contextOf(req) }));

  /** Inbound messages over plain HTTP (e-mail gateways, webhooks); same rules as ingestMessage. */
  app.use('/api/messages', createMessageRouter(contextOf));
  // The portal at / and the back office at /admin/, when the client has been built.
  const client = mountClientApps(app, config.clientDistDir);

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: 'NOT_FOUND', message: `No route for ${req.method} ${req.path}` });
  });

  // Last resort: never leak a stack trace or SQL to the client.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: number }).status;
    if (status && status >= 400 && status < 500) {
      res.status(status).json({ error: 'BAD_REQUEST', message: 'The request could not be read.' });
      return;
    }
    logger.error({ err, correlationId: req.correlationId }, 'unhandled HTTP error');
    res.status(500).json({ error: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.', correlationId: req.correlationId });
  });

  return {
    server,
    apollo,
    services,
    clientMounted: client.mounted,
    async close() {
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.loginLimiter.close();
    },
  };
}
