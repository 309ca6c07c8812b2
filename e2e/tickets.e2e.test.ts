import { type E2E, portalLogin, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const countTickets = async (slug: string) =>
  e2e.app.count(`select count(*) as n from tickets t join tenants te on te.id = t.tenant_id where te.slug = ?`, [slug]);

describe('tickets in the portal', () => {
  it('a customer sees only their tenant’s tickets, creates one, opens it and comments', async () => {
    // A ticket only Globex can see, to prove it never reaches an Acme member.
    const globex = await e2e.app.login('owner@globex.test', 'globex');
    const made = await e2e.app.gql('mutation { createTicket(input: { subject: "Globex-only roadmap question", body: "Internal." }) { id } }', {}, { token: globex.accessToken });
    expect(made.errors).toBeUndefined();

    const page = await e2e.newPage();
    await portalLogin(page, 'member@acme.test', '/tickets');
    const table = page.getByRole('table', { name: 'Tickets' });
    await table.getByRole('link').first().waitFor();
    const acme = await countTickets('acme');
    await page.getByText(`${acme} results`).waitFor();
    expect(acme).toBeLessThan(acme + (await countTickets('globex')));
    await e2e.screenshot(page, 'portal-tickets-list');

    await page.getByLabel('Search tickets').fill('Globex-only');
    await page.getByLabel('Search tickets').press('Enter');
    await page.getByText('No tickets match these filters').waitFor();

    // Filters live in the URL: a reload shows the same page.
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.waitForURL(/status=OPEN/);
    await page.reload();
    await table.getByRole('link').first().waitFor();
    expect(await page.getByRole('button', { name: 'Open', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const openCount = await e2e.app.count(`select count(*) as n from tickets t join tenants te on te.id = t.tenant_id where te.slug = 'acme' and t.status = 'OPEN'`);
    await page.getByText(`${openCount} results`).waitFor();
    await e2e.screenshot(page, 'portal-tickets-filtered');

    // Create: validation first, then a real ticket.
    await page.getByRole('link', { name: 'New ticket' }).click();
    await page.waitForURL('**/tickets/new');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.getByText('Give the ticket a subject.').waitFor();
    await page.getByText('Describe the problem.').waitFor();
    await e2e.screenshot(page, 'portal-ticket-create-validation');
    await page.getByLabel('Subject').fill('Invoice PDF shows the wrong company address');
    await page.getByLabel('Description').fill('Since Monday every invoice PDF shows our old address.\n\nSteps: open Billing, download any invoice.');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.getByRole('heading', { name: 'Invoice PDF shows the wrong company address' }).waitFor();
    await e2e.screenshot(page, 'portal-ticket-detail');

    await page.getByLabel('Add a comment').fill('It also affects credit notes.');
    await page.getByRole('button', { name: 'Comment' }).click();
    await page.getByRole('listitem', { name: 'Comment by Mia Member' }).getByText('It also affects credit notes.').waitFor();
    await e2e.screenshot(page, 'portal-ticket-commented');

    const [row] = await e2e.app.sql<{ requester: string; comments: string }>(
      `select u.email as requester, (select count(*) from ticket_comments c where c.ticket_id = t.id) as comments
         from tickets t join users u on u.id = t.requester_id where t.subject = 'Invoice PDF shows the wrong company address'`,
    );
    expect(row).toEqual({ requester: 'member@acme.test', comments: '1' });
  });

  it('a viewer is not offered the create action, and the server refuses it anyway', async () => {
    const page = await e2e.newPage();
    await portalLogin(page, 'viewer@acme.test', '/tickets');
    await page.getByRole('table', { name: 'Tickets' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('link', { name: 'New ticket' }).count()).toBe(0);

    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).fill('ticket');
    await page.getByRole('option', { name: 'Tickets', exact: true }).waitFor();
    expect(await page.getByRole('option', { name: 'New ticket' }).count()).toBe(0);
    await e2e.screenshot(page, 'portal-viewer-palette', { fullPage: false });
    await page.keyboard.press('Escape');

    await page.goto('/tickets/new');
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    expect(await page.getByText('Raising tickets is not available to your role').isVisible()).toBe(true);
    await e2e.screenshot(page, 'portal-viewer-not-allowed');

    const viewer = await e2e.app.login('viewer@acme.test');
    const res = await e2e.app.gql('mutation { createTicket(input: { subject: "Should not exist", body: "Viewer" }) { id } }', {}, { token: viewer.accessToken });
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await e2e.app.count(`select count(*) as n from tickets where subject = 'Should not exist'`)).toBe(0);
  });

  it('a change on a stale version tells the user someone else changed the ticket and offers a reload', async () => {
    const page = await e2e.newPage();
    await portalLogin(page, 'agent@acme.test', '/tickets');
    // The subject link exists only once real rows replace the loading skeleton.
    await page.getByRole('table', { name: 'Tickets' }).getByRole('link').first().click();
    await page.waitForURL(/\/tickets\/[^/]+$/);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByLabel('Priority').waitFor();

    // Someone else changes the ticket behind the page's back: its live socket is cut off (as while
    // it reconnects), else the change would arrive live with its new version and not conflict.
    await page.routeWebSocket(/\/graphql$/, () => undefined);
    await page.reload();
    await page.getByLabel('Priority').waitFor();
    const agent = await e2e.app.login('admin@acme.test');
    const current = await e2e.app.gql<{ ticket: { version: number } }>('query($id: ID!) { ticket(id: $id) { version } }', { id }, { token: agent.accessToken });
    const changed = await e2e.app.gql(
      'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { status } }',
      { input: { id, version: current.data?.ticket.version, status: 'PENDING' } },
      { token: agent.accessToken },
    );
    expect(changed.errors).toBeUndefined();

    await page.getByLabel('Priority').click();
    await page.getByRole('option', { name: 'Urgent' }).click();
    await page.getByText('Someone else changed this ticket since you opened it').waitFor();
    await e2e.screenshot(page, 'portal-ticket-conflict');
    await page.getByRole('button', { name: 'Reload ticket' }).click();
    await page.getByText('Someone else changed this ticket since you opened it').waitFor({ state: 'detached' });
    expect(await page.getByLabel('Status').textContent()).toContain('Pending');
  });

  it('on a phone, a menu button opens the navigation, which closes once a page is chosen', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await portalLogin(page, 'member@acme.test', '/account');
    const menu = page.getByRole('button', { name: 'Open menu' });
    await menu.click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Tickets' }).waitFor();
    await e2e.screenshot(page, 'portal-mobile-menu', { fullPage: false });
    await nav.getByRole('link', { name: 'Tickets' }).click();
    await page.waitForURL(/\/tickets$/);
    await nav.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('table', { name: 'Tickets' }).getByRole('link').first().waitFor();
    await e2e.screenshot(page, 'portal-mobile-tickets', { fullPage: false });

    // A ticket's long title stays on one line of the top bar (ellipsis), not two.
    await page.getByRole('table', { name: 'Tickets' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Conversation/ }).waitFor();
    const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
    const crumbs = await trail.boundingBox();
    expect(crumbs?.height).toBeLessThan(32);
    // On a phone the trail is the way back alone, not "Tickets > ·" with the title squeezed out.
    expect((await trail.innerText()).trim()).toBe('Tickets');
    expect(await trail.getByRole('link', { name: 'Tickets' }).isVisible()).toBe(true);
    await e2e.screenshot(page, 'portal-mobile-ticket', { fullPage: false });

    // From a tablet up the whole trail shows, and fits beside the search button: the ticket's
    // title shortens, the crumbs before it do not run under the button.
    for (const width of [600, 900, 1200]) {
      await page.setViewportSize({ width, height: 844 });
      const fits = await trail.evaluate((nav) => {
        const ol = nav.querySelector('ol');
        return Boolean(ol) && (ol as HTMLElement).scrollWidth <= nav.clientWidth + 1;
      });
      expect({ width, fits }).toEqual({ width, fits: true });
      expect({ width, back: await trail.getByRole('link', { name: 'Tickets' }).isVisible() }).toEqual({ width, back: true });
    }
    expect((await trail.innerText()).replace(/\s+/g, ' ')).toMatch(/^Home Tickets #\d+ /);
  });

  it('a long conversation shows the newest comments and loads earlier ones on demand', async () => {
    const member = await e2e.app.login('member@acme.test');
    const made = await e2e.app.gql<{ createTicket: { id: string } }>(
      'mutation { createTicket(input: { subject: "Long thread about CSV exports", body: "Many replies." }) { id } }',
      {},
      { token: member.accessToken },
    );
    const id = made.data!.createTicket.id;
    for (let i = 1; i <= 35; i++) {
      const res = await e2e.app.gql('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: id, body: `Reply number ${i}` } }, { token: member.accessToken });
      expect(res.errors).toBeUndefined();
    }

    const page = await e2e.newPage();
    await portalLogin(page, 'member@acme.test', `/tickets/${encodeURIComponent(id)}`);
    const items = page.getByRole('listitem', { name: /^Comment by / });
    await page.getByText('Reply number 35', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Conversation (35)' }).waitFor();
    expect(await items.count()).toBe(30);
    expect(await page.getByText('Reply number 5', { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Show earlier comments (5)' }).click();
    await page.getByText('Reply number 1', { exact: true }).waitFor();
    expect(await items.count()).toBe(35);
    expect(await items.first().textContent()).toContain('Reply number 1');
    expect(await items.last().textContent()).toContain('Reply number 35');
    expect(await page.getByRole('button', { name: /Show earlier comments/ }).count()).toBe(0);

    // A new comment joins the thread as it is shown: the earlier ones loaded stay.
    await page.getByLabel('Add a comment').fill('Reply number 36');
    await page.getByRole('button', { name: 'Comment' }).click();
    await page.getByRole('heading', { name: 'Conversation (36)' }).waitFor();
    await page.getByText('Reply number 36', { exact: true }).waitFor();
    expect(await items.count()).toBe(36);
    expect(await items.first().textContent()).toContain('Reply number 1');
    expect(await page.getByLabel('Add a comment').inputValue()).toBe('');
  });

  it('the command palette finds tickets by their text and opens one, only within the tenant', async () => {
    const page = await e2e.newPage();
    await portalLogin(page, 'member@acme.test', '/');
    // The shortcut is live once the layout shows the palette's button (the flag is on).
    await page.getByRole('button', { name: 'Open command palette' }).waitFor();
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Command' });
    await input.fill('export invoices');
    // The seed repeats subjects, and bodies match too: up to six tickets, all of them acme's matches.
    const found = page.getByRole('option', { name: /Cannot export invoices to CSV/ });
    await found.first().waitFor();
    const matches = await e2e.app.count(
      `select count(*) as n from tickets t join tenants te on te.id = t.tenant_id where te.slug = 'acme' and (t.subject ilike '%export invoices%' or t.body ilike '%export invoices%')`,
    );
    expect(await page.getByRole('option', { name: /^#\d+ / }).count()).toBe(Math.min(matches, 6));
    await e2e.screenshot(page, 'portal-palette-tickets', { fullPage: false });
    await found.first().click();
    await page.getByRole('heading', { name: 'Cannot export invoices to CSV' }).waitFor();

    // Another tenant's ticket is never offered.
    const globex = await e2e.app.login('owner@globex.test', 'globex');
    const made = await e2e.app.gql('mutation { createTicket(input: { subject: "Globex palette secret", body: "Internal." }) { id } }', {}, { token: globex.accessToken });
    expect(made.errors).toBeUndefined();
    await page.keyboard.press('Control+k');
    await input.fill('palette secret');
    await page.getByText('No matching commands.').waitFor();
    expect(await page.getByRole('option', { name: /Globex palette secret/ }).count()).toBe(0);
  });
});
