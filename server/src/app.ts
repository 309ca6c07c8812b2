import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { Config } from './config';
import './common/apollo-fast-paths';
import { mountClientApps } from './common/client-assets';
import { compiledExecution } from './common/compiled-execution';
import { correlationMiddleware } from './common/correlation';
import { unavailableErrorOf } from './common/database-unavailable';
import { httpStatusOf } from './common/errors';
import { createFormatError } from './common/format-error';
import { graphqlHttpHandler } from './common/graphql-http';
import { frontDoorPlugin } from './common/front-door.plugin';
import { limitValidationRules } from './common/query-limits';
import { requestBudget } from './common/request-budget';
import { securityHeaders } from './common/security-headers';
import { createQueryThrottle } from './common/throttle/throttle';
import type { Logger } from './common/logger';
import type { AppServices, Context } from './context/context';
import { createContext, createDeferredContext } from './context/create-context';
import { createLoginLimiter } from './modules/auth/login-limiter';
import { SessionCache, type SessionRow } from './modules/auth/session-cache';
import { onMailCommitted } from './modules/mail/mail.outbox';
import { MailWorker } from './modules/mail/mail.worker';
import { ME_HTTP_QUERY } from './modules/me/me.query';
import { NotificationMailer } from './modules/notifications/notification.mailer';
import { onWebhookCommitted } from './modules/webhooks/webhook.emit';
import { WebhookWorker } from './modules/webhooks/webhook.worker';
import { createRealtimeBus } from './modules/realtime/bus';
import { onRealtimeCommitted } from './modules/realtime/stage';
import { attachRealtime, type RealtimeServer } from './modules/realtime/ws-server';
import { buildAppSchema } from './schema';
import { composeModules } from './common/module';
import { modules } from './modules';

export interface App {
  server: Server;
  apollo: ApolloServer<Context>;
  services: AppServices;
  /** True when the built client (portal and back office) is served too. */
  clientMounted: boolean;
  /**
   * The mail outbox worker: started by createApp unless MAIL_WORKER_ENABLED=false, nudged when a
   * transaction that enqueued mail commits, stopped by close(). `deliverDue()` sends what is due now.
   */
  mail: MailWorker;
  /**
   * The webhook delivery worker: started by createApp unless WEBHOOK_WORKER_ENABLED=false, nudged
   * when a transaction that staged deliveries commits, stopped by close().
   */
  webhooks: WebhookWorker;
  /**
   * The notification mail digest: started with the mail worker (MAIL_WORKER_ENABLED), it looks
   * every NOTIFICATION_MAIL_POLL_INTERVAL_MS; `flushDue()` mails what is due now.
   */
  notificationMail: NotificationMailer;
  /**
   * GraphQL subscriptions over WebSocket on /graphql (modules/realtime): events staged in
   * committed transactions are published (Redis when REDIS_URL is set) and delivered here.
   */
  realtime: RealtimeServer;
  /** Stops accepting requests and waits for those in flight, then stops the mail and webhook workers. */
  close(): Promise<void>;
}


let cachedSchema: Promise<GraphQLSchema> | undefined;

