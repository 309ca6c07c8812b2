import { type E2E, portalLogin, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('portal session', () => {
  it('sends a signed-out visitor to the login page and back to the page they wanted', async () => {
    const page = await e2e.newPage();
    await page.goto('/tickets?status=PENDING&sort=priority.desc');
    await page.waitForURL('**/login?next=*');
    await portalLogin(page, 'member@acme.test', '/tickets?status=PENDING&sort=priority.desc');
    await page.waitForURL('**/tickets?status=PENDING&sort=priority.desc');
    await page.getByRole('table', { name: 'Tickets' }).waitFor();
  });

  it('lists active sessions; revoking one signs that browser out cleanly, keeping where it was', async () => {
    const other = await e2e.newPage();
    await portalLogin(other, 'owner@acme.test', '/tickets');
    await other.getByRole('table', { name: 'Tickets' }).waitFor();

    const page = await e2e.newPage();
    await portalLogin(page, 'owner@acme.test', '/account');
    const sessions = page.getByRole('list', { name: 'Active sessions' });
    await sessions.getByText('This browser').waitFor();
    expect(await sessions.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    await e2e.screenshot(page, 'portal-account');
    const before = await sessions.getByRole('listitem').count();
    await sessions.getByRole('button', { name: /^Sign out/ }).first().click();
    await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Active sessions"] li').length === n - 1, before);

    // The other browser's next request is refused, its refresh too: it lands on the login page,
    // told why, with the page it was on kept for after the sign-in.
    await other.getByRole('link', { name: 'Account' }).click();
    await other.waitForURL('**/login?next=*');
    await other.getByText('Sign in again to continue where you left off').waitFor();
    await e2e.screenshot(other, 'portal-session-ended');
    expect(await other.evaluate(() => localStorage.getItem('atrium.portal.session'))).toBeNull();
  });

  it('lets a user with several organisations switch between them', async () => {
    const page = await e2e.newPage();
    await portalLogin(page, 'owner@globex.test');
    await page.getByRole('heading', { name: /Gloria/ }).waitFor();
    await page.getByRole('button', { name: /Switch organisation/ }).click();
    await e2e.screenshot(page, 'portal-tenant-switcher', { fullPage: false });
    await page.getByRole('menuitem', { name: /Acme Corporation/ }).click();
    await page.getByRole('button', { name: /Organisation: Acme Corporation/ }).waitFor();
    // The dashboard now speaks for the organisation switched to.
    await page.getByText(/^Acme Corporation at a glance/).waitFor();
  });
});
