import { type E2E, eventuallyEqual, portalLogin, staffLogin, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('the support loop', () => {
  it('staff reply as Atrium support and add an internal note; the customer sees the reply, never the note', async () => {
    const member = await e2e.app.login('member@acme.test');
    const made = await e2e.app.gql<{ createTicket: { id: string } }>(
      'mutation { createTicket(input: { subject: "Invoice shows the wrong VAT", body: "The November invoice has 19% instead of 20%." }) { id } }',
      {},
      { token: member.accessToken },
    );
    expect(made.errors).toBeUndefined();
    const ticketId = made.data?.createTicket.id ?? '';

    const page = await e2e.newPage();
    await staffLogin(page);
    await page.goto(`/admin/tickets/${encodeURIComponent(ticketId)}/show`);
    await page.getByRole('heading', { name: 'Invoice shows the wrong VAT' }).waitFor();

    // A reply to the customer.
    await page.getByRole('textbox', { name: 'Reply as Atrium support' }).fill('Thanks, we are correcting the invoice today.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Reply sent as Atrium support.').waitFor();
    await page.getByRole('listitem', { name: 'Comment by Sam Staff' }).waitFor();

    // An internal note, clearly marked while it is written.
    await page.getByRole('button', { name: 'Internal note' }).click();
    await page.getByText('Internal note — customers don’t see this').or(page.getByText("Internal note — customers don't see this")).waitFor();
    await page.getByRole('textbox', { name: 'Internal note' }).fill('Billing bug BIL-42: VAT table stale for acme.');
    await e2e.screenshot(page, 'admin-ticket-internal-note-form');
    await page.getByRole('button', { name: 'Add internal note' }).click();
    const note = page.getByRole('listitem', { name: 'Internal note by Sam Staff' });
    await note.waitFor();
    await note.getByText('Internal note').waitFor();
    await e2e.screenshot(page, 'admin-ticket-support-loop');

    const stored = await e2e.app.sql<{ internal: boolean; from_support: boolean }>(
      `select c.internal, c.from_support from ticket_comments c where c.ticket_id = ? order by c.created_at, c.id`,
      [Buffer.from(ticketId, 'base64url').toString('utf8').split(':')[1]],
    );
    expect(stored).toEqual([
      { internal: false, from_support: true },
      { internal: true, from_support: true },
    ]);

    // The customer: the reply from "Atrium support", no note, no toggle, and the count says 1.
    const portal = await e2e.newPage();
    await portalLogin(portal, 'member@acme.test', `/tickets/${encodeURIComponent(ticketId)}`);
    await portal.getByRole('heading', { name: /Invoice shows the wrong VAT/ }).waitFor();
    const reply = portal.getByRole('listitem', { name: 'Comment by Atrium support' });
    await reply.getByText('Thanks, we are correcting the invoice today.').waitFor();
    await portal.getByRole('heading', { name: 'Conversation (1)' }).waitFor();
    expect(await portal.getByText('BIL-42').count()).toBe(0);
    expect(await portal.getByText('Sam Staff').count()).toBe(0);
    expect(await portal.getByRole('switch', { name: 'Internal note' }).count()).toBe(0);
    await e2e.screenshot(portal, 'portal-ticket-support-reply');

    // The tenant's agent sees the note, marked (staff show as "Atrium support" outside the back office), and may write one.
    const agent = await e2e.newPage();
    await portalLogin(agent, 'agent@acme.test', `/tickets/${encodeURIComponent(ticketId)}`);
    await agent.getByRole('listitem', { name: 'Internal note by Atrium support' }).getByText('BIL-42', { exact: false }).waitFor();
    await agent.getByRole('switch', { name: 'Internal note' }).check();
    await agent.getByRole('textbox', { name: 'Add an internal note' }).fill('Told finance.');
    await agent.getByRole('button', { name: 'Add note' }).click();
    await agent.getByRole('listitem', { name: 'Internal note by Ada Agent' }).waitFor();
    await e2e.screenshot(agent, 'portal-ticket-agent-notes');
  });
});

describe('runs in the back office', () => {
  it('staff find a failed run, open it from the keyboard and retry it after confirming', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    await page.getByRole('menuitem', { name: 'Runs' }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    await page.goto(`/admin/runs?filter=${encodeURIComponent(JSON.stringify({ status: ['FAILED'] }))}`);
    const firstLink = page.locator('table tbody tr').first().locator('a[href*="/admin/runs/"]');
    await firstLink.waitFor();
    await e2e.screenshot(page, 'admin-runs-failed');

    // The first row's link opens from the keyboard.
    await firstLink.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/runs\/[^/]+\/show/);
    const gid = decodeURIComponent(new URL(page.url()).pathname.split('/')[3] ?? '');
    const runId = Buffer.from(gid, 'base64url').toString('utf8').split(':')[1] ?? '';
    const [failed] = await e2e.app.sql<{ status: string; tool: string }>(
      'select r.status, t.name as tool from automation_runs r join tools t on t.id = r.tool_id where r.id = ?',
      [runId],
    );
    expect(failed?.status).toBe('FAILED');
    await page.getByRole('heading', { name: `Run of ${failed?.tool}` }).waitFor();
    await page.getByLabel('Input', { exact: true }).waitFor();
    await page.getByRole('table', { name: 'Events' }).waitFor();
    await page.getByRole('button', { name: 'Retry run' }).click();
    await page.getByRole('dialog').getByText(/counts towards their quota/).waitFor();
    await e2e.screenshot(page, 'admin-run-retry-confirm', { fullPage: false });
    await page.getByRole('dialog').getByRole('button', { name: 'Retry' }).click();
    await page.getByText('Retry queued.').waitFor();

    await eventuallyEqual(() => e2e.app.count('select count(*) as n from automation_runs where retry_of_id = ?', [runId]), 1);
    expect(await e2e.app.count(`select count(*) as n from audit_logs where action = 'run.retried' and target_id = ?`, [gid])).toBe(1);
    await e2e.screenshot(page, 'admin-run-page');

    // At 390 px the list becomes cards, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin/runs');
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    await page.locator('a[href*="/admin/runs/"]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await e2e.screenshot(page, 'admin-runs-390');
  });
});
