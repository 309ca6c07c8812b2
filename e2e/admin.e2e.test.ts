import { type Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../server/src/seeders/demo.seeder';
import { DEMO_PASSWORD, type E2E, eventuallyEqual, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function adminLogin(page: Page, email: string): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function staffLogin(page: Page, email = 'staff@atrium.test'): Promise<void> {
  await adminLogin(page, email);
  await page.getByRole('heading', { name: /Good to see you/ }).waitFor();
}

/** The database id inside a global id (base64url "Type:uuid"). */
const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1] ?? '';

/** The record id in a react-admin URL: /admin/<resource>/<id>[/show]. */
const idInUrl = (page: Page, resource: string) => new URL(page.url()).pathname.split('/')[3] ?? `no ${resource} id in ${page.url()}`;

const rows = (page: Page) => page.locator('table tbody tr');

async function filterTicketsByTenant(page: Page, tenantName: string): Promise<void> {
  const tenant = page.getByRole('combobox', { name: 'Tenant' });
  await tenant.click();
  await tenant.fill(tenantName.slice(0, 3));
  await page.getByRole('option', { name: tenantName }).click();
  await page.waitForURL((u) => u.search.includes('tenantId'));
}

describe('back office sign-in', () => {
  it('refuses a customer account with a clear message and keeps no session', async () => {
    const page = await e2e.newPage();
    await adminLogin(page, 'member@acme.test');
    const alert = page.getByRole('alert');
    await alert.getByText('The back office is for Atrium staff only').waitFor();
    await e2e.screenshot(page, 'admin-customer-refused');
    expect(page.url()).toContain('/admin/');
    expect(await page.getByLabel('Email').isVisible()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('atrium.admin.session'))).toBeNull();
    // The session the sign-in created was ended on the server too, not just forgotten.
    const [open] = await e2e.app.sql<{ n: string }>(
      `select count(*) as n from sessions s join users u on u.id = s.user_id where u.email = 'member@acme.test' and s.revoked_at is null`,
    );
    expect(Number(open?.n)).toBe(0);
    // Nothing behind the login page opens for them either.
    await page.goto('/admin/tickets');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('admits platform staff to an overview of every tenant', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    await page.getByText('Needs attention').waitFor();
    await page.getByLabel(/^Tenants: 2$/).waitFor();
    await page.getByLabel(new RegExp(`^Users: ${DEMO_ACCOUNTS.length}$`)).waitFor();
    await e2e.screenshot(page, 'admin-dashboard');
  });
});

describe('tickets', () => {
  it('filters tickets by tenant, changes a status, and finds the audit entry for it', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    await page.getByRole('menuitem', { name: 'Tickets' }).click();
    await page.getByText('1-25 of 75').waitFor();
    await e2e.screenshot(page, 'admin-tickets');

    // Tickets of one tenant only: 15 of Globex's, none of Acme's.
    await filterTicketsByTenant(page, 'Globex Inc.');
    await page.getByText('1-15 of 15').waitFor();
    expect(await rows(page).count()).toBe(15);
    expect(await rows(page).filter({ hasText: 'Globex Inc.' }).count()).toBe(15);
    expect(await rows(page).filter({ hasText: 'Acme Corporation' }).count()).toBe(0);
    await e2e.screenshot(page, 'admin-tickets-globex');

    // Open the newest one and change its status.
    await rows(page).first().click();
    await page.getByText(/Steps: open the page/).waitFor();
    const ticketId = idInUrl(page, 'ticket');
    const [before] = await e2e.app.sql<{ status: string; tenant: string }>('select t.status, n.slug as tenant from tickets t join tenants n on n.id = t.tenant_id where t.id = ?', [uuidOf(ticketId)]);
    expect(before?.tenant).toBe('globex');
    const next = before?.status === 'RESOLVED' ? { value: 'CLOSED', label: 'Closed' } : { value: 'RESOLVED', label: 'Resolved' };
    await e2e.screenshot(page, 'admin-ticket-show');

    await page.getByRole('link', { name: 'Edit ticket' }).click();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: next.label }).click();
    await e2e.screenshot(page, 'admin-ticket-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/^Ticket #\d+ saved\.$/).waitFor();
    await page.waitForURL((u) => u.pathname.endsWith('/show'));
    // The ticket page says so, and its history shows the change.
    const history = page.locator('li').filter({ hasText: `status: ${before?.status} → ${next.value}` });
    await history.waitFor();
    expect(await history.getByText('Sam Staff').count()).toBe(1);
    const [after] = await e2e.app.sql<{ status: string }>('select status from tickets where id = ?', [uuidOf(ticketId)]);
    expect(after?.status).toBe(next.value);

    // The audit log, filtered by action and target, has exactly that entry.
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.getByLabel('Action').fill('ticket.updated');
    // Filters apply after a short debounce; let this one land before adding the next.
    await page.waitForURL((u) => decodeURIComponent(u.search).includes('ticket.updated'));
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Target id' }).click();
    await page.getByLabel('Target id').fill(ticketId);
    await page.waitForURL((u) => decodeURIComponent(u.search).includes(ticketId));
    await page.getByText('1-1 of 1').waitFor();
    const entry = rows(page).first();
    expect(await entry.textContent()).toContain(`status: ${before?.status} → ${next.value}`);
    expect(await entry.textContent()).toContain('Sam Staff');
    expect(await entry.textContent()).toContain('Globex Inc.');
    await e2e.screenshot(page, 'admin-audit-filtered');
    await entry.click();
    await page.getByRole('heading', { name: 'Ticket updated' }).waitFor();
    const changes = page.getByRole('table', { name: 'Changes' });
    expect(await changes.getByRole('row', { name: new RegExp(`status\\s*${before?.status}\\s*${next.value}`) }).count()).toBe(1);
    await e2e.screenshot(page, 'admin-audit-entry');

    const [audit] = await e2e.app.sql<{ n: string }>(
      `select count(*) as n from audit_logs where action = 'ticket.updated' and target_id = ? and diff->'after'->>'status' = ?`,
      [ticketId, next.value],
    );
    expect(Number(audit?.n)).toBe(1);
  });

  it('shows the server’s validation message next to the field', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    const [ticket] = await e2e.app.sql<{ id: string; subject: string }>(`select id, subject from tickets order by created_at desc limit 1`);
    const globalId = Buffer.from(`Ticket:${ticket?.id}`).toString('base64url');
    await page.goto(`/admin/tickets/${globalId}`);
    const subject = page.getByLabel('Subject');
    await subject.fill('ab');
    await page.getByRole('button', { name: 'Save changes' }).click();
    // The server's message for the field is the field's own helper text (what the input is described by).
    await page.getByText('Subject must be between 3 and 200 characters.', { exact: true }).waitFor();
    const helperId = await subject.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${helperId}"]`).textContent()).toBe('Subject must be between 3 and 200 characters.');
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    await e2e.screenshot(page, 'admin-ticket-validation');
    const [unchanged] = await e2e.app.sql<{ subject: string }>('select subject from tickets where id = ?', [ticket?.id]);
    expect(unchanged?.subject).toBe(ticket?.subject);
  });

  it('reports a stale edit instead of overwriting someone else’s change', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    const [ticket] = await e2e.app.sql<{ id: string; version: number; priority: number }>(
      `select t.id, t.version, t.priority from tickets t join tenants n on n.id = t.tenant_id where n.slug = 'acme' order by t.created_at asc limit 1`,
    );
    const globalId = Buffer.from(`Ticket:${ticket?.id}`).toString('base64url');
    await page.goto(`/admin/tickets/${globalId}`);
    await page.getByRole('combobox', { name: 'Priority' }).waitFor();

    // Someone else saves first.
    const { accessToken } = await e2e.app.login('agent@acme.test', 'acme');
    const res = await e2e.app.gql(`mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { version } }`, { input: { id: globalId, version: ticket?.version, subject: 'Changed elsewhere meanwhile' } }, { token: accessToken });
    expect(res.errors).toBeUndefined();

    // A priority it does not have, so the save has something to send.
    const target = ticket?.priority === 3 ? { label: 'Low', value: 0 } : { label: 'Urgent', value: 3 };
    await page.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: target.label }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Someone else changed this ticket since you loaded it').waitFor();
    await e2e.screenshot(page, 'admin-ticket-conflict');
    const [row] = await e2e.app.sql<{ subject: string; priority: number }>('select subject, priority from tickets where id = ?', [ticket?.id]);
    expect(row).toEqual({ subject: 'Changed elsewhere meanwhile', priority: ticket?.priority });

    // Loading the latest version shows the other change; saving again then works.
    await page.getByRole('button', { name: 'Load latest' }).click();
    await page.getByText('You are editing a ticket of').waitFor();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="subject"]')?.value === 'Changed elsewhere meanwhile');
    await page.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: target.label }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/^Ticket #\d+ saved\.$/).waitFor();
    const [saved] = await e2e.app.sql<{ subject: string; priority: number }>('select subject, priority from tickets where id = ?', [ticket?.id]);
    expect(saved).toEqual({ subject: 'Changed elsewhere meanwhile', priority: target.value });
  });
});

