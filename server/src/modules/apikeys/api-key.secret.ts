import { createHash, randomBytes } from 'node:crypto';

/** Every API key secret starts with this, so a leaked one is recognisable (and scannable). */
export const API_KEY_PREFIX = 'atr_';

/** Random bytes in a secret: 256 bits. */
const SECRET_BYTES = 32;

/** Characters of the secret kept visible as `ApiKey.prefix`: `atr_` and 8 more (48 bits, not enough to guess the rest). */
export const VISIBLE_PREFIX_LENGTH = 12;

/** A secret is `atr_` and 43 base64url characters; anything else is not one of ours. */
const SECRET_SHAPE = /^atr_[A-Za-z0-9_-]{43}$/;

export function isApiKeySecret(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

export function hasApiKeyShape(token: string): boolean {
  return SECRET_SHAPE.test(token);
}

/** SHA-256 (hex) of a secret: how it is stored and looked up. A fast hash is right here: the secret has 256 bits of entropy. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new secret with its hash and visible prefix. */
export function newApiKeySecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${API_KEY_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { secret, hash: hashApiKeySecret(secret), prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH) };
}
