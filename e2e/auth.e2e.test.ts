import { expect } from '@jest/globals';
import { type E2E, portalLogin, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('portal sign-in', () => {
  it('shows the login page to a signed-out visitor, refuses a wrong password, and signs a customer in', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    // waitFor (not isVisible, which does not wait): the login page renders after the redirect.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await e2e.screenshot(page, 'portal-login');

    await page.getByLabel('Email').fill('member@acme.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/email or password/i);
    await e2e.screenshot(page, 'portal-login-error');

    await portalLogin(page, 'member@acme.test');
    await page.getByRole('heading', { name: /, Mia/ }).waitFor();
    expect(await page.getByText('Acme Corporation').first().isVisible()).toBe(true);
    await e2e.screenshot(page, 'portal-dashboard');

    // A reload keeps the session: the refresh token in localStorage brings a new access token.
    await page.reload();
    await page.getByRole('heading', { name: /, Mia/ }).waitFor();
  });
});
