import { type E2E, portalLogin, staffLogin, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('notifications in the portal', () => {
  it('an agent replies in one browser: the member sees the reply and the unread badge in another, without reloading, and opens the notification', async () => {
    const member = await e2e.app.login('member@acme.test');
    const made = await e2e.app.gql<{ createTicket: { id: string; number: number } }>(
      'mutation { createTicket(input: { subject: "Notify me: printer offline", body: "It says offline." }) { id number } }',
      {},
      { token: member.accessToken },
    );
    expect(made.errors).toBeUndefined();
    const ticket = made.data?.createTicket;
    const ticketPath = `/tickets/${encodeURIComponent(ticket?.id ?? '')}`;

    // The member has the ticket open; the agent, in another browser, opens it and replies.
    const page = await e2e.newPage();
    await portalLogin(page, 'member@acme.test', ticketPath);
    await page.getByRole('heading', { name: 'Notify me: printer offline' }).waitFor();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    const loads = { count: 0 };
    page.on('load', () => (loads.count += 1));

    const agentPage = await e2e.newPage();
    await portalLogin(agentPage, 'agent@acme.test', ticketPath);
    await agentPage.getByRole('heading', { name: 'Notify me: printer offline' }).waitFor();
    await agentPage.getByLabel('Add a comment').fill('Turn it off and on again, please.');
    await agentPage.getByRole('button', { name: 'Comment', exact: true }).click();
    await agentPage.getByRole('listitem', { name: /Comment by Ada Agent/ }).getByText('Turn it off and on again, please.').waitFor();

    // Live: the reply and the badge arrive over the WebSocket; the member's page never reloads.
    await page.getByRole('listitem', { name: /Comment by Ada Agent/ }).getByText('Turn it off and on again, please.').waitFor();
    const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    expect(loads.count).toBe(0);
    await e2e.screenshot(page, 'portal-live-reply-and-badge');
    await bell.click();
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    const item = dialog.getByRole('link', { name: new RegExp(`Unread: Ada Agent replied on #${ticket?.number}: Notify me: printer offline`) });
    await item.waitFor();
    await dialog.getByText('Turn it off and on again, please.').waitFor();
    await e2e.screenshot(page, 'portal-notifications-1366');

    await item.click();
    await page.waitForURL(`**${ticketPath}`);
    await page.getByRole('heading', { name: 'Notify me: printer offline' }).waitFor();
    await page.getByText('Turn it off and on again, please.').first().waitFor();
    // Opened means read: the badge is gone.
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();

    // On a phone the bell and its list fit the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Notifications', exact: true }).click();
    await dialog.getByRole('link', { name: new RegExp(`Ada Agent replied on #${ticket?.number}`) }).waitFor();
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width);
    await e2e.screenshot(page, 'portal-notifications-390');
  });

  it('staff have a bell in the back office too: an empty inbox says so', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    await page.getByRole('button', { name: 'Notifications', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    await dialog.getByText(/No notifications yet/).waitFor();
    await e2e.screenshot(page, 'admin-notifications-1366');
  });
});
