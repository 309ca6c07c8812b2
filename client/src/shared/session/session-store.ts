/**
 * The session store: the access token lives in memory only, the refresh token in localStorage
 * (so a reload or a new tab stays signed in). Refresh tokens rotate and the server treats a
 * reused one as theft (it ends the whole session), so every refresh goes through one promise
 * per tab and, where the browser has Web Locks, one lock across tabs.
 */

export interface SessionTokens {
  accessToken: string;
  /** ISO date-time at which the access token expires. */
  accessTokenExpiresAt: string;
  refreshToken: string;
  tenantId: string | null;
}

/** What the refresh call answered: new tokens, or a definitive refusal (the session is over). */
export type RefreshOutcome = { ok: true; tokens: SessionTokens } | { ok: false; message: string };

/** Exchanges a refresh token for new tokens. Throws on network failure (which does not end the session). */
export type RefreshTransport = (refreshToken: string) => Promise<RefreshOutcome>;

export type SessionEndReason = 'logout' | 'expired' | 'other-tab';

export interface SessionSnapshot {
  signedIn: boolean;
  tenantId: string | null;
  /** Why the last session ended, until the next sign-in. */
  endReason: SessionEndReason | null;
  endMessage: string | null;
}

export interface SessionStoreOptions {
  /** localStorage key; each app keeps its own session (the portal's and the back office's). */
  storageKey: string;
  refresh: RefreshTransport;
  storage?: Storage;
  locks?: LockManager | null;
  now?: () => number;
  /** Refresh this long before the access token expires, rather than waiting for a rejection. */
  earlyRefreshMs?: number;
}

interface StoredSession {
  refreshToken: string;
  tenantId: string | null;
}

type Listener = (snapshot: SessionSnapshot) => void;

export class SessionStore {
  private accessToken: string | null = null;
  private accessExpiresAt = 0;
  private inflight: Promise<string | null> | null = null;
  private listeners = new Set<Listener>();
  private snapshot: SessionSnapshot;
  private readonly storage: Storage;
  private readonly locks: LockManager | null;
  private readonly now: () => number;
  private readonly earlyRefreshMs: number;

  constructor(private readonly options: SessionStoreOptions) {
    this.storage = options.storage ?? window.localStorage;
    this.locks = options.locks === undefined ? (typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null) : options.locks;
    this.now = options.now ?? Date.now;
    this.earlyRefreshMs = options.earlyRefreshMs ?? 15_000;
    const stored = this.read();
    this.snapshot = { signedIn: stored !== null, tenantId: stored?.tenantId ?? null, endReason: null, endMessage: null };
  }

  /** The current state; a new object whenever it changes (for useSyncExternalStore). */
  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True while a refresh token is stored (the user counts as signed in). */
  hasSession(): boolean {
    return this.read() !== null;
  }

  /** The in-memory access token, whatever its age. */
  currentAccessToken(): string | null {
    return this.accessToken;
  }

  /** Stores tokens from login, refresh or a tenant switch. */
  setTokens(tokens: SessionTokens): void {
    this.accessToken = tokens.accessToken;
    const expires = Date.parse(tokens.accessTokenExpiresAt);
    this.accessExpiresAt = Number.isFinite(expires) ? expires : 0;
    this.write({ refreshToken: tokens.refreshToken, tenantId: tokens.tenantId });
    this.emit({ signedIn: true, tenantId: tokens.tenantId, endReason: null, endMessage: null });
  }

  /** Forgets the session locally (the caller ends it on the server first when it can). */
  clear(reason: SessionEndReason, message: string | null = null): void {
    const had = this.snapshot.signedIn;
    this.accessToken = null;
    this.accessExpiresAt = 0;
    this.storage.removeItem(this.options.storageKey);
    if (had || this.snapshot.endReason !== reason) this.emit({ signedIn: false, tenantId: null, endReason: reason, endMessage: message });
  }

  /**
   * An access token fit to send: the in-memory one while it is fresh, else a refreshed one.
   * Null when signed out. Throws only when the refresh could not reach the server.
   */
  async validAccessToken(): Promise<string | null> {
    if (this.accessToken && this.accessExpiresAt - this.now() > this.earlyRefreshMs) return this.accessToken;
    if (!this.hasSession()) return this.accessToken;
    return this.refresh();
  }

  /**
   * Called when the server refused `rejected`. When another request has already replaced it,
   * the replacement is used; otherwise this joins or starts the one refresh.
   */
  async renew(rejected: string | null): Promise<string | null> {
    if (this.accessToken && this.accessToken !== rejected) return this.accessToken;
    return this.refresh();
  }

  /** One refresh at a time: concurrent callers share the same promise. */
  refresh(): Promise<string | null> {
    this.inflight ??= this.refreshOnce().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Ends the session in this tab when another tab signed out (the storage event fires there only). */
  listenToOtherTabs(target: Window = window): () => void {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== this.options.storageKey) return;
      if (event.newValue === null && this.snapshot.signedIn) {
        this.accessToken = null;
        this.emit({ signedIn: false, tenantId: null, endReason: 'other-tab', endMessage: null });
      } else if (event.newValue !== null && !this.snapshot.signedIn) {
        const stored = this.read();
        this.emit({ signedIn: true, tenantId: stored?.tenantId ?? null, endReason: null, endMessage: null });
      }
    };
    target.addEventListener('storage', onStorage);
    return () => target.removeEventListener('storage', onStorage);
  }

  private async refreshOnce(): Promise<string | null> {
    const run = async (): Promise<string | null> => {
      // Read inside the lock: another tab may have rotated the token while this one waited.
      const stored = this.read();
      if (!stored) {
        this.clear('expired');
        return null;
      }
      const outcome = await this.options.refresh(stored.refreshToken);
      if (!outcome.ok) {
        this.clear('expired', outcome.message);
        return null;
      }
      this.setTokens(outcome.tokens);
      return outcome.tokens.accessToken;
    };
    return this.locks ? this.locks.request(`${this.options.storageKey}:refresh`, run) : run();
  }

  private read(): StoredSession | null {
    const raw = this.storage.getItem(this.options.storageKey);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<StoredSession>;
      if (typeof parsed.refreshToken !== 'string' || !parsed.refreshToken) return null;
      return { refreshToken: parsed.refreshToken, tenantId: typeof parsed.tenantId === 'string' ? parsed.tenantId : null };
    } catch {
      return null;
    }
  }

  private write(session: StoredSession): void {
    this.storage.setItem(this.options.storageKey, JSON.stringify(session));
  }

  private emit(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener(next);
  }
}
