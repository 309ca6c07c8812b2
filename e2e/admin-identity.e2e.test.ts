import { TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { toGlobalId } from '../server/src/common/global-id';
import { DEMO_PASSWORD, type E2E, portalLogin, staffLogin, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** Mail the server kept in its local mailbox (no SMTP_URL in tests), newest first. */
async function mailbox(): Promise<{ to: string; subject: string; text: string }[]> {
  const res = await fetch(`${e2e.url}/api/dev/mailbox`);
  expect(res.status).toBe(200);
  return (await res.json()) as { to: string; subject: string; text: string }[];
}

/** Waits (polling the local mailbox) until `count` mails to `to` have been sent; answers them, newest first. */
async function mailsTo(to: string, count: number): Promise<{ to: string; subject: string; text: string }[]> {
  const deadline = Date.now() + 15_000;
  let mails = (await mailbox()).filter((m) => m.to === to);
  while (mails.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    mails = (await mailbox()).filter((m) => m.to === to);
  }
  expect(mails).toHaveLength(count);
  return mails;
}

/** The GraphQL error code and reason of a response, for terse assertions. */
const refusalOf = (res: { errors?: { extensions: { code: string; reason?: unknown } }[] }) => ({ code: res.errors?.[0]?.extensions.code, reason: res.errors?.[0]?.extensions.reason });

async function openUser(page: Page, email: string, name: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Users' }).click();
  await page.getByPlaceholder('Search name or email').fill(email);
  await page.waitForURL((u) => decodeURIComponent(u.search).includes(email));
  await page.locator('table tbody tr').filter({ hasText: email }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

describe('tenants', () => {
  it('creates a tenant from its name and owner; the owner’s invitation waits on the tenant page and can be mailed again', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    await page.getByRole('menuitem', { name: 'Tenants' }).click();
    await page.getByRole('link', { name: 'Create tenant' }).click();

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Initech Ltd');
    // The slug follows the name.
    expect(await page.getByRole('textbox', { name: 'Slug' }).inputValue()).toBe('initech-ltd');
    await page.getByRole('textbox', { name: 'Owner email' }).fill('bill@initech.test');
    await page.getByRole('textbox', { name: 'Owner name' }).fill('Bill Lumbergh');
    await e2e.screenshot(page, 'admin-tenant-create');
    await page.getByRole('button', { name: 'Create tenant' }).click();

    await page.getByText('Invitation mailed to bill@initech.test').waitFor();
    await page.waitForURL((u) => u.pathname.endsWith('/show'));
    await page.getByRole('heading', { name: 'Initech Ltd', level: 1 }).waitFor();
    const invitations = page.getByRole('table', { name: 'Invitations' });
    const row = invitations.getByRole('row').filter({ hasText: 'bill@initech.test' });
    await row.waitFor();
    for (const text of ['Invited by Sam Staff', 'Owner', 'Pending', 'Expires in 7 days']) expect(await row.textContent()).toContain(text);
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-tenant-invitations');

    const [tenant] = await e2e.app.sql<{ id: string; name: string }>(`select id, name from tenants where slug = 'initech-ltd'`);
    expect(tenant?.name).toBe('Initech Ltd');
    // The mail really went, with the invitation link.
    const [first] = await mailsTo('bill@initech.test', 1);
    expect(first?.text).toMatch(/\/invite\/\S+/);

    // Mailed again: a new link, the same pending invitation.
    await row.getByRole('button', { name: 'Resend the invitation to bill@initech.test' }).click();
    await page.getByText('Invitation mailed again to bill@initech.test').waitFor();
    expect(await invitations.getByRole('row').filter({ hasText: 'bill@initech.test' }).count()).toBe(1);
    const [again] = await mailsTo('bill@initech.test', 2);
    const linkOf = (text: string | undefined) => /\/invite\/(\S+)/.exec(text ?? '')?.[1];
    expect(linkOf(again?.text)).toEqual(expect.any(String));
    expect(linkOf(again?.text)).not.toBe(linkOf(first?.text));
  });

  it('shows a slug that is already taken next to the slug field', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    await page.goto('/admin/tenants/create');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Acme');
    await page.getByRole('textbox', { name: 'Owner email' }).fill('second-owner@acme.test');
    await page.getByRole('button', { name: 'Create tenant' }).click();
    const slug = page.getByRole('textbox', { name: 'Slug' });
    await page.waitForFunction(() => document.querySelector('input[name="slug"]')?.getAttribute('aria-invalid') === 'true');
    const helperId = await slug.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${helperId}"]`).textContent()).toMatch(/acme|slug|taken|exists/i);
    await e2e.screenshot(page, 'admin-tenant-create-taken-slug');
    expect(await e2e.app.count(`select count(*) as n from tenants where slug = 'acme'`)).toBe(1);
  });
});

describe('a tenant’s roles', () => {
  it('staff make a custom role for globex from the permission picker, change it, and delete it; each step is audited', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    const globexId = await e2e.app.tenantId('globex');
    await page.goto(`/admin/tenants/${encodeURIComponent(toGlobalId('Tenant', globexId))}/show`);
    const roles = page.getByRole('list', { name: 'Roles of Globex' });
    await roles.getByRole('listitem', { name: 'Role owner' }).waitFor();
    await page.getByRole('button', { name: 'New role' }).click();
    const dialog = page.getByRole('dialog', { name: 'New role' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Billing Desk');
    await dialog.getByText(/Lowercase letters, digits and "-"/).waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('billing-desk');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Answers billing questions');
    await dialog.getByRole('checkbox', { name: 'All of Tickets' }).check();
    await e2e.screenshot(page, 'admin-tenant-new-role');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await page.getByText('Role billing-desk created.').waitFor();
    const item = roles.getByRole('listitem', { name: 'Role billing-desk' });
    await item.getByText(/Tickets: .*read/).waitFor();
    const [row] = await e2e.app.sql<{ permissions: string[] }>(`select permissions from roles where tenant_id = ? and name = 'billing-desk'`, [globexId]);
    expect(row?.permissions).toEqual(['ticket:assign', 'ticket:comment', 'ticket:read', 'ticket:write']);

    await item.getByRole('button', { name: 'Edit the role billing-desk' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the role billing-desk' });
    await edit.getByRole('checkbox', { name: /ticket:assign/ }).uncheck();
    await edit.getByRole('button', { name: 'Save role' }).click();
    await page.getByText('Role billing-desk saved.').waitFor();
    await e2e.screenshot(page, 'admin-tenant-roles');

    await item.getByRole('button', { name: 'Delete the role billing-desk' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete role' }).click();
    await page.getByText('Role billing-desk deleted.').waitFor();
    await item.waitFor({ state: 'detached' });
    const audits = await e2e.app.sql<{ action: string }>(`select action from audit_logs where tenant_id = ? and action like 'role.%' order by created_at`, [globexId]);
    expect(audits.map((a) => a.action)).toEqual(['role.created', 'role.updated', 'role.deleted']);
  });
});

describe('a user’s access', () => {
  it('shows a user’s session; revoking all ends it, deactivating refuses sign-in, reactivating allows it again', async () => {
    // Mia signs in to the portal in her own browser, and once more through the API.
    const mia = await e2e.newPage();
    await portalLogin(mia, 'member@acme.test');
    const { refreshToken } = await e2e.app.login('member@acme.test', 'acme');
    const userId = await e2e.app.userId('member@acme.test');
    const openSessions = () => e2e.app.count(`select count(*) as n from sessions where user_id = ? and revoked_at is null`, [userId]);
    const before = await openSessions();
    expect(before).toBeGreaterThanOrEqual(2);

    const page = await e2e.newPage();
    await staffLogin(page);
    await openUser(page, 'member@acme.test', 'Mia Member');
    const sessions = page.getByRole('list', { name: 'Active sessions' });
    await sessions.getByText('Chrome on Linux').first().waitFor();
    expect(await sessions.getByRole('listitem').count()).toBe(before);
    expect(await page.getByText('Two-factor sign-in').count()).toBe(1);
    await page.getByRole('heading', { name: 'Memberships' }).waitFor();
    await page.getByText('Acme Corporation').first().waitFor();
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-user-page');

    // Revoke all: asked first, then told how many ended; her refresh token no longer works.
    await page.getByRole('button', { name: 'Revoke all sessions' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('Revoke all sessions of Mia Member?').waitFor();
    await e2e.screenshot(page, 'admin-user-revoke-confirm', { fullPage: false });
    await confirm.getByRole('button', { name: 'Revoke all' }).click();
    await page.getByText(`Revoked ${before} sessions of Mia Member.`).waitFor();
    await page.getByText('Not signed in anywhere.').waitFor();
    expect(await openSessions()).toBe(0);
    const refreshed = await e2e.app.gql('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: refreshToken });
    expect(refusalOf(refreshed).code).toBe('UNAUTHENTICATED');
    // Her browser is signed out at its next request.
    await mia.reload();
    await mia.waitForURL((u) => u.pathname.startsWith('/login'));

    // Deactivate: sign-in is refused with the reason.
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('Mia Member is deactivated and signed out everywhere.').waitFor();
    await page.getByText(/^Deactivated since .*: Mia Member cannot sign in\.$/).waitFor();
    await page.getByRole('button', { name: 'Reactivate' }).waitFor();
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-user-deactivated');
    const refused = await e2e.app.gql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email: 'member@acme.test', password: DEMO_PASSWORD, tenantSlug: 'acme' },
    });
    expect(refusalOf(refused)).toEqual({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_DEACTIVATED' });
    const [row] = await e2e.app.sql<{ disabled_at: Date | null }>('select disabled_at from users where id = ?', [userId]);
    expect(row?.disabled_at).not.toBeNull();

    // The users list says so too.
    await page.getByRole('link', { name: 'All users' }).click();
    await page.getByPlaceholder('Search name or email').fill('member@acme.test');
    const listed = page.locator('table tbody tr').filter({ hasText: 'member@acme.test' });
    await listed.getByText('Deactivated').waitFor();
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-users-status');
    await listed.click();

    // Reactivate: she can sign in again.
    await page.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click();
    await page.getByText('Mia Member is active again and can sign in.').waitFor();
    await page.getByRole('button', { name: 'Deactivate' }).waitFor();
    await expect(e2e.app.login('member@acme.test', 'acme')).resolves.toMatchObject({ accessToken: expect.any(String) });
    await portalLogin(mia, 'member@acme.test');

    // Each change is in the audit log, with the user as its target and the staff member as actor.
    const audits = await e2e.app.sql<{ action: string; actor: string }>(
      `select a.action, u.email as actor from audit_logs a join users u on u.id = a.actor_id where a.target_id = ? and a.action like 'user.%' order by a.created_at`,
      [Buffer.from(`User:${userId}`).toString('base64url')],
    );
    expect(audits).toEqual([
      { action: 'user.sessions_revoked', actor: 'staff@atrium.test' },
      { action: 'user.deactivated', actor: 'staff@atrium.test' },
      { action: 'user.reactivated', actor: 'staff@atrium.test' },
    ]);
  });

  it('shows compliance the user’s sessions but no buttons to change them', async () => {
    await e2e.app.login('viewer@acme.test', 'acme');
    const page = await e2e.newPage();
    await staffLogin(page, 'compliance@atrium.test');
    await openUser(page, 'viewer@acme.test', 'Victor Viewer');
    await page.getByRole('list', { name: 'Active sessions' }).getByRole('listitem').first().waitFor();
    expect(await page.getByRole('button', { name: 'Revoke all sessions' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
    // Nor creating tenants.
    await page.getByRole('menuitem', { name: 'Tenants' }).click();
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.getByRole('link', { name: 'Create tenant' }).count()).toBe(0);
  });
});

describe('two-factor sign-in', () => {
  it('asks staff with two-factor on for the code after the password; a wrong code is refused inline, a recovery code lets them in', async () => {
    const email = 'compliance@atrium.test';
    const { accessToken } = await e2e.app.login(email);
    const begun = await e2e.app.gql<{ beginTotpEnrollment: { secret: string } }>('mutation { beginTotpEnrollment { secret } }', {}, { token: accessToken });
    const totp = new TOTP({ secret: begun.data?.beginTotpEnrollment.secret ?? '', digits: 6, period: 30, algorithm: 'SHA1' });
    const confirmed = await e2e.app.gql<{ confirmTotpEnrollment: string[] }>('mutation($code: String!) { confirmTotpEnrollment(code: $code) }', { code: totp.generate() }, { token: accessToken });
    const recovery = confirmed.data?.confirmTotpEnrollment[0] ?? '';
    expect(recovery).not.toBe('');

    const page = await e2e.newPage();
    await page.goto('/admin/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('alert').getByText(/That code is not right/).waitFor();
    await e2e.screenshot(page, 'admin-login-two-factor');
    await page.getByLabel('Authentication code').fill(recovery);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { name: /Good to see you/ }).waitFor();
    // The recovery code is spent: the same code does not sign in twice.
    const reused = await e2e.app.gql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email, password: DEMO_PASSWORD, otp: recovery } });
    expect(refusalOf(reused).code).toBe('UNAUTHENTICATED');
  });
});
