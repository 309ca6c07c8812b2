import { createHash, randomUUID } from 'node:crypto';
import type { LoginLimits } from '../../config';

export type { LoginLimits } from '../../config';

/** The same limits in milliseconds, the unit both stores compute in. */
export interface LimitsMs {
  readonly perPair: number;
  readonly perIp: number;
  readonly windowMs: number;
  readonly delayAfter: number;
  readonly delayBaseMs: number;
  readonly delayMaxMs: number;
  readonly knownMs: number;
  /** Known devices kept per account (the most recent ones). */
  readonly maxDevices: number;
}

export function limitsMs(limits: LoginLimits): LimitsMs {
  const windowMs = limits.windowSeconds * 1000;
  return {
    perPair: limits.perAccount,
    perIp: limits.perIp,
    windowMs,
    delayAfter: limits.accountDelayAfter,
    delayBaseMs: limits.accountDelayBaseSeconds * 1000,
    // A delay longer than the window would outlive the count it is computed from.
    delayMaxMs: Math.min(limits.accountDelayMaxSeconds * 1000, windowMs),
    knownMs: limits.knownDeviceDays * 86_400_000,
    maxDevices: 20,
  };
}

/** How long the account must rest after `failures` failures since its last quiet window (0: not at all). */
export function accountDelayMs(failures: number, l: LimitsMs): number {
  if (failures < l.delayAfter) return 0;
  return Math.min(l.delayBaseMs * 2 ** (failures - l.delayAfter), l.delayMaxMs);
}

export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/** One login attempt as the limiter sees it. */
export interface LoginAttempt {
  /** Compared trimmed and in lower case; need not belong to an account. */
  readonly email: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** Where an attempt is counted. Emails and addresses are hashed: the store holds no personal data. */
export interface AttemptKeys {
  /** Failures of this account from this address. */
  readonly pair: string;
  /** Failures from this address, any account. */
  readonly address: string;
  /** The account's failure count and time of its last attempt (the progressive delay). */
  readonly account: string;
  /** The account's known devices. */
  readonly devices: string;
  /** This attempt's device: address + user agent. */
  readonly device: string;
}

const digest = (value: string): string => createHash('sha256').update(value).digest('base64url').slice(0, 22);

export function attemptKeys(attempt: LoginAttempt, prefix = ''): AttemptKeys {
  const account = digest(`e:${attempt.email.trim().toLowerCase()}`);
  const address = digest(`i:${attempt.ip ?? 'unknown'}`);
  return {
    pair: `${prefix}p:${account}:${address}`,
    address: `${prefix}i:${address}`,
    account: `${prefix}a:${account}`,
    devices: `${prefix}d:${account}`,
    device: digest(`d:${attempt.ip ?? 'unknown'}\n${attempt.userAgent ?? ''}`),
  };
}

export const newReservationId = (): string => randomUUID();

/** A reserved attempt: settle it with `succeeded` or `refund`; a failure needs nothing more. */
export interface LoginTicket {
  readonly id: string;
  readonly keys: AttemptKeys;
  /** The attempt came from one of the account's known devices. */
  readonly knownDevice: boolean;
}

export type LoginReservation = { readonly allowed: true; readonly ticket: LoginTicket } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface LoginLimiter {
  /** Reserves one attempt, or refuses it (changing nothing) with the seconds to wait. */
  reserve(attempt: LoginAttempt): Promise<LoginReservation>;
  /** The password was right: refunds the attempt, forgets the pair's failures, remembers the device. */
  succeeded(ticket: LoginTicket): Promise<void>;
  /** The password could not be checked (an error): gives the attempt back. */
  refund(ticket: LoginTicket): Promise<void>;
  /** Forgets the account-wide failure count (the coming password reset calls this). */
  clearAccount(email: string): Promise<void>;
  close(): Promise<void>;
}

