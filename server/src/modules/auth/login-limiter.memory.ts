import type { LoginLimiter, LoginReservation, LoginTicket } from './login-limiter.policy';
import {
  accountDelayMs,
  attemptKeys,
  type LimitsMs,
  limitsMs,
  type LoginAttempt,
  type LoginLimits,
  newReservationId,
  retryAfterSeconds,
} from './login-limiter.policy';

interface Entry {
  at: number;
  id: string;
}

/**
 * The limiter in this process's memory (see login-limiter.ts for the rules). Each method runs
 * synchronously to its end before anything else can, which makes it atomic. The Lua scripts in
 * login-limiter.redis.ts are the same arithmetic; change both together.
 */
export class MemoryLoginLimiter implements LoginLimiter {
  private readonly l: LimitsMs;
  private readonly now: () => number;
  /** Failures (reservations) per account + address and per address, oldest first. */
  private readonly windows = new Map<string, Entry[]>();
  private readonly accounts = new Map<string, { n: number; last: number }>();
  /** Per account: device -> time of its last successful sign-in. */
  private readonly devices = new Map<string, Map<string, number>>();
  private sinceSweep = 0;

  constructor(limits: LoginLimits, opts: { now?: () => number } = {}) {
    this.l = limitsMs(limits);
    this.now = opts.now ?? Date.now;
  }

  async reserve(attempt: LoginAttempt): Promise<LoginReservation> {
    const now = this.now();
    if (++this.sinceSweep >= 1000) this.sweep(now);
    const keys = attemptKeys(attempt);
    const pair = this.window(keys.pair, now);
    const address = this.window(keys.address, now);
    const account = this.account(keys.account, now);
    const seen = this.devices.get(keys.devices)?.get(keys.device);
    const knownDevice = seen !== undefined && now - seen < this.l.knownMs;

    let wait = Math.max(this.lockedFor(pair, this.l.perPair, now), this.lockedFor(address, this.l.perIp, now));
    if (!knownDevice && account.n >= this.l.delayAfter) wait = Math.max(wait, account.last + accountDelayMs(account.n, this.l) - now);
    if (wait > 0) return { allowed: false, retryAfterSeconds: retryAfterSeconds(wait) };

    const id = newReservationId();
    this.add(keys.pair, pair, { at: now, id });
    this.add(keys.address, address, { at: now, id });
    this.accounts.set(keys.account, { n: account.n + 1, last: now });
    return { allowed: true, ticket: { id, keys, knownDevice } };
  }

  async succeeded(ticket: LoginTicket): Promise<void> {
    const now = this.now();
    const { keys } = ticket;
    this.windows.delete(keys.pair);
    this.remove(keys.address, ticket.id);
    if (ticket.knownDevice) this.accounts.delete(keys.account);
    else this.decrement(keys.account);
    const devices = this.devices.get(keys.devices) ?? new Map<string, number>();
    devices.delete(keys.device);
    devices.set(keys.device, now);
    for (const [device, at] of devices) if (now - at >= this.l.knownMs) devices.delete(device);
    // Maps iterate in insertion order, and a device is re-inserted on every sign-in: oldest first.
    for (const device of devices.keys()) {
      if (devices.size <= this.l.maxDevices) break;
      devices.delete(device);
    }
    this.devices.set(keys.devices, devices);
  }

  async refund(ticket: LoginTicket): Promise<void> {
    this.remove(ticket.keys.pair, ticket.id);
    this.remove(ticket.keys.address, ticket.id);
    this.decrement(ticket.keys.account);
  }

  async clearAccount(email: string): Promise<void> {
    this.accounts.delete(attemptKeys({ email, ip: null, userAgent: null }).account);
  }

  async close(): Promise<void> {
    this.windows.clear();
    this.accounts.clear();
    this.devices.clear();
  }

  /** The entries still inside the window (expired ones are dropped). */
  private window(key: string, now: number): Entry[] {
    const list = (this.windows.get(key) ?? []).filter((e) => e.at > now - this.l.windowMs);
    if (list.length) this.windows.set(key, list);
    else this.windows.delete(key);
    return list;
  }

  /** Milliseconds until fewer than `max` entries are in the window. */
  private lockedFor(list: Entry[], max: number, now: number): number {
    const oldest = list[list.length - max];
    return oldest ? oldest.at + this.l.windowMs - now : 0;
  }

  private add(key: string, list: Entry[], entry: Entry): void {
    list.push(entry);
    list.sort((a, b) => a.at - b.at);
    this.windows.set(key, list);
  }

  private remove(key: string, id: string): void {
    const list = this.windows.get(key)?.filter((e) => e.id !== id);
    if (list?.length) this.windows.set(key, list);
    else this.windows.delete(key);
  }

  /** The account's count, zero once a whole window passed without an attempt. */
  private account(key: string, now: number): { n: number; last: number } {
    const state = this.accounts.get(key);
    if (state && now - state.last < this.l.windowMs) return state;
    this.accounts.delete(key);
    return { n: 0, last: 0 };
  }

  private decrement(key: string): void {
    const state = this.accounts.get(key);
    if (state && state.n > 0) state.n -= 1;
  }

  /** Drops everything expired, so addresses and emails seen once do not accumulate. */
  private sweep(now: number): void {
    this.sinceSweep = 0;
    for (const key of this.windows.keys()) this.window(key, now);
    for (const key of this.accounts.keys()) this.account(key, now);
    for (const [key, devices] of this.devices) {
      for (const [device, at] of devices) if (now - at >= this.l.knownMs) devices.delete(device);
      if (!devices.size) this.devices.delete(key);
    }
  }
}
