import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, type ClientConfig } from 'pg';
import type { Logger } from '../../common/logger';
import type { StaffRole } from '../../permissions/staff-role';

/** What the session look-up reads: the session, its user, and the membership and role in its tenant. */
export interface SessionRow {
  session_id: string;
  /** As the driver returns timestamptz (a Date, or its text). */
  expires_at: Date | string;
  user_id: string;
  staff_role: StaffRole | null;
  membership_id: string | null;
  role_name: string | null;
  permissions: string[] | null;
  two_factor_enabled: boolean;
  tenant_requires_two_factor: boolean | null;
}

/** What a pooled pg connection knows of how it connected. */
interface PooledConnection {
  connectionParameters: { host: string; port: number; user: string; password?: string; database: string; ssl?: ClientConfig['ssl'] };
}

/** The channel the database notifies on every committed change to what a session look-up reads (Migration20261204050000). */
export const AUTH_CHANGED_CHANNEL = 'atrium_auth_changed';

export interface SessionCacheOptions {
  /** How long a remembered look-up is used at most, even with no change notified (ms). */
  readonly ttlMs: number;
  /** How many look-ups are remembered at most; the oldest go first. */
  readonly maxEntries: number;
  /** How often the listening connection proves it still hears the database (ms). */
  readonly heartbeatMs: number;
}

interface Entry<R> {
  readonly row: R;
  /** Remembered until then at most (SESSION_CACHE_TTL_SECONDS). */
  readonly until: number;
  /** When the session itself expires: never answered from memory past it. */
  readonly expiresAt: number;
}

/**
 * Remembers session look-ups (the one statement every signed-in request starts with) so that a
 * burst of reads from one session costs it once, while a revocation still takes effect at once:
 *
 * - The database itself says when to forget: a trigger on sessions, users, memberships, roles and
 *   tenants notifies `atrium_auth_changed` when a change commits, whatever wrote it (the ORM,
 *   raw SQL, another instance, psql). Each instance LISTENs on its own connection and forgets
 *   everything it remembered when a notification arrives.
 * - A look-up that was under way when a change arrived is not remembered (an epoch counter).
 * - On this instance, a mutation forgets everything when it answers (`forgetAll`), so a client
 *   that revoked a session and at once uses the old token is refused even if the notification is
 *   still on its way.
 * - Fail closed: nothing is remembered until the listening connection has heard its own test
 *   notification, and everything is forgotten and nothing remembered while it is down (it
 *   reconnects). A heartbeat notification proves it is still heard; a missed one turns the cache
 *   off until the next one arrives. So a connection pooler that drops LISTEN (transaction pooling)
 *   simply leaves the cache off.
 *
 * The notification reaches other instances in about a network round trip: there, a request
 * already in flight at that moment can still be answered as before, as it could without a cache.
 */
