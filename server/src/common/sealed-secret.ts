import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../config';

/*
 * Secrets at rest: AES-256-GCM under a key derived from JWT_SECRET with HKDF, one key per
 * purpose (its own label), so a database dump alone yields no usable secret. Rotating
 * JWT_SECRET therefore makes stored sealed values unreadable (openSealed answers null).
 * Used for TOTP secrets (modules/auth/totp.ts) and webhook signing secrets (modules/webhooks).
 */

const VERSION = 'v1';
const keys = new WeakMap<Config['jwt'], Map<string, Buffer>>();

function keyOf(config: Pick<Config, 'jwt'>, label: string): Buffer {
  let byLabel = keys.get(config.jwt);
  if (!byLabel) {
    byLabel = new Map();
    keys.set(config.jwt, byLabel);
  }
  let key = byLabel.get(label);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', config.jwt.secret, 'atrium', label, 32));
    byLabel.set(label, key);
  }
  return key;
}

/** `plaintext` sealed under the key for `label`: "v1.<iv>.<tag>.<ciphertext>" (base64url parts). */
export function sealSecret(config: Pick<Config, 'jwt'>, label: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(config, label), iv);
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

/** The plaintext, or null when it cannot be opened (another key or label, tampered, not sealed). */
export function openSealed(config: Pick<Config, 'jwt'>, label: string, stored: string): string | null {
  const [version, iv, tag, sealed] = stored.split('.');
  if (version !== VERSION || !iv || !tag || !sealed) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(config, label), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
