import type { Page } from 'playwright-core';
import { type E2E, portalLogin, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** The page does not scroll sideways at its current width. */
async function expectNoSideScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

describe('activity and the agents’ queue in the portal', () => {
  it('an owner follows a ticket’s request id to its chain: the ticket and its audit entry', async () => {
    const correlationId = 'e2e-trace-ticket-0001';
    const member = await e2e.app.login('member@acme.test');
    const made = await e2e.app.gql<{ createTicket: { id: string; number: number } }>(
      'mutation { createTicket(input: { subject: "Traced from the portal", body: "Follow my request id." }) { id number } }',
      {},
      { token: member.accessToken, headers: { 'X-Correlation-Id': correlationId } },
    );
    expect(made.errors).toBeUndefined();
    const ticket = made.data?.createTicket;

    const page = await e2e.newPage();
    await portalLogin(page, 'owner@acme.test', `/tickets/${encodeURIComponent(ticket?.id ?? '')}`);
    await page.getByRole('heading', { name: 'Traced from the portal' }).waitFor();
    await page.getByRole('link', { name: `Trace request ${correlationId}` }).click();
    await page.waitForURL(`**/trace/${correlationId}`);
    const chain = page.getByRole('list', { name: 'Request chain' });
    await chain.getByRole('listitem', { name: `Ticket: Ticket #${ticket?.number}: Traced from the portal` }).waitFor();
    const audit = chain.getByRole('listitem', { name: 'Audit: ticket.created (Ticket)' });
    await audit.getByText('By Mia Member').waitFor();
    await audit.getByRole('button', { name: 'Show changes' }).click();
    await audit.getByRole('table', { name: 'Changes' }).getByText('Traced from the portal').waitFor();
    expect(await chain.getByRole('listitem').count()).toBe(2);
    await e2e.screenshot(page, 'portal-trace-1366');

    // The audit entry links to the audit log filtered by the request id, where it opens to its diff.
    await audit.getByRole('link', { name: 'ticket.created (Ticket)' }).click();
    await page.waitForURL(/\/activity\/audit\?correlationId=/);
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.getByText('ticket.created').waitFor();
    await page.getByText('1 result', { exact: true }).waitFor();
    await e2e.screenshot(page, 'portal-audit-1366');

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSideScroll(page);
    await e2e.screenshot(page, 'portal-audit-390');
    await page.goBack();
    await chain.getByRole('listitem').first().waitFor();
    await expectNoSideScroll(page);
    await e2e.screenshot(page, 'portal-trace-390');

    // Messages and system events, on the phone too: each row's request id and outcome.
    await page.goto('/messages');
    await page.getByRole('table', { name: 'Inbound messages' }).getByRole('row').nth(1).waitFor();
    await expectNoSideScroll(page);
    await e2e.screenshot(page, 'portal-messages-390');
    await page.goto('/activity/events');
    await page.getByRole('table', { name: 'System events' }).getByRole('row').nth(1).waitFor();
    await expectNoSideScroll(page);
    await e2e.screenshot(page, 'portal-events-390');
  });

  it('an agent works the Unassigned view: assigns a ticket to self, it leaves Unassigned and shows in Mine', async () => {
    const member = await e2e.app.login('member@acme.test');
    const made = await e2e.app.gql<{ createTicket: { id: string; number: number } }>(
      'mutation { createTicket(input: { subject: "Queue: VPN drops every hour", body: "Since this morning." }) { id number } }',
      {},
      { token: member.accessToken },
    );
    expect(made.errors).toBeUndefined();
    const number = made.data?.createTicket.number;

    const page = await e2e.newPage();
    await portalLogin(page, 'agent@acme.test', '/tickets');
    await page.getByRole('tab', { name: 'Unassigned' }).click();
    await page.waitForURL(/view=unassigned/);
    const table = page.getByRole('table', { name: 'Tickets' });
    const row = table.getByRole('row').filter({ hasText: 'Queue: VPN drops every hour' });
    await row.waitFor();
    await e2e.screenshot(page, 'portal-queue-unassigned-1366');

    await row.getByRole('button', { name: `Assign #${number} to me` }).click();
    await page.getByText(`#${number} Queue: VPN drops every hour is assigned to you.`).waitFor();
    await row.waitFor({ state: 'detached' });
    const [saved] = await e2e.app.sql<{ email: string }>('select u.email from tickets t join users u on u.id = t.assignee_id where t.id = ?', [
      Buffer.from(made.data?.createTicket.id ?? '', 'base64').toString().split(':')[1],
    ]);
    expect(saved?.email).toBe('agent@acme.test');

    await page.getByRole('tab', { name: 'Mine' }).click();
    await page.waitForURL(/view=mine/);
    await row.waitFor();
    expect(await row.getByText('Yours').count()).toBe(1);
    await e2e.screenshot(page, 'portal-queue-mine-1366');

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSideScroll(page);
    await e2e.screenshot(page, 'portal-queue-mine-390');
  });
});
