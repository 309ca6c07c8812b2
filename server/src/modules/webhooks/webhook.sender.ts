import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import { parseWebhookUrl, safeLookup, type UrlPolicy, WebhookTargetRefused } from './webhook.ssrf';

/** How much of an answer body is kept (and read at all): the rest is never downloaded. */
export const RESPONSE_EXCERPT_BYTES = 1024;
export const USER_AGENT = 'Atrium-Webhooks/1';

export interface AttemptResult {
  /** HTTP status, or null when there was no answer (refused, timeout, connection error). */
  status: number | null;
  durationMs: number;
  excerpt: string | null;
  error: string | null;
  succeeded: boolean;
}

/** The headers of one delivery: Standard Webhooks' three, signed with every secret given (space-separated). */
export function signedHeaders(webhookId: string, body: string, secrets: readonly string[], at: Date): Record<string, string> {
  const signature = secrets.map((secret) => new Webhook(secret).sign(webhookId, at, body)).join(' ');
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
  };
}

function describeError(err: unknown, timeoutMs: number): string {
  if (err instanceof WebhookTargetRefused) return err.message;
  const e = err as { name?: string; code?: string; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `No answer within ${Math.round(timeoutMs / 100) / 10} s.`;
  const text = `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`;
  return text.slice(0, 500);
}

/**
 * POSTs one delivery: the address checked by the URL policy at connection time (safeLookup), a
 * timeout over the whole exchange, no redirects followed (a 3xx is a failed attempt), and at most
 * RESPONSE_EXCERPT_BYTES of the answer read. Never throws: the outcome is the result.
 */
export function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; policy: UrlPolicy; /** DNS, for tests; defaults to the system resolver. */ resolve?: (host: string) => Promise<LookupAddress[]> },
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const done = (r: Omit<AttemptResult, 'durationMs' | 'succeeded'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...r, durationMs: elapsed(), succeeded: r.status !== null && r.status >= 200 && r.status < 300 && !r.error });
    };
    let url: URL;
    try {
      url = parseWebhookUrl(target, opts.policy);
    } catch (err) {
      done({ status: null, excerpt: null, error: describeError(err, opts.timeoutMs) });
      return;
    }
    const signal = AbortSignal.timeout(opts.timeoutMs);
    const request = url.protocol === 'https:' ? https.request : http.request;
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: safeLookup(opts.policy, opts.resolve),
        agent: false,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8');
          const status = res.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          const redirect = status !== null && status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
          done({ status, excerpt: excerpt || null, error: ok ? null : `The endpoint answered HTTP ${status ?? '?'}${redirect}.` });
        };
        res.on('data', (chunk: Buffer) => {
          if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_EXCERPT_BYTES) {
            finish();
            res.destroy();
          }
        });
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', finish);
      },
    );
    req.on('error', (err) => done({ status: null, excerpt: null, error: describeError(err, opts.timeoutMs) }));
    req.end(body);
  });
}
