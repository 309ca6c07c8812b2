import { randomBytes } from 'node:crypto';
import type { Config } from '../../config';
import { openSealed, sealSecret } from '../../common/sealed-secret';
import type { WebhookEndpoint } from './webhook.entity';

const SEAL_LABEL = 'webhook-signing-secret:v1';

/** How long the secret from before a rotation keeps signing beside the new one. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** A new signing secret in the Standard Webhooks form: "whsec_" + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function sealWebhookSecret(config: Pick<Config, 'jwt'>, secret: string): string {
  return sealSecret(config, SEAL_LABEL, secret);
}

export function openWebhookSecret(config: Pick<Config, 'jwt'>, sealed: string): string | null {
  return openSealed(config, SEAL_LABEL, sealed);
}

/**
 * The secrets a delivery is signed with at `now`: the current one, and the one from before the
 * last rotation while its overlap lasts. Null when the current one cannot be opened (JWT_SECRET
 * changed since it was sealed): the endpoint needs a new secret.
 */
export function signingSecrets(config: Pick<Config, 'jwt'>, endpoint: Pick<WebhookEndpoint, 'secretSealed' | 'previousSecretSealed' | 'previousSecretExpiresAt'>, now: Date): string[] | null {
  const current = openWebhookSecret(config, endpoint.secretSealed);
  if (!current) return null;
  const secrets = [current];
  if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    const previous = openWebhookSecret(config, endpoint.previousSecretSealed);
    if (previous) secrets.push(previous);
  }
  return secrets;
}
