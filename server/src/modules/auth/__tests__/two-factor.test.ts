import { expectError, expectOk, startTestApp, type TestApp } from '../../../../test/harness';
import {
  BEGIN_TOTP,
  CONFIRM_TOTP,
  DISABLE_TOTP,
  enrolTotp,
  loginWith,
  makeAccount,
  stepNow,
  tokenFor,
  totpCode,
  wrongCode,
} from '../../../../test/support/two-factor';
import { loadConfig } from '../../../config';
import { toGlobalId } from '../../../common/global-id';
import { matchTotpStep, newRecoveryCodes, normalizeOtp, openTotpSecret, sealTotpSecret } from '../totp';

/*
 * Two-factor sign-in end to end, on a real server and a fresh PostgreSQL database: enrolment,
 * sign-in with a TOTP code (each time step once) or a recovery code (each once), what the login
 * limiter counts, and turning it off. Codes are computed with otpauth from the secret the API
 * hands out, as an authenticator app would.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const ME = '{ me { twoFactorEnabled twoFactorEnrollmentRequired user { twoFactorEnabled } } }';

async function auditActions(userId: string, actions: string[]): Promise<{ action: string; diff: Record<string, unknown> | null; actor_id: string | null }[]> {
  return t.sql(
    `select action, diff, actor_id from audit_logs where target_id = ? and action in (${actions.map(() => '?').join(', ')}) order by created_at, id`,
    [toGlobalId('User', userId), ...actions],
  );
}

async function sessionsOf(userId: string): Promise<number> {
  return t.count('select count(*) as n from sessions where user_id = ?', [userId]);
}

describe('the TOTP primitives', () => {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'a'.repeat(40) });
  const other = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'b'.repeat(40) });

  it('seals a secret so that only the same key opens it, and a changed byte is refused', () => {
    const sealed = sealTotpSecret(config, 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealTotpSecret(config, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(openTotpSecret(config, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(openTotpSecret(other, sealed)).toBeNull();
    const parts = sealed.split('.');
    const body = parts[3] ?? '';
    // The first character: all six of its bits are data (the last one's low bits may be padding).
    const flipped = `${body.startsWith('A') ? 'B' : 'A'}${body.slice(1)}`;
    expect(openTotpSecret(config, [...parts.slice(0, 3), flipped].join('.'))).toBeNull();
    expect(openTotpSecret(config, 'not sealed')).toBeNull();
  });

  it('accepts the codes of the previous, current and next step only, and tells which step', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const step = 60_000_000;
    const now = step * 30_000 + 10_000;
    for (const delta of [-1, 0, 1]) expect(matchTotpStep(secret, totpCode(secret, step + delta), now)).toBe(step + delta);
    for (const delta of [-3, -2, 2, 3]) expect(matchTotpStep(secret, totpCode(secret, step + delta), now)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', now)).toBeNull();
    expect(matchTotpStep(secret, '1234567', now)).toBeNull();
  });

  it('reads six digits as a TOTP code and anything else as a recovery code, ignoring case, spaces and dashes', () => {
    expect(normalizeOtp(' 123 456 ')).toEqual({ kind: 'totp', value: '123456' });
    expect(normalizeOtp('abcd-efgh-2345-6723')).toEqual({ kind: 'recovery', value: 'ABCDEFGH23456723' });
  });

  it('makes ten distinct recovery codes of 80 random bits, each with its hash', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes.map((c) => c.code)).size).toBe(10);
    for (const c of codes) {
      expect(c.code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
      expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(c.hash).not.toContain(c.code.replace(/-/g, ''));
    }
  });
});

describe('enrolment', () => {
  it('begins with a base32 secret and an otpauth URL (issuer Atrium, the email); stored sealed and pending', async () => {
    const user = await makeAccount(t, { label: 'begin', tenant: 'acme' });
    const token = await tokenFor(t, user.email);
    const res = await t.gql<{ beginTotpEnrollment: { secret: string; otpauthUrl: string } }>(BEGIN_TOTP, {}, { token });
    expectOk(res);
    const { secret, otpauthUrl } = res.data?.beginTotpEnrollment ?? { secret: '', otpauthUrl: '' };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 20 bytes
    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe(`/Atrium:${user.email}`);
    expect(url.searchParams.get('issuer')).toBe('Atrium');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');

    const [row] = await t.sql<{ totp_pending_secret: string | null; totp_secret: string | null; totp_enabled_at: Date | null }>(
      'select totp_pending_secret, totp_secret, totp_enabled_at from users where id = ?',
      [user.id],
    );
    expect(row?.totp_pending_secret).toBeTruthy();
    expect(row?.totp_pending_secret).not.toContain(secret);
    expect(row?.totp_secret).toBeNull();
    expect(row?.totp_enabled_at).toBeNull();
    // Still off until confirmed: sign-in needs no code.
    const me = await t.gql(ME, {}, { token });
    expect(me.data?.me).toEqual({ twoFactorEnabled: false, twoFactorEnrollmentRequired: false, user: { twoFactorEnabled: false } });
    expectOk(await loginWith(t, user.email));
  });

  it('beginning again replaces the pending secret: a code of the first one no longer confirms', async () => {
    const user = await makeAccount(t, { label: 'rebegin' });
    const token = await tokenFor(t, user.email);
    const first = (await t.gql(BEGIN_TOTP, {}, { token })).data?.beginTotpEnrollment.secret as string;
    const second = (await t.gql(BEGIN_TOTP, {}, { token })).data?.beginTotpEnrollment.secret as string;
    expect(second).not.toBe(first);
    const stale = await t.gql(CONFIRM_TOTP, { code: totpCode(first, stepNow()) }, { token });
    expectError(stale, 'BAD_USER_INPUT');
    expect(stale.errors?.[0]?.extensions.fields).toEqual([{ field: 'code', message: expect.any(String) }]);
    expectOk(await t.gql(CONFIRM_TOTP, { code: totpCode(second, stepNow()) }, { token }));
  });

  it('confirming without a pending secret is CONFLICT TWO_FACTOR_NOT_ENABLED', async () => {
    const user = await makeAccount(t, { label: 'nopending' });
    const token = await tokenFor(t, user.email);
    expectError(await t.gql(CONFIRM_TOTP, { code: '123456' }, { token }), 'CONFLICT', 'TWO_FACTOR_NOT_ENABLED');
  });

  it('a wrong code turns nothing on; the current code does, returns 10 recovery codes stored hashed, and is audited', async () => {
    const user = await makeAccount(t, { label: 'confirm', tenant: 'acme' });
    const token = await tokenFor(t, user.email);
    const secret = (await t.gql(BEGIN_TOTP, {}, { token })).data?.beginTotpEnrollment.secret as string;
    expectError(await t.gql(CONFIRM_TOTP, { code: wrongCode(secret, stepNow()) }, { token }), 'BAD_USER_INPUT');
    expect((await t.gql(ME, {}, { token })).data?.me.twoFactorEnabled).toBe(false);

    const res = await t.gql<{ confirmTotpEnrollment: string[] }>(CONFIRM_TOTP, { code: totpCode(secret, stepNow()) }, { token });
    expectOk(res);
    const codes = res.data?.confirmTotpEnrollment ?? [];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const stored = await t.sql<{ code_hash: string; used_at: Date | null }>('select code_hash, used_at from recovery_codes where user_id = ?', [user.id]);
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(await t.sql('select * from users u left join recovery_codes r on r.user_id = u.id where u.id = ?', [user.id]));
    expect(dump).not.toContain(secret);
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ''));
    }
    expect(stored.every((r) => r.used_at === null)).toBe(true);

    expect((await t.gql(ME, {}, { token })).data?.me).toEqual({ twoFactorEnabled: true, twoFactorEnrollmentRequired: false, user: { twoFactorEnabled: true } });
    const audit = await auditActions(user.id, ['auth.totp_enabled']);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(user.id);

    // Already on: enrolment cannot start or finish again.
    expectError(await t.gql(BEGIN_TOTP, {}, { token }), 'CONFLICT', 'TWO_FACTOR_ENABLED');
    expectError(await t.gql(CONFIRM_TOTP, { code: totpCode(secret, stepNow()) }, { token }), 'CONFLICT', 'TWO_FACTOR_ENABLED');
  });
});

describe('signing in with two-factor on', () => {
  it('without a code: MFA_REQUIRED and no session; with the next code: signed in; that code again: INVALID_OTP, audited', async () => {
    const user = await makeAccount(t, { label: 'signin', tenant: 'acme' });
    const { secret, step } = await enrolTotp(t, await tokenFor(t, user.email));
    const sessionsBefore = await sessionsOf(user.id);

    const missing = await loginWith(t, user.email);
    expectError(missing, 'UNAUTHENTICATED', 'MFA_REQUIRED');
    expect(missing.data ?? null).toBeNull();
    expect(await sessionsOf(user.id)).toBe(sessionsBefore);
    // The wrong password with no code is still just a wrong password: nothing about two-factor shows.
    expectError(await loginWith(t, user.email, { password: 'not-the-password' }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    // The right code with the wrong password is a wrong password.
    expectError(await loginWith(t, user.email, { password: 'not-the-password', otp: totpCode(secret, step + 1) }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');

    // The code that confirmed enrolment is spent.
    expectError(await loginWith(t, user.email, { otp: totpCode(secret, step) }), 'UNAUTHENTICATED', 'INVALID_OTP');

    const next = totpCode(secret, step + 1);
    const ok = await loginWith(t, user.email, { otp: next });
    expectOk(ok);
    expect(ok.data?.login.user).toEqual({ email: user.email, twoFactorEnabled: true });
    expect(ok.data?.login.tenant).toEqual({ slug: 'acme' });
    expect((await t.gql(ME, {}, { token: ok.data?.login.accessToken })).data?.me.twoFactorEnabled).toBe(true);

    // The same time step again (a replayed or shoulder-surfed code): refused.
    const replay = await loginWith(t, user.email, { otp: next });
    expectError(replay, 'UNAUTHENTICATED', 'INVALID_OTP');
    expect(replay.data ?? null).toBeNull();
    expect(await sessionsOf(user.id)).toBe(sessionsBefore + 1);

    const failed = await t.sql<{ diff: Record<string, unknown> }>(`select diff from audit_logs where action = 'auth.login_failed' and actor_id = ? order by created_at, id`, [user.id]);
    expect(failed.map((r) => r.diff.reason ?? null)).toEqual([null, null, 'invalid_otp', 'invalid_otp']);
    expect(failed.every((r) => r.diff.email === user.email)).toBe(true);
  });

  it('of two concurrent sign-ins with the same code, exactly one succeeds', async () => {
    const user = await makeAccount(t, { label: 'race' });
    const { secret, step } = await enrolTotp(t, await tokenFor(t, user.email));
    const code = totpCode(secret, step + 1);
    const results = await Promise.all([loginWith(t, user.email, { otp: code }), loginWith(t, user.email, { otp: code })]);
    expect(results.filter((r) => r.data?.login).length).toBe(1);
    const refused = results.filter((r) => r.errors);
    expect(refused).toHaveLength(1);
    for (const r of refused) expectError(r, 'UNAUTHENTICATED', 'INVALID_OTP');
  });

  it('a recovery code signs in once (any case, dashes or not); the second time it is refused; each use is audited', async () => {
    const user = await makeAccount(t, { label: 'recovery', tenant: 'acme' });
    const { recoveryCodes } = await enrolTotp(t, await tokenFor(t, user.email));
    const [first, second] = recoveryCodes as [string, string];

    const ok = await loginWith(t, user.email, { otp: first });
    expectOk(ok);
    expect(ok.data?.login.user.email).toBe(user.email);
    expectError(await loginWith(t, user.email, { otp: first }), 'UNAUTHENTICATED', 'INVALID_OTP');

    // Typed loosely: lower case, without dashes.
    expectOk(await loginWith(t, user.email, { otp: second.replace(/-/g, '').toLowerCase() }));
    expectError(await loginWith(t, user.email, { otp: second }), 'UNAUTHENTICATED', 'INVALID_OTP');

    const used = await t.sql<{ n: number }>('select count(*)::int as n from recovery_codes where user_id = ? and used_at is not null', [user.id]);
    expect(used[0]?.n).toBe(2);
    const audit = await auditActions(user.id, ['auth.recovery_code_used']);
    expect(audit.map((a) => a.diff)).toEqual([{ remaining: 9 }, { remaining: 8 }]);
    expect(audit.every((a) => a.actor_id === user.id)).toBe(true);
  });

  it("another user's recovery code does not work", async () => {
    const a = await makeAccount(t, { label: 'mine' });
    const b = await makeAccount(t, { label: 'theirs' });
    await enrolTotp(t, await tokenFor(t, a.email));
    const theirs = await enrolTotp(t, await tokenFor(t, b.email));
    expectError(await loginWith(t, a.email, { otp: theirs.recoveryCodes[0] }), 'UNAUTHENTICATED', 'INVALID_OTP');
    expectOk(await loginWith(t, b.email, { otp: theirs.recoveryCodes[0] }));
  });

  describe('with LOGIN_MAX_FAILURES_PER_ACCOUNT=3', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' } });
    });
    afterAll(async () => {
      await limited.close();
    });

    it('a missing code is no guess, but each wrong code (TOTP or recovery) counts as a failed sign-in', async () => {
      const user = await makeAccount(limited, { label: 'limited' });
      const { secret, step } = await enrolTotp(limited, await tokenFor(limited, user.email));
      // Five sign-ins without a code: each is answered, none is counted.
      for (let i = 0; i < 5; i++) expectError(await loginWith(limited, user.email), 'UNAUTHENTICATED', 'MFA_REQUIRED');

      expectError(await loginWith(limited, user.email, { otp: wrongCode(secret, stepNow()) }), 'UNAUTHENTICATED', 'INVALID_OTP');
      expectError(await loginWith(limited, user.email, { otp: 'AAAA-BBBB-CCCC-DDDD' }), 'UNAUTHENTICATED', 'INVALID_OTP');
      expectError(await loginWith(limited, user.email, { otp: wrongCode(secret, stepNow()) }), 'UNAUTHENTICATED', 'INVALID_OTP');
      // Three failures: even the right password with the right code is refused from here now.
      const blocked = await loginWith(limited, user.email, { otp: totpCode(secret, step + 1) });
      expectError(blocked, 'RATE_LIMITED');
      expect(blocked.errors?.[0]?.extensions.retryAfterSeconds).toEqual(expect.any(Number));
    });

    it('a right code after wrong ones clears the failures, as a right password does', async () => {
      const user = await makeAccount(limited, { label: 'clears' });
      const { secret, step, recoveryCodes } = await enrolTotp(limited, await tokenFor(limited, user.email));
      for (let i = 0; i < 2; i++) expectError(await loginWith(limited, user.email, { otp: wrongCode(secret, stepNow()) }), 'UNAUTHENTICATED', 'INVALID_OTP');
      expectOk(await loginWith(limited, user.email, { otp: totpCode(secret, step + 1) }));
      // Counted from zero again: two more wrong codes stay below the limit of three.
      for (let i = 0; i < 2; i++) expectError(await loginWith(limited, user.email, { otp: wrongCode(secret, stepNow()) }), 'UNAUTHENTICATED', 'INVALID_OTP');
      expectOk(await loginWith(limited, user.email, { otp: recoveryCodes[0] }));
    });

    it('wrong codes for disableTotp count against the account too', async () => {
      const user = await makeAccount(limited, { label: 'disable-guess' });
      const token = await tokenFor(limited, user.email);
      const { secret, recoveryCodes } = await enrolTotp(limited, token);
      for (let i = 0; i < 3; i++) expectError(await limited.gql(DISABLE_TOTP, { code: wrongCode(secret, stepNow()) }, { token }), 'BAD_USER_INPUT');
      expectError(await limited.gql(DISABLE_TOTP, { code: recoveryCodes[0] }, { token }), 'RATE_LIMITED');
      // Still on.
      expect((await limited.gql(ME, {}, { token })).data?.me.twoFactorEnabled).toBe(true);
    });
  });
});

describe('turning two-factor off', () => {
  it('refuses a wrong code; a recovery code turns it off, removes the codes and is audited; sign-in needs no code again', async () => {
    const user = await makeAccount(t, { label: 'disable', tenant: 'acme' });
    const token = await tokenFor(t, user.email);
    const { secret, recoveryCodes } = await enrolTotp(t, token);

    const wrong = await t.gql(DISABLE_TOTP, { code: wrongCode(secret, stepNow()) }, { token });
    expectError(wrong, 'BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.extensions.fields).toEqual([{ field: 'code', message: expect.any(String) }]);
    expect((await t.gql(ME, {}, { token })).data?.me.twoFactorEnabled).toBe(true);

    const off = await t.gql(DISABLE_TOTP, { code: recoveryCodes[3] }, { token });
    expectOk(off);
    expect(off.data?.disableTotp).toBe(true);
    expect((await t.gql(ME, {}, { token })).data?.me.twoFactorEnabled).toBe(false);
    const [row] = await t.sql<Record<string, unknown>>('select totp_secret, totp_pending_secret, totp_enabled_at, totp_last_step from users where id = ?', [user.id]);
    expect(row).toEqual({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null });
    expect(await t.count('select count(*) as n from recovery_codes where user_id = ?', [user.id])).toBe(0);

    const audit = await auditActions(user.id, ['auth.totp_enabled', 'auth.recovery_code_used', 'auth.totp_disabled']);
    expect(audit.map((a) => a.action)).toEqual(['auth.totp_enabled', 'auth.recovery_code_used', 'auth.totp_disabled']);
    expect(audit[2]?.diff).toEqual({ with: 'recovery_code' });

    const plain = await loginWith(t, user.email);
    expectOk(plain);
    expect(plain.data?.login.user.twoFactorEnabled).toBe(false);
    // A spent set of recovery codes is gone with it.
    expectError(await loginWith(t, user.email, { password: 'wrong', otp: recoveryCodes[4] }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');

    // Off already: CONFLICT. And enrolment works again, with a new secret.
    expectError(await t.gql(DISABLE_TOTP, { code: recoveryCodes[5] }, { token }), 'CONFLICT', 'TWO_FACTOR_NOT_ENABLED');
    const again = await enrolTotp(t, token);
    expect(again.secret).not.toBe(secret);
    expectError(await loginWith(t, user.email), 'UNAUTHENTICATED', 'MFA_REQUIRED');
  });

  it('a current TOTP code turns it off too', async () => {
    const user = await makeAccount(t, { label: 'disable-totp' });
    const token = await tokenFor(t, user.email);
    const { secret, step } = await enrolTotp(t, token);
    // The confirming code is spent here as well.
    expectError(await t.gql(DISABLE_TOTP, { code: totpCode(secret, step) }, { token }), 'BAD_USER_INPUT');
    expectOk(await t.gql(DISABLE_TOTP, { code: totpCode(secret, step + 1) }, { token }));
    expect((await auditActions(user.id, ['auth.totp_disabled']))[0]?.diff).toEqual({ with: 'totp' });
  });
});

describe('secrets stay secret', () => {
  it('no user field, audit row or error carries a secret or a recovery code', async () => {
    const user = await makeAccount(t, { label: 'secret' });
    const token = await tokenFor(t, user.email);
    const { secret, recoveryCodes, step } = await enrolTotp(t, token);
    expectOk(await loginWith(t, user.email, { otp: recoveryCodes[0] }));
    expectOk(await loginWith(t, user.email, { otp: totpCode(secret, step + 1) }));
    const audit = JSON.stringify(await t.sql('select * from audit_logs where actor_id = ?', [user.id]));
    for (const s of [secret, ...recoveryCodes, ...recoveryCodes.map((c) => c.replace(/-/g, ''))]) expect(audit).not.toContain(s);
    const staff = await t.login('staff@atrium.test');
    const users = await t.gql('query($search: String) { users(first: 5, filter: { search: $search }) { nodes { id email twoFactorEnabled deactivatedAt } } }', { search: user.email }, { token: staff.accessToken });
    expectOk(users);
    expect(users.data?.users.nodes).toEqual([{ id: toGlobalId('User', user.id), email: user.email, twoFactorEnabled: true, deactivatedAt: null }]);
    expect(JSON.stringify(users.data)).not.toContain(secret);
  });
});
