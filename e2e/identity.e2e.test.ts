import { expect } from '@jest/globals';
import { join } from 'node:path';
import { TOTP } from 'otpauth';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, type E2E, portalLogin, SCREENSHOTS, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

interface Mail {
  to: string | string[];
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The newest mail to `to` whose subject matches, from the development mailbox the test server
 * keeps (it has no SMTP_URL). The outbox worker sends shortly after the transaction commits,
 * so this asks again until the mail is there.
 */
async function waitForMail(to: string, subject: RegExp, timeoutMs = 30_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  let seen: Mail[] = [];
  while (Date.now() < deadline) {
    const res = await fetch(`${e2e.url}/api/dev/mailbox`);
    if (res.ok) {
      seen = (await res.json()) as Mail[];
      const mail = seen.find((m) => [m.to].flat().some((t) => t.toLowerCase().includes(to.toLowerCase())) && subject.test(m.subject));
      if (mail) return mail;
    }
    await sleep(250);
  }
  throw new Error(`No mail to ${to} matching ${subject} arrived; the mailbox holds: ${JSON.stringify(seen.map((m) => [m.to, m.subject]))}`);
}

/** The path of the first link in the mail that goes to `prefix` (the mail's host is PUBLIC_URL, not the test server). */
function linkPath(mail: Mail, prefix: string): string {
  const links = `${mail.text}\n${mail.html}`.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
  const link = links.map((l) => new URL(l.replace(/&amp;/g, '&'))).find((u) => u.pathname.startsWith(prefix));
  if (!link) throw new Error(`The mail "${mail.subject}" has no ${prefix} link: ${links.join(', ')}`);
  return `${link.pathname}${link.search}`;
}

/**
 * The whole page from the top (a full-page shot of a scrolled page draws the sticky bars midway),
 * and the section alone, to look at closely.
 */
async function screenshotSection(page: Page, section: Locator, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await e2e.screenshot(page, name);
  await section.screenshot({ path: join(SCREENSHOTS, `${name}-section.png`), animations: 'disabled' });
}

/** Sets up two-factor in the open account page's section with a code computed from the shown secret. */
async function enrolTwoFactor(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  const secret = ((await section.getByLabel('Secret key').textContent()) ?? '').replace(/\s+/g, '');
  await section.getByLabel('Code from the app').fill(new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate());
  await section.getByRole('button', { name: 'Turn on' }).click();
  await section.getByRole('list', { name: 'Recovery codes' }).waitFor();
  await section.getByLabel('I saved my recovery codes somewhere safe').check();
  await section.getByRole('button', { name: 'Done' }).click();
}

/** The dashboard greets the signed-in user by first name ("Good morning, Nina"). */
const greeting = (page: Page, firstName: string) => page.getByRole('heading', { name: new RegExp(`, ${firstName}`) });

describe('identity lifecycle in the portal', () => {
  it('an owner invites a colleague from the Team page; the colleague opens the mailed link, sets a name and password and lands in acme', async () => {
    const colleague = `nina.${Date.now().toString(36)}@acme.test`;
    const owner = await e2e.newPage();
    await portalLogin(owner, 'owner@acme.test');
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await owner.waitForURL('**/team');
    const members = owner.getByRole('table', { name: 'Members' });
    await members.getByText('member@acme.test').waitFor();
    await owner.getByRole('heading', { name: 'Pending invitations' }).waitFor();
    await e2e.screenshot(owner, 'portal-team');

    await owner.getByRole('button', { name: 'Invite member' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Invite a colleague' });
    await dialog.getByLabel('Email').fill(colleague);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await owner.getByRole('option', { name: /^agent/ }).click();
    await e2e.screenshot(owner, 'portal-team-invite-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText(`Invitation sent to ${colleague}.`).waitFor();
    const pending = owner.getByRole('list', { name: 'Pending invitations' });
    await pending.getByText(colleague).waitFor();

    const mail = await waitForMail(colleague, /acme|invit/i);
    const invitePath = linkPath(mail, '/invite/');

    // The colleague: a browser of their own, never signed in.
    const page = await e2e.newPage();
    await page.goto(invitePath);
    await page.getByRole('heading', { name: 'Join Acme Corporation' }).waitFor();
    expect(await page.getByText(colleague).isVisible()).toBe(true);
    await page.getByLabel('Your name').fill('Nina Newcomer');
    await page.getByLabel('Password', { exact: true }).fill('a long and unusual passphrase 42');
    await page.getByLabel('Confirm password', { exact: true }).fill('a long and unusual passphrase 42');
    await e2e.screenshot(page, 'portal-invite-accept');
    await page.getByRole('button', { name: 'Create account and join' }).click();

    await page.waitForURL((u) => u.pathname === '/');
    await greeting(page, 'Nina').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByText('Acme Corporation').isVisible()).toBe(true);
    await e2e.screenshot(page, 'portal-invite-landed');
    // A real session: a reload stays signed in, in acme.
    await page.reload();
    await greeting(page, 'Nina').waitFor();

    // The owner sees the colleague as a member, no longer pending.
    await owner.reload();
    await owner.getByRole('table', { name: 'Members' }).getByText(colleague).waitFor();
    // Loaded (either state), then the colleague is not among the pending ones.
    await owner.getByText('No pending invitations.').or(owner.getByRole('list', { name: 'Pending invitations' })).first().waitFor();
    expect(await owner.getByRole('list', { name: 'Pending invitations' }).getByText(colleague).count()).toBe(0);
  });

  it('a user resets a forgotten password through the mailed link and signs in with the new one', async () => {
    const email = 'viewer@acme.test';
    const newPassword = 'a fresh passphrase for Victor 7';
    const page = await e2e.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL('**/forgot-password');
    // The router changes the URL first and keeps the sign-in page (which has an Email field too)
    // on screen while the next page loads: wait for the reset form before typing into it.
    await page.getByRole('button', { name: 'Send reset link' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await e2e.screenshot(page, 'portal-forgot-password-sent');

    const mail = await waitForMail(email, /password/i);
    await page.goto(linkPath(mail, '/reset-password/'));
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();

    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByText(/Your password has been changed/).waitFor();
    await e2e.screenshot(page, 'portal-reset-password-done');

    // The old password no longer works; the new one does.
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await greeting(page, 'Victor').waitFor();
  });

  it('a user sets up two-factor on the account page (QR code, recovery codes once), then signs in with a code', async () => {
    const email = 'admin@acme.test';
    const page = await e2e.newPage();
    await portalLogin(page, email, '/account');
    const section = page.getByRole('region', { name: 'Two-factor sign-in' });
    await section.getByText('Off', { exact: true }).waitFor();
    await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await section.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = ((await section.getByLabel('Secret key').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await screenshotSection(page, section, 'portal-account-two-factor-setup');

    const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
    await section.getByLabel('Code from the app').fill(totp.generate());
    await section.getByRole('button', { name: 'Turn on' }).click();
    const codes = section.getByRole('list', { name: 'Recovery codes' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    const recovery = ((await codes.getByRole('listitem').first().textContent()) ?? '').trim();
    await screenshotSection(page, section, 'portal-account-recovery-codes');
    await section.getByLabel('I saved my recovery codes somewhere safe').check();
    await section.getByRole('button', { name: 'Done' }).click();
    await section.getByText('On', { exact: true }).waitFor();
    expect(await codes.count()).toBe(0);

    // A new browser: the password alone asks for the code; a recovery code works.
    const other = await e2e.newPage();
    await other.goto('/login');
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Password').fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await other.getByLabel('Authentication code').fill('000000');
    await other.getByRole('button', { name: 'Verify and sign in' }).click();
    await other.getByText(/That code is not right/).waitFor();
    await e2e.screenshot(other, 'portal-login-two-factor');
    await other.getByLabel('Authentication code').fill(recovery);
    await other.getByRole('button', { name: 'Verify and sign in' }).click();
    await greeting(other, 'Adam').waitFor();
  });

  it('an owner requires two-factor for acme; a member without it is sent to set it up before anything else', async () => {
    const owner = await e2e.newPage();
    await portalLogin(owner, 'owner@acme.test', '/account');
    const security = owner.getByRole('region', { name: 'Organisation security' });
    const toggle = security.getByRole('switch', { name: 'Require two-factor for all members' });
    // Not before the owner has it: the switch would otherwise send them to set-up themselves.
    await toggle.waitFor();
    expect(await toggle.isDisabled()).toBe(true);
    await enrolTwoFactor(owner);
    await owner.getByRole('region', { name: 'Two-factor sign-in' }).getByText('On', { exact: true }).waitFor();
    // The switch shows the server's answer, so it turns on once the change is saved.
    await toggle.click();
    await security.getByText(/must now sign in with two-factor/).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await owner.evaluate(() => window.scrollTo(0, 0));
    await e2e.screenshot(owner, 'portal-account-tenant-requires-two-factor');

    const page = await e2e.newPage();
    await portalLogin(page, 'member@acme.test', '/tickets');
    await page.waitForURL('**/account/two-factor');
    await page.getByText('Your organisation requires two-factor sign-in').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count()).toBe(0);
    await e2e.screenshot(page, 'portal-two-factor-required');
    await page.goto('/team');
    await page.waitForURL('**/account/two-factor');

    await enrolTwoFactor(page);
    await page.waitForURL((u) => u.pathname === '/');
    await greeting(page, 'Mia').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tickets' }).click();
    await page.getByRole('table', { name: 'Tickets' }).waitFor();
  });
});