/** Builds the HTTP server and Apollo around an open ORM. Used by main.ts and by the tests. */
export async function createApp(config: Config, orm: MikroORM, logger: Logger): Promise<App> {
  cachedSchema ??= buildAppSchema();
  const schema = await cachedSchema;
  // Session look-ups remembered until the database notifies a change to what they read.
  const sessionCache = config.sessionCache.enabled
    ? new SessionCache<SessionRow>(orm, logger, { ttlMs: config.sessionCache.ttlMs, maxEntries: 10_000, heartbeatMs: 30_000 })
    : undefined;
  await sessionCache?.start();
  const services: AppServices = { config, logger, loginLimiter: createLoginLimiter(config, logger), sessionCache, ...composeModules(modules) };
  // Query-cost budgets (Redis when REDIS_URL is set); null when THROTTLE_ENABLED=false.
  const throttle = createQueryThrottle(config, logger);
  const app = express();
  const server = createServer(app);
  // Idle keep-alive connections outlive a proxy's or client's own idle timeout (load balancers
  // commonly use 60 s). With Node's 5 s default, a client reusing a socket just as the server
  // closes it gets ECONNRESET (nodejs/node#47130); this leaves the closing to the client side.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  app.disable('x-powered-by');
  // No ETag on answers built in memory: a GraphQL answer is POSTed and never revalidated, and the
  // hash over each body cost as much CPU as a list page's SQL. Static files keep theirs (sendFile).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));

  const formatError = createFormatError({ development: config.env === 'development', retryAfterSeconds: config.timeouts.retryAfterSeconds });
  const apollo = new ApolloServer<Context>({
    // Operations run compiled (graphql-jit) instead of interpreted by graphql-js: see compiled-execution.ts.
    gateway: compiledExecution(schema),
    introspection: !config.isProduction,
    // No "Did you mean …?" in production: it describes the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: config.isProduction,
    csrfPrevention: true,
    // Limits before execution (query-limits.ts): tokens while parsing, depth, aliases and
    // directives while validating, cost in the front-door plugin, all before any SQL.
    parseOptions: { maxTokens: config.graphqlLimits.maxTokens },
    validationRules: limitValidationRules(config.graphqlLimits),
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM (HTTP, run executor, database in order); Apollo's own handler
    // would stop it concurrently and leave app.close() waiting.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Atrium sets no cache hints, and the default cache-control plugin wraps every field
      // resolver to compute them; answers are per caller, so they say no-store (below).
      ApolloServerPluginCacheControlDisabled(),
      config.isProduction ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      // A mutation may have revoked a session or changed a role: this instance forgets its
      // remembered look-ups before answering (other instances hear the database's notification).
      ...(sessionCache ? [{ requestDidStart: async () => ({ willSendResponse: async ({ operation }: { operation?: { operation: string } | null }) => {
        if (operation?.operation === 'mutation') sessionCache.forgetAll();
      } }) }] : []),
      frontDoorPlugin({ maxCost: config.graphqlLimits.maxCost, retryAfterSeconds: config.timeouts.retryAfterSeconds, throttle }),
    ],
  });
  await apollo.start();

  const requestInfo = (req: Request) => ({
    authorization: req.header('authorization'),
    ip: req.ip ?? null,
    userAgent: req.header('user-agent') ?? null,
    correlationId: req.correlationId,
  });
  const contextOf = (req: Request) => createContext(services, orm, requestInfo(req));
  const budget = requestBudget({ budgetMs: config.timeouts.requestBudgetMs, retryAfterSeconds: config.timeouts.retryAfterSeconds });

  app.use(correlationMiddleware);
  // One structured line per request, carrying the correlation id (nothing to time or wait for
  // when the level leaves it out, as LOG_LEVEL=warn does).
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!logger.isLevelEnabled('info')) {
      next();
      return;
    }
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

  // Ready when the database answers within READINESS_TIMEOUT_MS; a frozen or unreachable one
  // answers 503 in about that time instead of hanging the probe.
  app.get('/readyz', async (req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${config.timeouts.readinessMs} ms`)), config.timeouts.readinessMs);
    });
    try {
      await Promise.race([orm.em.getConnection().execute('select 1'), timeout]);
      res.json({ status: 'ready', database: 'ok' });
    } catch (err) {
      logger.error({ err, correlationId: req.correlationId }, 'readiness check failed');
      res.setHeader('Retry-After', String(config.timeouts.retryAfterSeconds));
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  });

  /** The same answer as `query { me }`, for clients that do not speak GraphQL. */
  app.get('/api/me', budget, async (req, res, next) => {
    try {
      const contextValue = await contextOf(req);
      const response = await apollo.executeOperation<{ me: unknown }>({ query: ME_HTTP_QUERY }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      const { data, errors } = response.body.singleResult;
      if (errors?.length) {
        const raw = errors[0]?.extensions?.code;
        const code = typeof raw === 'string' ? raw : 'INTERNAL_SERVER_ERROR';
        res.status(httpStatusOf(code)).json({ errors });
        return;
      }
      res.json(data?.me);
    } catch (err) {
      next(err);
    }
  });

  // Every GraphQL answer is for one caller: neither the browser nor a proxy keeps it.
  const noStore = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };

  // The session look-up waits until the document has passed the limits (front-door plugin).
  app.use(
    '/graphql',
    noStore,
    express.json({ limit: config.graphqlLimits.maxBodyBytes }),
    budget,
    graphqlHttpHandler(apollo, (req) => createDeferredContext(services, orm, requestInfo(req))),
  );

  // The modules' plain-HTTP routes (KYC documents, inbound messages), each within a request budget.
  for (const m of modules) for (const route of m.http ?? []) app.use(route.path, budget, route.router({ contextOf, config, schema }));
  // The portal at / and the back office at /admin/, when the client has been built.
  const client = mountClientApps(app, config.clientDistDir);

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: 'NOT_FOUND', message: `No route for ${req.method} ${req.path}` });
  });

  // Last resort: never leak a stack trace or SQL to the client.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: number }).status;
    if (status === 413) {
      res.status(413).json({ error: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' });
      return;
    }
    if (status && status >= 400 && status < 500) {
      res.status(status).json({ error: 'BAD_REQUEST', message: 'The request could not be read.' });
      return;
    }
    const unavailable = unavailableErrorOf(err, config.timeouts.retryAfterSeconds);
    if (unavailable) {
      logger.error({ err, correlationId: req.correlationId }, 'database unavailable');
      res.setHeader('Retry-After', String(config.timeouts.retryAfterSeconds));
      res.status(503).json({ error: unavailable.code, reason: unavailable.extensions.reason, message: unavailable.message, correlationId: req.correlationId });
      return;
    }
    logger.error({ err, correlationId: req.correlationId }, 'unhandled HTTP error');
    res.status(500).json({ error: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.', correlationId: req.correlationId });
  });

  // Mail enqueued by a committed transaction goes out at once; the worker also picks up what an
  // earlier run left due before this returns.
  const mail = new MailWorker(orm, config.mail, logger);
  const mailCommits = onMailCommitted(orm, () => mail.nudge());
  if (config.mail.workerEnabled) await mail.start();
  const webhooks = new WebhookWorker(orm, config, logger);
  const webhookCommits = onWebhookCommitted(orm, () => webhooks.nudge());
  if (config.webhooks.workerEnabled) await webhooks.start();
  const notificationMail = new NotificationMailer(orm, config, logger);
  if (config.mail.workerEnabled) notificationMail.start();

  // Real time: what committed transactions staged goes out through one publisher; sockets on
  // /graphql receive it (each event read again with the subscriber's own context).
  const bus = createRealtimeBus(config, logger);
  const realtimeCommits = onRealtimeCommitted(orm, (messages) => bus.publish(messages));
  const realtime = attachRealtime({ server, schema, services, orm, bus, config, logger, formatError });

  return {
    server,
    apollo,
    realtime,
    services,
    clientMounted: client.mounted,
    mail,
    webhooks,
    notificationMail,
    async close() {
      await realtime.close();
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      mailCommits.close();
      webhookCommits.close();
      realtimeCommits.close();
      await bus.close();
      await webhooks.stop();
      await notificationMail.stop();
      await mail.stop();
      await services.loginLimiter.close();
      await throttle?.close();
      await sessionCache?.close();
    },
  };
}