describe('memberships and feature flags', () => {
  it('changes a member’s role, and turns a flag on for one tenant', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);

    // A custom role nobody holds yet is offered too: the picker lists the tenant's roles.
    const owner = await e2e.app.login('owner@acme.test');
    const created = await e2e.app.gql('mutation { createRole(input: { name: "billing-clerk", permissions: ["ticket:read"] }) { id } }', {}, { token: owner.accessToken });
    expect(created.errors).toBeUndefined();

    await page.getByRole('menuitem', { name: 'Memberships' }).click();
    await rows(page).filter({ hasText: 'Victor Viewer' }).click();
    await page.getByRole('radio', { name: /^billing-clerk/ }).waitFor();
    await page.getByRole('radio', { name: /^agent/ }).check();
    await e2e.screenshot(page, 'admin-membership-edit');
    await page.getByRole('button', { name: 'Change role' }).click();
    await page.getByText('Victor Viewer is now agent at Acme Corporation.').waitFor();
    expect(await rows(page).filter({ hasText: 'Victor Viewer' }).textContent()).toContain('Agent');
    const [membership] = await e2e.app.sql<{ role: string }>(
      `select r.name as role from memberships m join roles r on r.id = m.role_id join users u on u.id = m.user_id where u.email = 'viewer@acme.test'`,
    );
    expect(membership?.role).toBe('agent');
    const audits = await e2e.app.sql(`select action, diff::text from audit_logs where action like 'membership.%' order by created_at`);
    expect(audits.filter((a) => a.action === 'membership.role_changed' && String(a.diff).includes('"agent"'))).toHaveLength(1);

    await page.getByRole('menuitem', { name: 'Feature flags' }).click();
    await rows(page).filter({ hasText: 'tickets.satisfaction-survey' }).click();
    await page.getByRole('button', { name: 'Add a tenant override' }).click();
    const tenant = page.getByRole('combobox', { name: 'Tenant' }).last();
    await tenant.click();
    await tenant.fill('Glo');
    await page.getByRole('option', { name: 'Globex Inc.' }).click();
    await e2e.screenshot(page, 'admin-flag-edit');
    await page.getByRole('button', { name: 'Save flag' }).click();
    await page.getByText('tickets.satisfaction-survey saved.').waitFor();
    const overrides = page.getByRole('table', { name: 'Tenant overrides' });
    // The show page loads after the save: wait for the row before counting (count() does not wait).
    await overrides.getByRole('row', { name: /Globex Inc\.\s*On/ }).first().waitFor();
    expect(await overrides.getByRole('row', { name: /Globex Inc\.\s*On/ }).count()).toBe(1);
    await e2e.screenshot(page, 'admin-flag-show');
    const [override] = await e2e.app.sql<{ enabled: boolean }>(
      `select o.enabled from feature_flag_overrides o join feature_flags f on f.id = o.flag_id join tenants t on t.id = o.tenant_id where f.key = 'tickets.satisfaction-survey' and t.slug = 'globex'`,
    );
    expect(override?.enabled).toBe(true);
  });
});

