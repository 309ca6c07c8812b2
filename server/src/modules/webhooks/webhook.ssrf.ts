import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { promisify } from 'node:util';

/*
 * Where webhooks may go. In production an endpoint must be https and every address its host
 * resolves to must be public unicast: loopback, private (RFC 1918), link-local (with the cloud
 * metadata address 169.254.169.254), unique-local (with fd00:ec2::254), CGNAT, multicast,
 * broadcast, unspecified, reserved and the IPv6 forms that embed an IPv4 address are refused.
 * The check runs when an endpoint is saved and again at every delivery, on the very addresses
 * the connection then uses (safeLookup), so a DNS answer that changes in between (rebinding)
 * cannot slip through. Development and tests allow local targets, to test against a local
 * listener. The decisions are pure functions of their inputs (isProduction is a parameter).
 */

export interface UrlPolicy {
  readonly isProduction: boolean;
}

/** The refusal of a URL or address, for people (and for BAD_USER_INPUT's fields.url). */
export class WebhookTargetRefused extends Error {}

const lookupAll = promisify(dnsLookup) as (hostname: string, options: LookupAllOptions) => Promise<LookupAddress[]>;

/** The ranges (ipaddr.js names) a webhook may never reach in production; only 'unicast' is allowed. */
export function addressRange(address: string): string {
  let ip = ipaddr.parse(address);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range();
}

/** Why `address` is refused in production, or null when it is a public unicast address. */
export function refusedAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const range = addressRange(address);
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

/** The URL parsed and checked for its form: http(s) only (https in production), no credentials. */
export function parseWebhookUrl(raw: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new WebhookTargetRefused('Enter a full URL, e.g. https://example.com/webhooks.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookTargetRefused('Use an http:// or https:// URL.');
  if (policy.isProduction && url.protocol !== 'https:') throw new WebhookTargetRefused('Use an https:// URL.');
  if (url.username || url.password) throw new WebhookTargetRefused('Leave credentials out of the URL; verify the signature instead.');
  if (!url.hostname) throw new WebhookTargetRefused('The URL has no host.');
  return url;
}

/** The host of a URL as DNS wants it (IPv6 literals without brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * The addresses `host` resolves to, all of them checked against the production rule; throws
 * WebhookTargetRefused when one is not allowed or the name does not resolve. Outside production
 * every address is allowed.
 */
export async function resolveAllowed(host: string, policy: UrlPolicy, resolve: (host: string) => Promise<LookupAddress[]> = (h) => lookupAll(h, { all: true })): Promise<LookupAddress[]> {
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new WebhookTargetRefused(`The host ${host} could not be resolved.`);
  }
  if (!addresses.length) throw new WebhookTargetRefused(`The host ${host} could not be resolved.`);
  if (policy.isProduction) {
    for (const a of addresses) {
      const why = refusedAddress(a.address);
      if (why) throw new WebhookTargetRefused(`Webhooks may not reach private, loopback, link-local or metadata addresses (${host}: ${why}).`);
    }
  }
  return addresses;
}

/** Checks a URL as it is saved: its form, and (in production) every address its host resolves to. */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy, resolve?: (host: string) => Promise<LookupAddress[]>): Promise<URL> {
  const url = parseWebhookUrl(raw, policy);
  if (policy.isProduction) await resolveAllowed(hostOf(url), policy, resolve);
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that resolves, checks every address, and hands the connection
 * only checked addresses: the connection goes where the check looked (no DNS rebinding).
 */
export function safeLookup(
  policy: UrlPolicy,
  resolve?: (host: string) => Promise<LookupAddress[]>,
): (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => void {
  return (hostname, options, callback) => {
    resolveAllowed(hostname.replace(/^\[(.*)\]$/, '$1'), policy, resolve).then(
      (addresses) => {
        const family = typeof options === 'object' && options.family ? options.family : 0;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (!usable.length) {
          callback(Object.assign(new WebhookTargetRefused(`The host ${hostname} has no address of family ${family}.`), { code: 'ENOTFOUND' }), '');
          return;
        }
        if (typeof options === 'object' && options.all) callback(null, usable);
        else callback(null, usable[0]?.address ?? '', usable[0]?.family);
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), ''),
    );
  };
}
