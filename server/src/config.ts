import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  JWT_ISSUER: z.string().default('atrium'),
  JWT_AUDIENCE: z.string().default('atrium-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_ACCOUNT_DELAY_AFTER: z.coerce.number().int().min(1).default(10),
  LOGIN_ACCOUNT_DELAY_BASE_SECONDS: z.coerce.number().int().min(1).default(1),
  LOGIN_ACCOUNT_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).default(300),
  LOGIN_KNOWN_DEVICE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  REDIS_URL: z.string().url().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  REDIS_KEY_PREFIX: z.string().default('atrium:'),
  SEED_DEMO_DATA: bool.optional(),
  TRUST_PROXY: bool.default(false),
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  EVENT_RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  EVENT_RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(5_000),
  CLIENT_DIST_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  KYC_STORAGE_DIR: z.string().min(1).optional(),
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  KYC_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  ATTACHMENT_STORAGE_DIR: z.string().min(1).optional(),
  ATTACHMENT_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).max(1000).default(50),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(3000),
  GRAPHQL_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(100 * 1024),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(40_000),
  // Query-cost budgets (common/throttle): a leaky bucket per API key, per session, per address.
  THROTTLE_ENABLED: bool.default(true),
  THROTTLE_USER_MAX: z.coerce.number().int().min(1).max(1_000_000_000).default(100_000),
  THROTTLE_USER_RESTORE_RATE: z.coerce.number().positive().max(1_000_000_000).default(5_000),
  THROTTLE_KEY_MAX: z.coerce.number().int().min(1).max(1_000_000_000).default(200_000),
  THROTTLE_KEY_RESTORE_RATE: z.coerce.number().positive().max(1_000_000_000).default(10_000),
  THROTTLE_ANONYMOUS_MAX: z.coerce.number().int().min(1).max(1_000_000_000).default(20_000),
  THROTTLE_ANONYMOUS_RESTORE_RATE: z.coerce.number().positive().max(1_000_000_000).default(1_000),
  // Session look-ups remembered until the database notifies a change (modules/auth/session-cache.ts).
  SESSION_CACHE_ENABLED: bool.default(true),
  SESSION_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  REQUEST_BUDGET_MS: z.coerce.number().int().min(10).max(300_000).default(10_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(10).max(3_600_000).default(8000),
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(3000),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(3000),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(10).max(30_000).default(800),
  RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  EXECUTOR_ENABLED: bool.default(true),
  EXECUTOR_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  EXECUTOR_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  EXECUTOR_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  EXECUTOR_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  EXECUTOR_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(2000),
  EXECUTOR_BACKOFF_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(300_000),
  EXECUTOR_RUN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  EXECUTOR_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  // An empty SMTP_URL counts as unset, so production says it is missing rather than malformed.
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().url().regex(/^smtps?:\/\//i, 'must be an smtp:// or smtps:// URL').optional(),
  ),
  PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\/[^?#]*$/i, 'must be an http:// or https:// URL without a query or fragment')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(320).default('Atrium <no-reply@localhost>'),
  MAIL_WORKER_ENABLED: bool.default(true),
  MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  MAIL_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5000),
  MAIL_BACKOFF_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(3_600_000),
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
  MAIL_SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  MAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  WEBHOOK_WORKER_ENABLED: bool.default(true),
  // Unset: 30 s, but 0 (never poll; woken by commits and its own retries) under NODE_ENV=test.
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  // Seconds to wait before each retry; attempts = entries + 1 (default: 8 attempts over about 31 h).
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be comma-separated seconds, e.g. "5,300,1800"')
    .refine((v) => v.split(',').length <= 19, 'at most 19 retries')
    .default('5,300,1800,7200,18000,36000,50400'),
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().min(0).max(720).default(24),
  WEBHOOK_DISABLE_MIN_FAILURES: z.coerce.number().int().min(1).max(10_000).default(5),
  WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  NOTIFICATION_MAIL_WINDOW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  NOTIFICATION_MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
  REALTIME_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(10),
  REALTIME_MAX_CONNECTIONS_PER_TENANT: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  REALTIME_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(1000).default(20),
  REALTIME_MAX_BUFFERED_BYTES: z.coerce.number().int().min(1024).max(256 * 1024 * 1024).default(1024 * 1024),
  REALTIME_MAX_QUEUED_EVENTS: z.coerce.number().int().min(1).max(100_000).default(500),
  REALTIME_SESSION_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
});