export class SessionCache<R extends { expires_at: Date | string }> {
  private readonly entries = new Map<string, Entry<R>>();
  private epoch = 0;
  private live = false;
  private closed = false;
  private client: Client | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private pendingPing: string | null = null;
  private pingTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly options: SessionCacheOptions,
  ) {}

  /** Whether look-ups are being remembered (the listening connection is proven). */
  get enabled(): boolean {
    return this.live && !this.closed;
  }

  /** Starts listening; resolves once the cache is on, or once it has given up for now (it keeps retrying). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** The epoch a look-up starts in: pass it to `remember` so a look-up overtaken by a change is not kept. */
  begin(): number {
    return this.epoch;
  }

  /** A remembered look-up still valid now, or undefined. */
  get(key: string, now = Date.now()): R | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now || entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.row;
  }

  /** Remembers a look-up made in `epoch`, unless something changed since. */
  remember(key: string, epoch: number, row: R, now = Date.now()): void {
    if (!this.enabled || epoch !== this.epoch) return;
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const expiresAt = new Date(row.expires_at).getTime();
    if (!Number.isFinite(expiresAt) || expiresAt <= now) return;
    this.entries.set(key, { row, until: now + this.options.ttlMs, expiresAt });
  }

  /** Forgets every remembered look-up (a change was notified, or a mutation answered on this instance). */
  forgetAll(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  /** How many look-ups are remembered now (for tests). */
  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.turnOff();
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.reconnect) clearTimeout(this.reconnect);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }

  private turnOff(): void {
    this.live = false;
    this.forgetAll();
    if (this.pingTimer) clearTimeout(this.pingTimer);
    this.pingTimer = null;
    this.pendingPing = null;
  }

  /** The pool's own connection parameters (as resolved for a pooled connection: a password given as a function included). */
  private async connectionConfig(): Promise<ClientConfig> {
    const knex = this.orm.em.getConnection().getKnex() as unknown as {
      client: { acquireConnection(): Promise<PooledConnection>; releaseConnection(c: PooledConnection): Promise<void> };
    };
    const pooled = await knex.client.acquireConnection();
    try {
      const p = pooled.connectionParameters;
      return { host: p.host, port: p.port, user: p.user, password: p.password, database: p.database, ssl: p.ssl, application_name: 'atrium-session-cache', keepAlive: true };
    } finally {
      await knex.client.releaseConnection(pooled);
    }
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    let config: ClientConfig;
    try {
      config = await this.connectionConfig();
    } catch (err) {
      this.lost(null, err);
      return;
    }
    const client = new Client(config);
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (msg) => {
      if (msg.channel !== AUTH_CHANGED_CHANNEL) return;
      this.forgetAll();
      if (msg.payload && msg.payload === this.pendingPing) this.heard();
      else if (!msg.payload?.startsWith('ping:')) for (const listener of this.changeListeners) listener();
    });
    try {
      await client.connect();
      await client.query(`listen ${AUTH_CHANGED_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.heartbeat ??= setInterval(() => void this.ping(), this.options.heartbeatMs).unref();
      await this.ping();
    } catch (err) {
      this.lost(client, err);
    }
  }

  /** Sends a test notification from the pool (as any change would) and expects to hear it within a few seconds. */
  private async ping(): Promise<void> {
    if (this.closed || !this.client || this.pendingPing) return;
    const token = `ping:${process.pid}:${Math.random().toString(36).slice(2)}`;
    this.pendingPing = token;
    const heard = new Promise<void>((resolve) => {
      this.onHeard = resolve;
      this.pingTimer = setTimeout(() => {
        if (this.pendingPing === token) {
          this.logger.warn('session cache: the database notification was not heard back; caching is off until it is');
          this.turnOff();
        }
        resolve();
      }, 5_000).unref();
    });
    try {
      // Sent on the listening connection itself: it proves that connection hears notifications
      // (a transaction-pooling proxy, which would drop LISTEN, fails this), and sends no
      // statement through the pool that request-level statement counts would see.
      await this.client.query('select pg_notify($1, $2)', [AUTH_CHANGED_CHANNEL, token]);
    } catch (err) {
      this.logger.warn({ err }, 'session cache: could not send its test notification; caching is off');
      this.turnOff();
      this.onHeard?.();
    }
    await heard;
  }

  private onHeard: (() => void) | null = null;
  private readonly changeListeners = new Set<() => void>();

  /**
   * Calls `listener` after each notified change (not the cache's own test notifications), on every
   * instance: for others that must react at once to a revocation (open WebSockets). Returns the
   * way to stop.
   */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private heard(): void {
    if (this.pingTimer) clearTimeout(this.pingTimer);
    this.pingTimer = null;
    this.pendingPing = null;
    this.live = !this.closed;
    this.onHeard?.();
    this.onHeard = null;
  }

  private lost(client: Client | null, err: unknown): void {
    if (this.client && this.client !== client) return;
    this.client = null;
    this.turnOff();
    this.onHeard?.();
    this.onHeard = null;
    client?.removeAllListeners('notification');
    void client?.end().catch(() => undefined);
    if (this.closed) return;
    if (err) this.logger.warn({ err }, 'session cache: the listening connection failed; caching is off while it reconnects');
    if (!this.reconnect) {
      this.reconnect = setTimeout(() => {
        this.reconnect = null;
        void this.connect();
      }, 2_000).unref();
    }
  }
}