describe('staff roles', () => {
  it('hides what a compliance officer cannot do: no ticket edits, role changes or flag changes', async () => {
    // compliance@atrium.test is a demo account (StaffRole.COMPLIANCE).
    const page = await e2e.newPage();
    await staffLogin(page, 'compliance@atrium.test');
    await page.getByText('Compliance', { exact: true }).first().waitFor();

    await page.getByRole('menuitem', { name: 'Tickets' }).click();
    await page.getByText('1-25 of 75').waitFor();
    await rows(page).first().click();
    await page.getByRole('heading', { name: 'Conversation' }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit ticket' }).count()).toBe(0);

    await page.getByRole('menuitem', { name: 'Tenants' }).click();
    await rows(page).filter({ hasText: 'Acme Corporation' }).click();
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    await page.getByText('owner@acme.test').waitFor();
    expect(await page.getByRole('link', { name: 'Change role' }).count()).toBe(0);

    await page.getByRole('menuitem', { name: 'Feature flags' }).click();
    await rows(page).filter({ hasText: 'portal.command-palette' }).waitFor();
    expect(await page.getByRole('link', { name: 'New flag' }).count()).toBe(0);
    // Rows open the flag's page, not its edit form.
    await rows(page).filter({ hasText: 'portal.command-palette' }).click();
    await page.getByRole('heading', { name: 'Tenant overrides' }).waitFor();
    expect(page.url()).toMatch(/\/show$/);
    expect(await page.getByRole('link', { name: 'Edit flag' }).count()).toBe(0);
    await page.goBack();
    await rows(page).filter({ hasText: 'portal.command-palette' }).waitFor();
    await e2e.screenshot(page, 'admin-compliance-flags');

    // The edit page itself is closed too, not just its button.
    const [ticket] = await e2e.app.sql<{ id: string }>(`select id from tickets limit 1`);
    await page.goto(`/admin/tickets/${Buffer.from(`Ticket:${ticket?.id}`).toString('base64url')}`);
    await page.getByText("You don't have the right permissions to access this page").waitFor();
  });
});

describe('lists', () => {
  it('sorts users by name on the server, both ways, and keeps the sort in the URL', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await rows(page).first().waitFor();
    const byName = (await e2e.app.sql<{ name: string }>('select name from users order by name asc, id asc')).map((r) => r.name);
    // The first cell shows the avatar's initials, then the name, then the email.
    const firstCells = async () => (await rows(page).locator('td:first-child').allInnerTexts()).map((text) => text.split('\n').map((l) => l.trim()).filter(Boolean)[1]);

    await page.locator('thead').getByText('User', { exact: true }).click();
    await page.waitForURL((u) => u.search.includes('sort=name') && u.search.includes('order=ASC'));
    await eventuallyEqual(firstCells, byName);

    await page.locator('thead').getByText('User', { exact: true }).click();
    await page.waitForURL((u) => u.search.includes('order=DESC'));
    await eventuallyEqual(firstCells, [...byName].reverse());
    await page.mouse.move(0, 0); // no sort tooltip over the first row
    await e2e.screenshot(page, 'admin-users-sorted');

    await page.reload();
    await eventuallyEqual(firstCells, [...byName].reverse());
  });
});