/** The run executor: how many runs at once, how often it looks for work, retries and leases. */
export interface ExecutorConfig {
  readonly enabled: boolean;
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  readonly maxAttempts: number;
  /** A claimed run belongs to its worker this long; heartbeats extend it, expiry lets another worker reclaim it. */
  readonly leaseMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly runTimeoutMs: number;
  /** On shutdown, how long in-flight runs may finish before they are aborted and requeued. */
  readonly shutdownGraceMs: number;
}

/** Outgoing mail: where it goes, and the outbox worker that sends it (modules/mail/mail.worker.ts). */
export interface MailConfig {
  /** smtp:// or smtps:// URL of the SMTP server; null keeps mail in the local development mailbox. */
  readonly smtpUrl: string | null;
  /** The From header of every mail, e.g. `Atrium <no-reply@example.com>`. */
  readonly from: string;
  /** Whether the app runs the worker (createApp starts it; app.close() stops it). */
  readonly workerEnabled: boolean;
  /**
   * How often the worker looks for due mail it was not told about (another process enqueued it,
   * or a crashed worker's lease expired); 0 never looks (it still wakes when this process commits
   * mail and when its own retries fall due).
   */
  readonly pollIntervalMs: number;
  /** Mails sent at once by one worker. */
  readonly concurrency: number;
  /** Attempts per mail; retries back off exponentially from backoffBaseMs up to backoffMaxMs. */
  readonly maxAttempts: number;
  /**
   * Days a sent or failed mail stays in the outbox; the worker deletes older ones when it starts
   * and every hour.
   */
  readonly retentionDays: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** A claimed mail belongs to its worker this long; past it, another worker sends it again. */
  readonly leaseMs: number;
  /** SMTP connect, greeting and socket inactivity timeout; one send may take at most three of them. */
  readonly smtpTimeoutMs: number;
}

/** Notification mail (modules/notifications/notification.mailer.ts). */
export interface NotificationConfig {
  /** A recipient gets at most one notification mail per this many ms, listing everything since the last. */
  readonly mailWindowMs: number;
  /** How often the digest job looks for recipients whose window has passed; 0 never looks on its own. */
  readonly mailPollIntervalMs: number;
}

/** Outbound webhooks: the delivery worker (modules/webhooks/webhook.worker.ts) and its retries. */
export interface WebhookConfig {
  /** Whether the app runs the delivery worker (createApp starts it; app.close() stops it). */
  readonly workerEnabled: boolean;
  /** How often the worker looks for due deliveries it was not told about; 0 never looks on its own. */
  readonly pollIntervalMs: number;
  /** Deliveries sent at once by one worker. */
  readonly concurrency: number;
  /** One delivery's whole HTTP exchange (resolve, connect, send, first bytes of the answer). */
  readonly timeoutMs: number;
  /** A claimed delivery belongs to its worker this long; past it, another worker sends it again. */
  readonly leaseMs: number;
  /** Wait before retry n (ms); a delivery gets retryScheduleMs.length + 1 attempts. */
  readonly retryScheduleMs: readonly number[];
  /** An endpoint whose attempts have all failed for this long (and at least disableMinFailures times) is disabled. */
  readonly disableAfterMs: number;
  readonly disableMinFailures: number;
  /**
   * Days an event and its delivery log are kept; the worker deletes older ones (unless a delivery
   * of theirs is still under way) when it starts and every hour.
   */
  readonly retentionDays: number;
}

/** GraphQL subscriptions over WebSocket (modules/realtime/ws-server.ts): what one instance allows. */
export interface RealtimeConfig {
  /** Open sockets of one user (or one API key) on this instance; one more is refused (close 4429). */
  readonly maxConnectionsPerUser: number;
  /** Open sockets of one tenant on this instance. */
  readonly maxConnectionsPerTenant: number;
  /** Subscriptions at once on one socket; one more answers an error. */
  readonly maxSubscriptionsPerConnection: number;
  /** A socket whose unsent data passes this (a client not reading) is closed (4408) rather than buffered. */
  readonly maxBufferedBytes: number;
  /** Events waiting to be read for one subscription; past it the socket is closed as too slow (4408). */
  readonly maxQueuedEvents: number;
  /** How often every socket's session (or API key) is checked again; a revocation also checks at once. */
  readonly sessionCheckMs: number;
}

