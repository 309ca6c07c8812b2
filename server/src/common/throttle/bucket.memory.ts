import { type BucketLimits, type BucketStore, type Charge, refilled, retryAfterSeconds, statusOf, type ThrottleStatus, waitMs } from './bucket';

interface State {
  available: number;
  /** When `available` was computed (ms). */
  at: number;
  /** When the bucket will be full again (ms): from then on, absent and present say the same. */
  fullAt: number;
}

/**
 * The buckets in this process's memory (one API instance). Each method runs synchronously to its
 * end, which makes it atomic. The Lua script in bucket.redis.ts is the same arithmetic; change
 * both together.
 */
export class MemoryBucketStore implements BucketStore {
  private readonly now: () => number;
  private readonly buckets = new Map<string, State>();
  private sinceSweep = 0;

  constructor(opts: { now?: () => number } = {}) {
    this.now = opts.now ?? Date.now;
  }

  async charge(bucket: string, cost: number, limits: BucketLimits): Promise<Charge> {
    const now = this.now();
    if (++this.sinceSweep >= 10_000) this.sweep(now);
    const state = this.buckets.get(bucket);
    const available = state ? refilled(state.available, state.at, now, limits) : limits.maximumAvailable;
    if (available < cost) return { allowed: false, status: statusOf(available, limits), retryAfterSeconds: retryAfterSeconds(waitMs(available, cost, limits)) };
    this.set(bucket, available - cost, Math.max(now, state?.at ?? now), limits);
    return { allowed: true, status: statusOf(available - cost, limits) };
  }

  async refund(bucket: string, amount: number, limits: BucketLimits): Promise<ThrottleStatus> {
    const now = this.now();
    const state = this.buckets.get(bucket);
    // Absent: full already.
    if (!state) return statusOf(limits.maximumAvailable, limits);
    const available = Math.min(limits.maximumAvailable, refilled(state.available, state.at, now, limits) + amount);
    this.set(bucket, available, Math.max(now, state.at), limits);
    return statusOf(available, limits);
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }

  private set(bucket: string, available: number, at: number, limits: BucketLimits): void {
    this.buckets.set(bucket, { available, at, fullAt: at + waitMs(available, limits.maximumAvailable, limits) });
  }

  /** Forgets the buckets that are full again, so addresses seen once do not accumulate. */
  private sweep(now: number): void {
    this.sinceSweep = 0;
    for (const [key, state] of this.buckets) if (state.fullAt <= now) this.buckets.delete(key);
  }
}
