import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Config } from '../../config';
import { openSealed, sealSecret } from '../../common/sealed-secret';

/**
 * TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps, a
 * 20-byte random secret. Codes of the previous, current and next step are accepted (clock
 * drift); the caller records the step used so no code works twice.
 */
const ISSUER = 'Atrium';
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;

export const RECOVERY_CODE_COUNT = 10;

function totpOf(base32: string, email = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label: email, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(base32) });
}

/** A new random secret (base32) and the otpauth:// URL an authenticator app scans. */
export function newTotpSecret(email: string): { secret: string; otpauthUrl: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, otpauthUrl: totpOf(secret, email).toString() };
}

/** The time step a code is valid for now (±1), or null when it is not a valid code at all. */
export function matchTotpStep(base32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(base32).validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : currentTotpStep(now) + delta;
}

export function currentTotpStep(now = Date.now()): number {
  return TOTP.counter({ period: PERIOD, timestamp: now });
}

/** What the user typed, with spaces and dashes gone: six digits are a TOTP code, anything else a recovery code. */
export function normalizeOtp(input: string): { kind: 'totp' | 'recovery'; value: string } {
  const value = input.replace(/[\s-]/g, '').toUpperCase();
  return { kind: /^\d{6}$/.test(value) ? 'totp' : 'recovery', value };
}

// ---------------------------------------------------------------------------------------------
// Recovery codes: 10 random bytes as 16 base32 characters, shown as XXXX-XXXX-XXXX-XXXX.
// ---------------------------------------------------------------------------------------------

/** Ten fresh recovery codes, as shown to the user (once), each with the hash that is stored. */
export function newRecoveryCodes(): { code: string; hash: string }[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = new Secret({ size: 10 }).base32;
    return { code: raw.match(/.{4}/g)?.join('-') ?? raw, hash: hashRecoveryCode(raw) };
  });
}

/** SHA-256 of a recovery code as normalizeOtp leaves it (upper case, no dashes). */
export function hashRecoveryCode(normalized: string): string {
  return createHash('sha256').update(`recovery:${normalized}`, 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Secrets at rest: sealed with common/sealed-secret.ts (AES-256-GCM under a key derived from
// JWT_SECRET, this purpose's own label), so a database dump alone does not yield anyone's second
// factor. Rotating JWT_SECRET therefore makes stored TOTP secrets unreadable: their users sign
// in with a recovery code and enrol again.
// ---------------------------------------------------------------------------------------------

const SEAL_LABEL = 'totp-secret-encryption:v1';

export function sealTotpSecret(config: Config, base32Secret: string): string {
  return sealSecret(config, SEAL_LABEL, base32Secret);
}

/** The secret, or null when it cannot be opened (another key, tampered). */
export function openTotpSecret(config: Config, stored: string): string | null {
  return openSealed(config, SEAL_LABEL, stored);
}
