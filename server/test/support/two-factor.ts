import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { hashPassword } from '../../src/modules/auth/password';
import { Membership } from '../../src/modules/tenancy/membership.entity';
import { Role } from '../../src/modules/tenancy/role.entity';
import { Tenant } from '../../src/modules/tenancy/tenant.entity';
import { StaffRole, User } from '../../src/modules/users/user.entity';
import type { SystemRoleName } from '../../src/permissions/catalog';
import type { TestApp } from '../harness';

/**
 * Accounts and codes for the two-factor, deactivation and tenant-requirement tests: a fresh user
 * per test (so no test depends on another's sign-ins or limiter counts), and TOTP codes computed
 * independently of the server, with otpauth, from the secret the API handed out.
 */

export const TEST_PASSWORD = 'two-factor-test-password';
let passwordHash: Promise<string> | undefined;

export interface TestAccount {
  id: string;
  email: string;
}

/** A new user, optionally a member of `tenant` (slug) with a system role, or staff. */
export async function makeAccount(t: TestApp, opts: { label?: string; tenant?: string; role?: SystemRoleName; staffRole?: StaffRole } = {}): Promise<TestAccount> {
  const em = t.orm.em.fork();
  const email = `${opts.label ?? 'user'}-${randomBytes(4).toString('hex')}@two-factor.test`;
  const user = em.create(User, { email, name: `Test ${opts.label ?? 'user'}`, passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)), staffRole: opts.staffRole });
  em.persist(user);
  if (opts.tenant) {
    const tenant = await em.findOneOrFail(Tenant, { slug: opts.tenant });
    const role = await em.findOneOrFail(Role, { tenant: tenant.id, name: opts.role ?? 'member' }, { filters: false });
    em.persist(em.create(Membership, { tenant, user, role }));
  }
  await em.flush();
  return { id: user.id, email };
}

/** Adds an existing user to another tenant (slug) with a system role. */
export async function addMembership(t: TestApp, userId: string, tenant: string, role: SystemRoleName): Promise<void> {
  const em = t.orm.em.fork();
  const found = await em.findOneOrFail(Tenant, { slug: tenant });
  const r = await em.findOneOrFail(Role, { tenant: found.id, name: role }, { filters: false });
  em.persist(em.create(Membership, { tenant: found, user: em.getReference(User, userId), role: r }));
  await em.flush();
}

export { StaffRole };

/** The TOTP time step of `now` (30-second steps). */
export function stepNow(now = Date.now()): number {
  return Math.floor(now / 30_000);
}

/** The code an authenticator app shows for `secret` during time step `step`. */
export function totpCode(secret: string, step: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: step * 30_000 });
}

/** A six-digit code that is none of the codes valid around `step` (a guaranteed wrong guess). */
export function wrongCode(secret: string, step: number): string {
  const valid = new Set([step - 2, step - 1, step, step + 1, step + 2].map((s) => totpCode(secret, s)));
  for (let n = 0; ; n++) {
    const candidate = String((123_456 + n * 7_919) % 1_000_000).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

export const BEGIN_TOTP = 'mutation { beginTotpEnrollment { secret otpauthUrl } }';
export const CONFIRM_TOTP = 'mutation($code: String!) { confirmTotpEnrollment(code: $code) }';
export const DISABLE_TOTP = 'mutation($code: String!) { disableTotp(code: $code) }';
export const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken user { email twoFactorEnabled } tenant { slug } }
}`;

export interface Enrolled {
  secret: string;
  recoveryCodes: string[];
  /** The step whose code confirmed the enrolment: spent, so sign in with a later one. */
  step: number;
}

/** Enrols the signed-in user through the API: begin, then confirm with the current code. */
export async function enrolTotp(t: TestApp, token: string): Promise<Enrolled> {
  const begun = await t.gql<{ beginTotpEnrollment: { secret: string } }>(BEGIN_TOTP, {}, { token });
  const secret = begun.data?.beginTotpEnrollment.secret;
  if (!secret) throw new Error(`beginTotpEnrollment failed: ${JSON.stringify(begun.errors)}`);
  const step = stepNow();
  const confirmed = await t.gql<{ confirmTotpEnrollment: string[] }>(CONFIRM_TOTP, { code: totpCode(secret, step) }, { token });
  const recoveryCodes = confirmed.data?.confirmTotpEnrollment;
  if (!recoveryCodes) throw new Error(`confirmTotpEnrollment failed: ${JSON.stringify(confirmed.errors)}`);
  return { secret, recoveryCodes, step };
}

/** Signs in with the test password (and a code, when given); the raw response. */
export function loginWith(t: TestApp, email: string, opts: { otp?: string; password?: string; tenantSlug?: string } = {}) {
  return t.gql<{ login: { accessToken: string; refreshToken: string; user: { email: string; twoFactorEnabled: boolean }; tenant: { slug: string } | null } }>(LOGIN, {
    input: { email, password: opts.password ?? TEST_PASSWORD, tenantSlug: opts.tenantSlug, otp: opts.otp },
  });
}

/** Signs in (no second factor) and returns the access token. */
export async function tokenFor(t: TestApp, email: string, tenantSlug?: string): Promise<string> {
  return (await t.login(email, tenantSlug, TEST_PASSWORD)).accessToken;
}
