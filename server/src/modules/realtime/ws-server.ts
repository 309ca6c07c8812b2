import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import jwt from 'jsonwebtoken';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { Config } from '../../config';
import { ErrorReason } from '../../common/error-reason';
import type { Logger } from '../../common/logger';
import { limitValidationRules, queryCost } from '../../common/query-limits';
import { uuidv7 } from '../../common/uuid';
import type { AppServices, Context } from '../../context/context';
import { accessSignature, createContext, currentAccess, freshContext, type HeldAccess } from '../../context/create-context';
import type { RealtimeBus } from './bus';
import { contextOfPayload, LIVE, type LiveConnection } from './live';
import { SharedReads } from './shared-reads';
// graphql-ws's ws adapter is the subpath export `graphql-ws/use/ws`: Node resolves it, while the
// repository's TypeScript settings (moduleResolution "node") read types from the file itself.
import type { Extra } from 'graphql-ws/dist/use/ws';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as typeof import('graphql-ws/dist/use/ws');

/** Close codes (graphql-ws clients retry every one of them, asking for a fresh token). */
export const CLOSE = {
  /** No valid sign-in: token missing, invalid or expired, session ended, key revoked. */
  UNAUTHENTICATED: 4403,
  /** Too many sockets for the user or the tenant on this instance ("try again later"). */
  TOO_MANY_CONNECTIONS: 1013,
  /** The client did not read its events fast enough. */
  TOO_SLOW: 4008,
} as const;

export interface RealtimeServer {
  /** Open, signed-in sockets on this instance. */
  connections(): number;
  /** Subscriptions listening for events on this instance. */
  subscriptions(): number;
  /** Event reads made for subscribers since the start (subscribers with the same rights share one). */
  eventReads(): number;
  /** Checks every socket's session or API key now, closing those that ended. */
  checkAccess(): Promise<void>;
  close(): Promise<void>;
}

export interface RealtimeServerDeps {
  server: Server;
  schema: GraphQLSchema;
  services: AppServices;
  orm: MikroORM;
  bus: RealtimeBus;
  config: Config;
  logger: Logger;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** One open, signed-in socket. */
interface Connection {
  readonly socket: Extra['socket'];
  readonly context: Context;
  readonly userKey: string;
  readonly tenantId: string | null;
  readonly expiry: NodeJS.Timeout | null;
  /** The session (its tenant and generation, from the token) or API key it signed in with. */
  readonly held: HeldAccess;
  /** What that sign-in granted when the socket connected (accessSignature). */
  readonly signature: string;
  /**
   * The same rights whatever the session (accessSignature without it): sockets with equal keys
   * share each event's read. Null outside a tenant (platform staff: no sharing).
   */
  readonly readKey: string | null;
}

type ConnectionExtra = Extra & { connection?: Connection };

const refusal = (message: string, reason: ErrorReason, code = 'BAD_USER_INPUT') => new GraphQLError(message, { extensions: { code, reason } });

/** Who a connection counts against: the user, or the API key (a key is not its creator's browser). */
function userKeyOf(ctx: Context): string | null {
  const p = ctx.principal;
  if (p.kind === 'user') return `user:${p.userId}`;
  if (p.kind === 'apiKey') return `key:${p.apiKeyId}`;
  return null;
}

/**
 * What an authenticated socket signed in with: its API key, or its session as the access token
 * names it (tenant, generation) with the token's expiry (ms since the epoch). The token was
 * verified by createContext; its claims are only read here.
 */
function heldAccess(ctx: Context, authorization: string): { held: HeldAccess; expiresAt: number | null } | null {
  const p = ctx.principal;
  if (p.kind === 'apiKey') return { held: { kind: 'apiKey', apiKeyId: p.apiKeyId }, expiresAt: null };
  if (p.kind !== 'user') return null;
  const token = /^Bearer\s+(\S+)$/.exec(authorization.trim())?.[1];
  const claims = token ? jwt.decode(token) : null;
  if (!claims || typeof claims !== 'object') return null;
  const tenantId = typeof claims.tid === 'string' ? claims.tid : null;
  const generation = typeof claims.gen === 'number' ? claims.gen : 0;
  return { held: { kind: 'session', sessionId: p.sessionId, tenantId, generation }, expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null };
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws, the graphql-transport-ws protocol) on the
 * HTTP server's /graphql path. The socket signs in with `connection_init` payload
 * `{ authorization: "Bearer <access token or API key>" }`, through the same code as an HTTP
 * request's context (createContext), and is closed (4403) when that access token expires or its
 * session (or key) ends. Only subscription documents are taken, after the same token, depth,
 * alias, directive and cost limits as queries. Each event runs with a fresh context
 * (freshContext) of the socket's principal.
 */
export function attachRealtime(deps: RealtimeServerDeps): RealtimeServer {
  const { config, orm, bus, logger, schema, services } = deps;
  const limits = config.realtime;
  const rules = [...specifiedRules, ...limitValidationRules(config.graphqlLimits)];
  const open = new Set<Connection>();
  const shared = new SharedReads();
  let listening = 0;
  const perUser = new Map<string, number>();
  const perTenant = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, by: number) => {
    const n = (map.get(key) ?? 0) + by;
    if (n > 0) map.set(key, n);
    else map.delete(key);
  };

