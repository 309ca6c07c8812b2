import type { Locator, Page } from 'playwright-core';
import { type E2E, eventuallyEqual, portalLogin, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** The grid cell holding the widget titled `title` (it carries the saved place as data attributes). */
const cellOf = (page: Page, title: string) => page.locator('.react-grid-item').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

async function placeOf(cell: Locator): Promise<{ x: number; y: number; w: number; h: number }> {
  const read = async (k: string) => Number(await cell.getAttribute(`data-grid-${k}`));
  return { x: await read('x'), y: await read('y'), w: await read('w'), h: await read('h') };
}

const savedPlace = async (title: string) =>
  (
    await e2e.app.sql<{ x: number; y: number; w: number; h: number }>(
      `select d.x, d.y, d.w, d.h from dashboard_widgets d join tenants t on t.id = d.tenant_id where t.slug = 'acme' and d.user_id is null and d.title = ?`,
      [title],
    )
  )[0];

/** Drags from the centre of `from` by (dx, dy) pixels in small steps, as a hand would. */
async function drag(page: Page, from: Locator, dx: number, dy: number): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const box = await from.boundingBox();
  if (!box) throw new Error('nothing to drag');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 8 });
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

describe('the portal dashboard', () => {
  it('an owner drags and resizes widgets, a drop on another widget is refused and undone, and the layout survives a reload', async () => {
    const page = await e2e.newPage();
    // Tall enough that every widget and every drop target is on screen.
    await page.setViewportSize({ width: 1366, height: 1400 });
    await portalLogin(page, 'owner@acme.test');
    const kyc = cellOf(page, 'KYC awaiting action');
    const quota = cellOf(page, 'Quota usage');
    await kyc.waitFor();
    await page.getByRole('img', { name: /^Open tickets: Open \d+, Pending \d+$/ }).waitFor();
    expect(await placeOf(kyc)).toEqual({ x: 0, y: 8, w: 12, h: 3 });

    const grid = await page.locator('.react-grid-layout').boundingBox();
    if (!grid) throw new Error('no grid');
    const colPitch = (grid.width + 16) / 12;
    const rowPitch = 64 + 16;

    // Down two rows into free space: saved.
    await drag(page, kyc.locator('.widget-drag-handle'), 0, 2 * rowPitch);
    await eventuallyEqual(() => savedPlace('KYC awaiting action'), { x: 0, y: 10, w: 12, h: 3 });

    // Onto "Runs in the last 7 days": the server refuses, the message says why, the widget goes back.
    await drag(page, kyc.locator('.widget-drag-handle'), 0, -5 * rowPitch);
    await page.getByRole('alert').filter({ hasText: '“KYC awaiting action” was not moved: That place overlaps' }).waitFor();
    await eventuallyEqual(() => placeOf(kyc), { x: 0, y: 10, w: 12, h: 3 });
    expect(await savedPlace('KYC awaiting action')).toEqual({ x: 0, y: 10, w: 12, h: 3 });
    await e2e.screenshot(page, 'portal-dashboard-refused', { fullPage: false });

    // Narrower by two columns, by its corner.
    await drag(page, quota.locator('.react-resizable-handle'), -2 * colPitch, 0);
    await eventuallyEqual(() => savedPlace('Quota usage'), { x: 6, y: 4, w: 4, h: 4 });

    await page.reload();
    await kyc.waitFor();
    expect(await placeOf(kyc)).toEqual({ x: 0, y: 10, w: 12, h: 3 });
    expect(await placeOf(quota)).toEqual({ x: 6, y: 4, w: 4, h: 4 });
    await e2e.screenshot(page, 'portal-dashboard-rearranged');

    // On a phone the widgets stack in one column, and nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('dashboard-stack').waitFor();
    expect(await page.locator('.react-grid-item').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Every bar keeps its name on a phone: five run statuses do not fit side by side there, so they
    // slant instead of every other one being dropped.
    const runs = page.getByRole('img', { name: /^Runs in the last 7 days: / });
    const statuses = ((await runs.getAttribute('aria-label')) ?? '').replace(/^[^:]+: /, '').split(', ').map((p) => p.replace(/ \d+$/, ''));
    expect(statuses).toEqual(['Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled']);
    expect(await runs.locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel').allTextContents()).toEqual(statuses);
    await e2e.screenshot(page, 'portal-dashboard-mobile');
  });

  it('an incident affecting acme shows its banner on every page until staff resolve it', async () => {
    const staff = await e2e.app.login('staff@atrium.test');
    const [acme] = await e2e.app.sql<{ id: string }>(`select id from tenants where slug = 'acme'`);
    const tenantId = Buffer.from(`Tenant:${acme?.id ?? ''}`, 'utf8').toString('base64url');
    const made = await e2e.app.gql<{ createIncident: { id: string } }>(
      'mutation($input: CreateIncidentInput!) { createIncident(input: $input) { id } }',
      { input: { title: 'Invoices are not being generated', severity: 'SEV2', summary: 'Invoice runs fail since 09:00. No data is lost.', tenantIds: [tenantId] } },
      { token: staff.accessToken },
    );
    expect(made.errors).toBeUndefined();
    const id = made.data?.createIncident.id ?? '';
    const note = await e2e.app.gql(
      'mutation($input: AddIncidentNoteInput!) { addIncidentNote(input: $input) { id } }',
      { input: { incidentId: id, body: 'Suspect the PDF renderer pool.' } },
      { token: staff.accessToken },
    );
    expect(note.errors).toBeUndefined();

    const page = await e2e.newPage();
    await portalLogin(page, 'member@acme.test', '/tickets');
    const banner = page.getByRole('region', { name: 'Incidents affecting your organisation' });
    await banner.getByRole('link', { name: 'Invoices are not being generated' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoices are not being generated' }).waitFor();
    await page.getByText('Incident opened (SEV2): Invoices are not being generated').waitFor();
    // An internal note never reaches a customer.
    expect(await page.getByText('Suspect the PDF renderer pool.').count()).toBe(0);
    await e2e.screenshot(page, 'portal-incident');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/incidents');
    await page.getByRole('table', { name: 'Incidents' }).getByRole('link', { name: 'Invoices are not being generated' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await e2e.screenshot(page, 'portal-incidents-mobile');

    for (const to of ['MITIGATED', 'RESOLVED']) {
      const moved = await e2e.app.gql(
        'mutation($input: TransitionIncidentInput!) { transitionIncident(input: $input) { status } }',
        { input: { id, to, note: to === 'RESOLVED' ? 'Invoices are generated again.' : undefined } },
        { token: staff.accessToken },
      );
      expect(moved.errors).toBeUndefined();
    }
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await banner.waitFor();
    expect(await banner.getByRole('link', { name: 'Invoices are not being generated' }).count()).toBe(0);
    await page.goto(`/incidents/${encodeURIComponent(id)}`);
    await page.getByText('Invoices are generated again.').waitFor();
    await e2e.screenshot(page, 'portal-incident-resolved');
  });
});
