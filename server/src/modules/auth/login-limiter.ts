/**
 * Counts failed logins per account and per client address in a sliding window. In-process:
 * with several API instances, each keeps its own counts (a shared store is future work).
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: { perAccount: number; perIp: number; windowSeconds: number }) {}

  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  retryAfter(email: string, ip: string | null, now = Date.now()): number {
    const account = this.blockedFor(`a:${email}`, this.limits.perAccount, now);
    const address = ip ? this.blockedFor(`i:${ip}`, this.limits.perIp, now) : 0;
    return Math.max(account, address);
  }

  recordFailure(email: string, ip: string | null, now = Date.now()): void {
    this.push(`a:${email}`, now);
    if (ip) this.push(`i:${ip}`, now);
  }

  recordSuccess(email: string): void {
    this.failures.delete(`a:${email}`);
  }

  private recent(key: string, now: number): number[] {
    const windowStart = now - this.limits.windowSeconds * 1000;
    const list = (this.failures.get(key) ?? []).filter((t) => t > windowStart);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private blockedFor(key: string, max: number, now: number): number {
    const list = this.recent(key, now);
    if (list.length < max) return 0;
    const oldest = list[list.length - max] ?? now;
    return Math.max(1, Math.ceil((oldest + this.limits.windowSeconds * 1000 - now) / 1000));
  }

  private push(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    // Bounded memory: only the newest entries can matter.
    this.failures.set(key, list.slice(-Math.max(this.limits.perAccount, this.limits.perIp)));
  }
}