  const wss = new WebSocketServer({ server: deps.server, path: '/graphql', maxPayload: config.graphqlLimits.maxBodyBytes });

  const closeSocket = (socket: Extra['socket'], code: number, reason: string) => {
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
  };

  const release = (extra: ConnectionExtra) => {
    const c = extra.connection;
    if (!c || !open.delete(c)) return;
    if (c.expiry) clearTimeout(c.expiry);
    bump(perUser, c.userKey, -1);
    if (c.tenantId) bump(perTenant, c.tenantId, -1);
  };

  const liveOf = (c: Connection): LiveConnection => ({
    bus,
    fresh: () => freshContext(c.context, orm, uuidv7()),
    read: (spec, event, read) => shared.read(spec, event, c.readKey, () => freshContext(c.context, orm, uuidv7()), read),
    maxQueuedEvents: limits.maxQueuedEvents,
    overflow: () => closeSocket(c.socket, CLOSE.TOO_SLOW, 'Too slow: events were not read in time'),
    listening: (delta) => (listening += delta),
  });

  const format = (errors: readonly GraphQLError[]) => errors.map((e) => deps.formatError(e.toJSON(), e));

  const disposable = useServer<Record<string, unknown>, { connection?: Connection }>(
    {
      schema,
      connectionInitWaitTimeout: 10_000,
      async onConnect(ctx) {
        const extra = ctx.extra;
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const authorization = typeof raw === 'string' ? raw : '';
        const req = extra.request;
        const context = await createContext(services, orm, {
          authorization,
          ip: req.socket.remoteAddress ?? null,
          userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
          correlationId: uuidv7(),
        });
        const userKey = userKeyOf(context);
        const access = heldAccess(context, authorization);
        if (!userKey || !access) {
          closeSocket(extra.socket, CLOSE.UNAUTHENTICATED, `UNAUTHENTICATED ${context.authFailure ?? 'NO_TOKEN'}`);
          return false;
        }
        if ((perUser.get(userKey) ?? 0) >= limits.maxConnectionsPerUser || (context.tenantId && (perTenant.get(context.tenantId) ?? 0) >= limits.maxConnectionsPerTenant)) {
          closeSocket(extra.socket, CLOSE.TOO_MANY_CONNECTIONS, 'Too many connections; try again later');
          return false;
        }
        if (extra.socket.readyState !== extra.socket.OPEN) return false;
        const { expiresAt, held } = access;
        const connection: Connection = {
          socket: extra.socket,
          context,
          userKey,
          tenantId: context.tenantId,
          held,
          signature: accessSignature(context.principal, context.permissions),
          readKey: context.tenantId ? accessSignature({ ...context.principal, ...(context.principal.kind === 'user' ? { sessionId: '' } : {}) }, context.permissions) : null,
          expiry:
            expiresAt === null
              ? null
              : setTimeout(() => closeSocket(extra.socket, CLOSE.UNAUTHENTICATED, 'UNAUTHENTICATED EXPIRED'), Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1))),
        };
        connection.expiry?.unref();
        extra.connection = connection;
        open.add(connection);
        bump(perUser, userKey, 1);
        if (context.tenantId) bump(perTenant, context.tenantId, 1);
        return true;
      },
      onClose(ctx) {
        release(ctx.extra);
      },
      onSubscribe(ctx, id, payload) {
        const connection = (ctx.extra).connection;
        if (!connection) return [refusal('Not signed in.', ErrorReason.BAD_REQUEST, 'UNAUTHENTICATED')];
        const active = Object.keys(ctx.subscriptions).filter((k) => k !== id).length;
        if (active >= limits.maxSubscriptionsPerConnection) {
          return [refusal(`At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection.`, ErrorReason.BAD_REQUEST, 'RATE_LIMITED')];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: config.graphqlLimits.maxTokens });
        } catch (err) {
          const tooLarge = err instanceof GraphQLError && /tokens/.test(err.message);
          return [refusal(err instanceof GraphQLError ? err.message : 'The document could not be read.', tooLarge ? ErrorReason.QUERY_TOO_LARGE : ErrorReason.GRAPHQL_PARSE_FAILED)];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) {
          return invalid.map((e) => {
            const reason = e.extensions.reason;
            return refusal(e.message, typeof reason === 'string' ? (reason as ErrorReason) : ErrorReason.GRAPHQL_VALIDATION_FAILED);
          });
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [refusal('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.', ErrorReason.BAD_REQUEST)];
        }
        let cost: number;
        try {
          cost = queryCost(schema, document, payload.variables ?? undefined, payload.operationName);
        } catch (err) {
          return [refusal(err instanceof GraphQLError ? err.message : 'The variables do not fit the document.', ErrorReason.BAD_REQUEST)];
        }
        if (cost > config.graphqlLimits.maxCost) {
          return [refusal(`This subscription costs ${cost}, more than the ${config.graphqlLimits.maxCost} allowed; select less.`, ErrorReason.QUERY_TOO_COMPLEX)];
        }
        const live = liveOf(connection);
        const contextValue = Object.assign(live.fresh(), { [LIVE]: live });
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue } satisfies ExecutionArgs;
      },
      // Each event's selection runs with the context its entity was read with (live.ts).
      async subscribe(args: ExecutionArgs) {
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return stream;
        return mapEvents(stream, (payload) => execute({ ...args, rootValue: payload, contextValue: contextOfPayload(payload) ?? args.contextValue }));
      },
      onNext(ctx, _id, _payload, _args, result) {
        const socket = ctx.extra.socket;
        // A client that does not read its socket: drop it rather than buffer without bound.
        if (socket.bufferedAmount > limits.maxBufferedBytes) {
          closeSocket(socket, CLOSE.TOO_SLOW, 'Too slow: events were not read in time');
          return;
        }
        return result.errors ? { ...result, errors: format(result.errors) } : undefined;
      },
      onError(_ctx, _id, _payload, errors) {
        return format(errors);
      },
    },
    wss,
  );

  /**
   * Every socket whose sign-in no longer grants what it granted at connect is closed: its
   * session (or key) ended, or its role, permissions, membership or tenant changed. The client
   * connects again (with a fresh token) and subscribes with what it may read now.
   */
  const checkAccess = async () => {
    const sockets = [...open];
    if (!sockets.length) return;
    const now = await currentAccess(orm, sockets.map((c) => c.held));
    for (const c of sockets) {
      const id = c.held.kind === 'session' ? c.held.sessionId : c.held.apiKeyId;
      const signature = now.get(id);
      if (signature === undefined) closeSocket(c.socket, CLOSE.UNAUTHENTICATED, 'UNAUTHENTICATED SESSION_ENDED');
      else if (signature !== c.signature) closeSocket(c.socket, CLOSE.UNAUTHENTICATED, 'UNAUTHENTICATED ACCESS_CHANGED');
    }
  };

  let checking: Promise<void> | null = null;
  let again = false;
  const check = (): Promise<void> => {
    if (checking) {
      again = true;
      return checking;
    }
    checking = checkAccess()
      .catch((err: unknown) => logger.error({ err }, 'realtime: could not check the sockets\' sessions'))
      .finally(() => {
        checking = null;
        if (again) {
          again = false;
          void check();
        }
      });
    return checking;
  };
  const timer = setInterval(() => {
    if (open.size) void check();
  }, limits.sessionCheckMs);
  timer.unref();
  // Sessions, users, memberships, roles, tenants or API keys changed (the database notifies every
  // instance when such a change commits, by whatever path; modules/auth/session-cache.ts): the
  // sockets' sign-ins are checked at once. Without the listener (SESSION_CACHE_ENABLED=false),
  // the periodic check alone ends revoked sockets.
  const stopListening = services.sessionCache?.onChange(() => {
    if (open.size) void check();
  });

  return {
    connections: () => open.size,
    subscriptions: () => listening,
    eventReads: () => shared.reads,
    checkAccess: check,
    async close() {
      clearInterval(timer);
      stopListening?.();
      for (const c of open) if (c.expiry) clearTimeout(c.expiry);
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * `source` with `map` applied to each item, one at a time; return() reaches the source at once
 * (an async generator would wait for the source's next item first, keeping idle listeners alive).
 */
function mapEvents<T, R>(source: AsyncIterable<T>, map: (item: T) => R | Promise<R>): AsyncIterableIterator<R> {
  const it = source[Symbol.asyncIterator]();
  const out: AsyncIterableIterator<R> = {
    async next() {
      const item = await it.next();
      if (item.done) return { done: true, value: undefined };
      return { done: false, value: await map(item.value) };
    },
    async return() {
      await it.return?.();
      return { done: true, value: undefined };
    },
    async throw(err: unknown) {
      await it.return?.();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return out;
    },
  };
  return out;
}