/** The login limiter's settings; modules/auth/login-limiter.ts says what each one does. */
export interface LoginLimits {
  /** Failures allowed for one account from one address within the window; then that pair is locked. */
  readonly perAccount: number;
  /** Failures allowed from one address (any accounts) within the window; then the address is locked. */
  readonly perIp: number;
  readonly windowSeconds: number;
  /** Failures for one account from all addresses before each further attempt must wait. */
  readonly accountDelayAfter: number;
  /** The first wait; each further failure doubles it, up to accountDelayMaxSeconds (at most the window). */
  readonly accountDelayBaseSeconds: number;
  readonly accountDelayMaxSeconds: number;
  /** How long an address + user agent that signed in successfully stays a known device. */
  readonly knownDeviceDays: number;
}

export interface GraphqlLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  /** Largest accepted request body on /graphql, in bytes. */
  readonly maxBodyBytes: number;
  /** Largest estimated cost (objects a query may return, connections multiplied by their page size). */
  readonly maxCost: number;
}

/** One class of leaky bucket: how much it holds when full and how fast it refills. */
export interface BucketLimits {
  /** The most one bucket holds (Shopify's `maximumAvailable`); also the dearest query it can pay for. */
  readonly maximumAvailable: number;
  /** Cost points restored per second (Shopify's `restoreRate`). */
  readonly restoreRate: number;
}

/** Query-cost budgets per caller (common/throttle/throttle.ts says how they are spent). */
export interface ThrottleConfig {
  /** False: no buckets, no `extensions.cost`; the static GRAPHQL_MAX_COST still applies. */
  readonly enabled: boolean;
  /** Signed-in users, one bucket per session (THROTTLE_USER_MAX, THROTTLE_USER_RESTORE_RATE). */
  readonly user: BucketLimits;
  /** Partners' API keys, one bucket per key (THROTTLE_KEY_MAX, THROTTLE_KEY_RESTORE_RATE). */
  readonly apiKey: BucketLimits;
  /** Anonymous calls, one bucket per address (THROTTLE_ANONYMOUS_MAX, THROTTLE_ANONYMOUS_RESTORE_RATE). */
  readonly anonymous: BucketLimits;
}

export interface Timeouts {
  /** A request's execution budget: past it, no further SQL is sent and the answer says so. */
  readonly requestBudgetMs: number;
  /** PostgreSQL's statement_timeout for every statement the API sends (server side). */
  readonly statementTimeoutMs: number;
  /** How long a request waits for a pooled connection before answering 503. */
  readonly acquireTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly poolMax: number;
  /** /readyz answers 503 when the database does not answer within this. */
  readonly readinessMs: number;
  /** Retry-After on 503 answers. */
  readonly retryAfterSeconds: number;
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly isProduction: boolean;
  readonly host: string;
  readonly port: number;
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly jwt: { readonly secret: string; readonly issuer: string; readonly audience: string; readonly accessTtlSeconds: number };
  readonly refreshTtlDays: number;
  /** Login limiter (modules/auth/login-limiter.ts): per account + address, per address, account-wide delay, known devices. */
  readonly loginLimits: LoginLimits;
  /** Shared state for several API instances (the login limiter); unset keeps it in memory. */
  readonly redisUrl?: string;
  readonly redisKeyPrefix: string;
  readonly seedDemoData: boolean;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  /** System events older than `days` are deleted in batches of `batchSize`, every `intervalMinutes` (0: never by the server). */
  readonly eventRetention: { readonly days: number; readonly intervalMinutes: number; readonly batchSize: number };
  /** KYC documents: where uploaded files live (local disk) and how large one may be. */
  readonly kyc: { readonly storageDir: string; readonly maxUploadBytes: number };
  /** Ticket attachments: where uploaded files live (local disk) and how large one may be. */
  readonly attachments: { readonly storageDir: string; readonly maxUploadBytes: number };
  /** CSV exports: at most this many rows per file. */
  readonly exports: { readonly maxRows: number };
  readonly executor: ExecutorConfig;
  /** What one GraphQL request may ask for, checked before it runs (see query-limits.ts). */
  readonly graphqlLimits: GraphqlLimits;
  /** What a caller may spend over time: a leaky bucket of query cost per key, session or address. */
  readonly throttle: ThrottleConfig;
  /** Session look-ups remembered per instance, forgotten on every notified change (SESSION_CACHE_*). */
  readonly sessionCache: { readonly enabled: boolean; readonly ttlMs: number };
  /** How long one request and its database work may take, and how the pool waits. */
  readonly timeouts: Timeouts;
  /** Built client (portal and back office) to serve; null serves the API only. */
  readonly clientDistDir: string | null;
  /** Where the portal is reached from outside, without a trailing slash: every link in a mail starts with it. */
  readonly publicUrl: string;
  readonly mail: MailConfig;
  readonly webhooks: WebhookConfig;
  readonly notifications: NotificationConfig;
  readonly realtime: RealtimeConfig;
}

