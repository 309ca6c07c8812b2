import type { BucketLimits } from '../../config';

export type { BucketLimits } from '../../config';

/** A bucket as the caller sees it (Shopify's `throttleStatus`); `currentlyAvailable` rounded down. */
export interface ThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

/** The answer to a charge: paid (the cost is taken), or refused (nothing taken) with the wait. */
export type Charge =
  | { readonly allowed: true; readonly status: ThrottleStatus }
  | { readonly allowed: false; readonly status: ThrottleStatus; readonly retryAfterSeconds: number };

/**
 * Leaky buckets of query cost, one per key. A bucket absent from the store is full. It refills
 * continuously at `restoreRate` points a second up to `maximumAvailable`; a charge takes its
 * cost at once if that much is available and otherwise takes nothing; a refund gives points
 * back (never above the maximum). Each call is atomic per bucket: of any number of concurrent
 * charges, only as many as the bucket can pay succeed.
 */
export interface BucketStore {
  charge(bucket: string, cost: number, limits: BucketLimits): Promise<Charge>;
  refund(bucket: string, amount: number, limits: BucketLimits): Promise<ThrottleStatus>;
  close(): Promise<void>;
}

/** What a bucket holds at `now`, given what it held at `at` (both in ms): refilled, capped. */
export function refilled(available: number, at: number, now: number, limits: BucketLimits): number {
  const held = Math.min(available, limits.maximumAvailable);
  if (now <= at) return held;
  return Math.min(limits.maximumAvailable, held + ((now - at) * limits.restoreRate) / 1000);
}

/** Milliseconds until a bucket holding `available` can pay `cost`. */
export function waitMs(available: number, cost: number, limits: BucketLimits): number {
  return Math.ceil(((cost - available) * 1000) / limits.restoreRate);
}

export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export function statusOf(available: number, limits: BucketLimits): ThrottleStatus {
  return { maximumAvailable: limits.maximumAvailable, currentlyAvailable: Math.max(0, Math.floor(available)), restoreRate: limits.restoreRate };
}
