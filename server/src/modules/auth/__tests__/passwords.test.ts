import { codeOf, expectOk, startTestApp, type TestApp } from '../../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp';
import { DEMO_PASSWORD } from '../../../seeders/demo.seeder';
import { passwordProblem } from '../password-policy';

/*
 * Changing and resetting passwords on a real server, a real database and a real SMTP server.
 * Reset tokens are read from the mails that arrived, as the user would.
 */

let t: TestApp;
let smtp: TestSmtp;

const ME = 'query { me { user { email } } }';
const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
const REQUEST = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';

function mailsTo(to: string) {
  return smtp.messages.filter((m) => m.to.toLowerCase().includes(to));
}

async function resetToken(to: string, count = 1): Promise<string> {
  await smtp.waitForMail(to, { subject: /reset/i });
  for (let i = 0; mailsTo(to).filter((m) => /reset/i.test(m.subject)).length < count; i++) {
    if (i > 100) throw new Error(`fewer than ${count} reset mails for ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const mail = mailsTo(to).filter((m) => /reset/i.test(m.subject)).at(-1)!;
  const link = mail.links.find((l) => l.includes('/reset-password/'));
  if (!link) throw new Error(`no reset link in the mail to ${to}`);
  return decodeURIComponent(link.split('/reset-password/')[1].split(/[?#]/)[0]);
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://portal.example.test' } });
}, 60_000);

afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe('password policy', () => {
  it.each([
    ['short', 'Use at least 10 characters.'],
    ['aaaaaaaaaaaa', 'Use more than one or two different characters.'],
    ['password123', 'This password is too common; choose another.'],
    ['my-viewer-password', 'Do not use your email address in your password.'],
    ['VIEWER@ACME.TEST!', 'Do not use your email address in your password.'],
    ['x'.repeat(201), 'Use at most 200 characters.'],
  ])('refuses %s', (password, message) => {
    expect(passwordProblem(password, 'viewer@acme.test')).toBe(message);
  });

  it('accepts a long private phrase', () => {
    expect(passwordProblem('correct horse battery', 'viewer@acme.test')).toBeNull();
  });
});

describe('changePassword', () => {
  it('checks the current password, applies the policy, signs out the other sessions and mails a notice', async () => {
    const here = await t.login('agent@acme.test');
    const elsewhere = await t.login('agent@acme.test');

    const wrong = await t.gql(CHANGE, { input: { currentPassword: 'not-it', newPassword: 'a-long-and-private-phrase' } }, { token: here.accessToken });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.extensions.fields).toEqual([{ field: 'currentPassword', message: 'Your current password is not correct.' }]);
    const weak = await t.gql(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'qwertyuiop' } }, { token: here.accessToken });
    expect(weak.errors?.[0]?.extensions.fields).toEqual([{ field: 'newPassword', message: 'This password is too common; choose another.' }]);
    expect(codeOf(await t.gql(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'a-long-and-private-phrase' } }))).toBe('UNAUTHENTICATED');

    const ok = await t.gql(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'a-long-and-private-phrase' } }, { token: here.accessToken });
    expectOk(ok);
    expectOk(await t.gql(ME, {}, { token: here.accessToken }));
    expect(codeOf(await t.gql(ME, {}, { token: elsewhere.accessToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(LOGIN, { input: { email: 'agent@acme.test', password: DEMO_PASSWORD } }))).toBe('UNAUTHENTICATED');
    await t.login('agent@acme.test', undefined, 'a-long-and-private-phrase');

    const notice = await smtp.waitForMail('agent@acme.test', { subject: /password/i });
    expect(notice.text).toContain('https://portal.example.test/account');
    const userId = await t.userId('agent@acme.test');
    expect(await t.count("select count(*) as n from audit_logs where action = 'auth.password_changed' and target_id is not null and actor_id = ?", [userId])).toBe(1);
  });
});

describe('password reset', () => {
  it('mails a link for a known address only, answering the same for an unknown one', async () => {
    const unknown = await t.gql(REQUEST, { email: 'nobody-here@example.test' });
    const known = await t.gql(REQUEST, { email: ' Viewer@Acme.test ' });
    expect(unknown).toMatchObject({ status: 200, data: { requestPasswordReset: true } });
    expect(known).toMatchObject({ status: 200, data: { requestPasswordReset: true } });
    expect(Object.keys(unknown.data ?? {})).toEqual(Object.keys(known.data ?? {}));
    // The same statements either way, timing aside: one audit entry each, mailed or not.
    expect(await t.count("select count(*) as n from audit_logs where action = 'auth.password_reset_requested'")).toBe(2);

    const token = await resetToken('viewer@acme.test');
    expect(mailsTo('nobody-here@example.test')).toHaveLength(0);
    expect(await t.count('select count(*) as n from password_resets where token_hash = ?', [token])).toBe(0);

    const other = await t.login('viewer@acme.test');
    const weak = await t.gql(RESET, { input: { token, newPassword: 'viewer-acme-2026' } });
    expect(weak.errors?.[0]?.extensions.fields).toEqual([{ field: 'newPassword', message: 'Do not use your email address in your password.' }]);

    expectOk(await t.gql(RESET, { input: { token, newPassword: 'brand-new-and-long' } }));
    // Every session ended; the new password signs in, the old does not.
    expect(codeOf(await t.gql(ME, {}, { token: other.accessToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(LOGIN, { input: { email: 'viewer@acme.test', password: DEMO_PASSWORD } }))).toBe('UNAUTHENTICATED');
    await t.login('viewer@acme.test', undefined, 'brand-new-and-long');

    // The link works once.
    const again = await t.gql(RESET, { input: { token, newPassword: 'another-long-phrase' } });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.extensions.fields).toEqual([{ field: 'token', message: 'This reset link is invalid or has expired. Ask for a new one.' }]);
    await t.login('viewer@acme.test', undefined, 'brand-new-and-long');
  });

  it('refuses an expired link and a made-up one', async () => {
    expectOk(await t.gql(REQUEST, { email: 'member@acme.test' }));
    const token = await resetToken('member@acme.test');
    await t.sql("update password_resets set expires_at = now() - interval '1 second' where user_id = (select id from users where email = 'member@acme.test')");
    expect(codeOf(await t.gql(RESET, { input: { token, newPassword: 'brand-new-and-long' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(RESET, { input: { token: 'x'.repeat(43), newPassword: 'brand-new-and-long' } }))).toBe('BAD_USER_INPUT');
    await t.login('member@acme.test');
  });

  it('sends at most three reset mails an hour per account, still answering true', async () => {
    for (let i = 0; i < 5; i++) expect((await t.gql(REQUEST, { email: 'admin@acme.test' })).data?.requestPasswordReset).toBe(true);
    await resetToken('admin@acme.test', 3);
    const userId = await t.userId('admin@acme.test');
    expect(await t.count('select count(*) as n from password_resets where user_id = ?', [userId])).toBe(3);
    expect(await t.count("select count(*) as n from mail_outbox where \"to\" = 'admin@acme.test'")).toBe(3);
  });
});