export class ConfigError extends Error {}

/**
 * Reads the development secrets kept in the data directory, creating them on first use, so
 * tokens survive restarts without anyone having to invent a secret. Production never gets here.
 */
export function loadDevSecrets(dataDir: string): { jwtSecret: string; pgPassword: string } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<{ jwtSecret: string; pgPassword: string }>;
    if (parsed.jwtSecret && parsed.pgPassword) return { jwtSecret: parsed.jwtSecret, pgPassword: parsed.pgPassword };
  }
  const secrets = { jwtSecret: randomBytes(48).toString('base64url'), pgPassword: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = resolve(e.DATA_DIR);
  let secret = e.JWT_SECRET;
  if (!secret) {
    if (isProduction) throw new ConfigError('JWT_SECRET is required in production (at least 32 characters).');
    secret = loadDevSecrets(dataDir).jwtSecret;
  }
  if (isProduction && !e.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL is required in production; the embedded PostgreSQL is for development only.');
  }
  // Every mailed link (invitations, password resets) starts with PUBLIC_URL: the development
  // default would send people to localhost.
  if (isProduction && !env.PUBLIC_URL?.trim()) {
    throw new ConfigError('PUBLIC_URL is required in production: the address people open (https://portal.example.com), used in every mailed link.');
  }
  if (isProduction && !e.SMTP_URL) {
    throw new ConfigError('SMTP_URL is required in production (smtp://user:pass@host:587 or smtps://...); without it mail only reaches the development mailbox.');
  }
  // A send that outlives its lease could be claimed and sent again by another worker.
  if (e.MAIL_LEASE_SECONDS * 1000 <= 3 * e.MAIL_SMTP_TIMEOUT_MS) {
    throw new ConfigError('MAIL_LEASE_SECONDS must be longer than three MAIL_SMTP_TIMEOUT_MS (the longest one send may take).');
  }
  // A delivery that outlives its lease could be claimed and sent again by another worker.
  if (e.WEBHOOK_LEASE_SECONDS * 1000 <= 2 * e.WEBHOOK_TIMEOUT_MS) {
    throw new ConfigError('WEBHOOK_LEASE_SECONDS must be longer than two WEBHOOK_TIMEOUT_MS (the longest one delivery may take, with its bookkeeping).');
  }
  return Object.freeze({
    env: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    jwt: Object.freeze({ secret, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE, accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS }),
    refreshTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    loginLimits: Object.freeze({
      perAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perIp: e.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
      accountDelayAfter: e.LOGIN_ACCOUNT_DELAY_AFTER,
      accountDelayBaseSeconds: e.LOGIN_ACCOUNT_DELAY_BASE_SECONDS,
      accountDelayMaxSeconds: e.LOGIN_ACCOUNT_DELAY_MAX_SECONDS,
      knownDeviceDays: e.LOGIN_KNOWN_DEVICE_DAYS,
    }),
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    seedDemoData: e.SEED_DEMO_DATA ?? !isProduction,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    eventRetention: Object.freeze({
      days: e.EVENT_RETENTION_DAYS,
      intervalMinutes: e.EVENT_RETENTION_INTERVAL_MINUTES,
      batchSize: e.EVENT_RETENTION_BATCH_SIZE,
    }),
    exports: Object.freeze({ maxRows: e.EXPORT_MAX_ROWS }),
    kyc: Object.freeze({ storageDir: resolve(e.KYC_STORAGE_DIR ?? join(dataDir, 'kyc')), maxUploadBytes: e.KYC_MAX_UPLOAD_BYTES }),
    attachments: Object.freeze({ storageDir: resolve(e.ATTACHMENT_STORAGE_DIR ?? join(dataDir, 'attachments')), maxUploadBytes: e.ATTACHMENT_MAX_UPLOAD_BYTES }),
    executor: Object.freeze({
      enabled: e.EXECUTOR_ENABLED,
      concurrency: e.EXECUTOR_CONCURRENCY,
      pollIntervalMs: e.EXECUTOR_POLL_INTERVAL_MS,
      maxAttempts: e.EXECUTOR_MAX_ATTEMPTS,
      leaseMs: e.EXECUTOR_LEASE_SECONDS * 1000,
      backoffBaseMs: e.EXECUTOR_BACKOFF_BASE_MS,
      backoffMaxMs: Math.max(e.EXECUTOR_BACKOFF_MAX_MS, e.EXECUTOR_BACKOFF_BASE_MS),
      runTimeoutMs: e.EXECUTOR_RUN_TIMEOUT_SECONDS * 1000,
      shutdownGraceMs: e.EXECUTOR_SHUTDOWN_GRACE_MS,
    }),
    graphqlLimits: Object.freeze({
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxBodyBytes: e.GRAPHQL_MAX_BODY_BYTES,
      maxCost: e.GRAPHQL_MAX_COST,
    }),
    throttle: Object.freeze({
      enabled: e.THROTTLE_ENABLED,
      user: Object.freeze({ maximumAvailable: e.THROTTLE_USER_MAX, restoreRate: e.THROTTLE_USER_RESTORE_RATE }),
      apiKey: Object.freeze({ maximumAvailable: e.THROTTLE_KEY_MAX, restoreRate: e.THROTTLE_KEY_RESTORE_RATE }),
      anonymous: Object.freeze({ maximumAvailable: e.THROTTLE_ANONYMOUS_MAX, restoreRate: e.THROTTLE_ANONYMOUS_RESTORE_RATE }),
    }),
    sessionCache: Object.freeze({ enabled: e.SESSION_CACHE_ENABLED, ttlMs: e.SESSION_CACHE_TTL_SECONDS * 1000 }),
    timeouts: Object.freeze({
      requestBudgetMs: e.REQUEST_BUDGET_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      acquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      poolMax: e.DB_POOL_MAX,
      readinessMs: e.READINESS_TIMEOUT_MS,
      retryAfterSeconds: e.RETRY_AFTER_SECONDS,
    }),
    // Empty disables; unset means the workspace's own build (client/dist beside server/).
    clientDistDir: e.CLIENT_DIST_DIR === '' ? null : resolve(e.CLIENT_DIST_DIR ?? join(__dirname, '..', '..', 'client', 'dist')),
    // Unset (development): this server itself, on whatever PORT it was given.
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT || 4000}`).replace(/\/+$/, ''),
    mail: Object.freeze({
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM,
      workerEnabled: e.MAIL_WORKER_ENABLED,
      pollIntervalMs: e.MAIL_POLL_INTERVAL_MS,
      concurrency: e.MAIL_CONCURRENCY,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      backoffBaseMs: e.MAIL_BACKOFF_BASE_MS,
      backoffMaxMs: Math.max(e.MAIL_BACKOFF_MAX_MS, e.MAIL_BACKOFF_BASE_MS),
      leaseMs: e.MAIL_LEASE_SECONDS * 1000,
      smtpTimeoutMs: e.MAIL_SMTP_TIMEOUT_MS,
      retentionDays: e.MAIL_RETENTION_DAYS,
    }),
    webhooks: Object.freeze({
      workerEnabled: e.WEBHOOK_WORKER_ENABLED,
      pollIntervalMs: e.WEBHOOK_POLL_INTERVAL_MS ?? (e.NODE_ENV === 'test' ? 0 : 30_000),
      concurrency: e.WEBHOOK_CONCURRENCY,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      leaseMs: e.WEBHOOK_LEASE_SECONDS * 1000,
      retryScheduleMs: Object.freeze(e.WEBHOOK_RETRY_SCHEDULE.split(',').map((s) => Number(s.trim()) * 1000)),
      disableAfterMs: e.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
      disableMinFailures: e.WEBHOOK_DISABLE_MIN_FAILURES,
      retentionDays: e.WEBHOOK_RETENTION_DAYS,
    }),
    notifications: Object.freeze({
      mailWindowMs: e.NOTIFICATION_MAIL_WINDOW_SECONDS * 1000,
      mailPollIntervalMs: e.NOTIFICATION_MAIL_POLL_INTERVAL_MS ?? (e.NODE_ENV === 'test' ? 0 : 10_000),
    }),
    realtime: Object.freeze({
      maxConnectionsPerUser: e.REALTIME_MAX_CONNECTIONS_PER_USER,
      maxConnectionsPerTenant: e.REALTIME_MAX_CONNECTIONS_PER_TENANT,
      maxSubscriptionsPerConnection: e.REALTIME_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxBufferedBytes: e.REALTIME_MAX_BUFFERED_BYTES,
      maxQueuedEvents: e.REALTIME_MAX_QUEUED_EVENTS,
      sessionCheckMs: e.REALTIME_SESSION_CHECK_SECONDS * 1000,
    }),
  });
}
