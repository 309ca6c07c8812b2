import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { recordSystemEvent } from '../server/src/modules/events/event.service';
import { EventSeverity } from '../server/src/modules/events/system-event.entity';
import { type E2E, staffLogin, startE2E } from './harness';

/**
 * Staff export the filtered audit log as CSV from the back office (downloaded by Chromium, the
 * file holds exactly the filtered rows, escaped), and explore system events: the histogram over
 * time above the list, and a request id that opens the request's whole chain.
 */

let e2e: E2E;
const CORRELATION = randomUUID();

beforeAll(async () => {
  e2e = await startE2E();
  const acmeId = await e2e.app.tenantId('acme');
  // Three audit entries of one action, one with a comma, quotes and a formula in its target.
  await e2e.app.sql(
    `insert into audit_logs (id, created_at, updated_at, tenant_id, action, target_type, target_id, correlation_id)
     values (gen_random_uuid(), now() - interval '3 minutes', now(), ?, 'e2eexport.done', 'Thing', 'first', ?),
            (gen_random_uuid(), now() - interval '2 minutes', now(), ?, 'e2eexport.done', 'Thing', '=2+2, "second"', null),
            (gen_random_uuid(), now() - interval '1 minute', now(), ?, 'e2eexport.done', 'Thing', 'third', null)`,
    [acmeId, CORRELATION, acmeId, acmeId],
  );
  // Events over the last hours, some errors, one of them part of the request above.
  const em = e2e.app.orm.em.fork();
  const now = Date.now();
  for (let i = 0; i < 36; i++) {
    recordSystemEvent(em, {
      tenantId: i % 3 === 0 ? null : acmeId,
      type: i % 4 === 0 ? 'e2e.run.failed' : 'e2e.run.succeeded',
      source: 'executor',
      severity: i % 4 === 0 ? EventSeverity.ERROR : EventSeverity.INFO,
      occurredAt: new Date(now - (i * 37 + 5) * 60_000),
      correlationId: i === 1 ? CORRELATION : undefined,
    });
  }
  await em.flush();
});
afterAll(async () => {
  await e2e?.close();
});

/** A small RFC 4180 reader (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('exports and events in the back office', () => {
  it('exports the filtered audit log as a CSV file with exactly its rows', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    await page.goto(`/admin/audit-logs?filter=${encodeURIComponent(JSON.stringify({ action: 'e2eexport.' }))}`);
    await page.getByText('1-3 of 3').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-logs-.*\.csv$/);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header?.slice(0, 3)).toEqual(['id', 'createdAt', 'action']);
    const target = header?.indexOf('targetId') ?? -1;
    // Newest first, as the list; the formula defused, the comma and quotes intact.
    expect(rows.map((r) => r[target])).toEqual(['third', '\'=2+2, "second"', 'first']);
    expect(rows.every((r) => r[2] === 'e2eexport.done' && r[3] === 'acme')).toBe(true);
    await page.getByText(/Exported to audit-logs-/).waitFor();
    const audited = await e2e.app.count(`select count(*) as n from audit_logs where action = 'export.csv' and diff->>'list' = 'audit-logs' and diff->'filter'->>'action' = 'e2eexport.'`);
    expect(audited).toBe(1);
  });

  it("exports the runs list's filter (failed runs of every tenant) as a CSV file with exactly those runs", async () => {
    const failed = await e2e.app.sql<{ id: string }>(`select id from automation_runs where status = 'FAILED'`);
    expect(failed.length).toBeGreaterThan(0);
    const page = await e2e.newPage();
    await staffLogin(page);
    await page.goto(`/admin/runs?filter=${encodeURIComponent(JSON.stringify({ status: ['FAILED'] }))}`);
    await page.getByText(new RegExp(`of ${failed.length}$`)).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^runs-.*\.csv$/);
    const [header, ...rows] = parseCsv((await readFile(await download.path(), 'utf8')).slice(1));
    expect(header?.[3]).toBe('status');
    expect(rows).toHaveLength(failed.length);
    expect(rows.every((r) => r[3] === 'FAILED')).toBe(true);
    // The date filters the list's "Add filter" offers.
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('menu').getByText('From', { exact: true }).click();
    await page.getByLabel('From').first().waitFor();
    await e2e.screenshot(page, 'admin-runs-failed-export');
  });

  it('shows the events histogram above the filtered list, and a request id opens its chain', async () => {
    const page = await e2e.newPage();
    await staffLogin(page);
    await page.goto(`/admin/system-events?filter=${encodeURIComponent(JSON.stringify({ type: 'e2e.run.' }))}`);
    await page.getByRole('heading', { name: 'System events', level: 1 }).waitFor();
    const chart = page.getByRole('img', { name: /^36 events \(9 errors or worse\)/ });
    await chart.waitFor();
    expect(await chart.locator('svg rect, svg path').count()).toBeGreaterThan(10);
    await page.getByText('1-25 of 36').waitFor();
    await e2e.screenshot(page, 'admin-events-explorer');

    // Only errors: the histogram follows the filter.
    await page.goto(`/admin/system-events?filter=${encodeURIComponent(JSON.stringify({ type: 'e2e.run.', minSeverity: 'ERROR' }))}`);
    await page.getByRole('img', { name: /^9 events \(9 errors or worse\)/ }).waitFor();

    await page.goto(`/admin/system-events?filter=${encodeURIComponent(JSON.stringify({ correlationId: CORRELATION }))}`);
    // The list shows the id cut in the middle; the link is named by what it shows.
    await page.getByRole('link', { name: `Trace request ${CORRELATION.slice(0, 8)}…${CORRELATION.slice(-4)}` }).click();
    await page.getByRole('heading', { name: 'Request trace' }).waitFor();
    const chain = page.getByRole('list', { name: 'Request chain' });
    await chain.getByRole('listitem', { name: /^Event: / }).first().waitFor();
    await chain.getByRole('listitem', { name: /^Audit: / }).first().waitFor();
    await e2e.screenshot(page, 'admin-trace');

    // The tool editor's live form preview runs under the back office's CSP (no eval).
    await page.goto('/admin/tools/create');
    const preview = page.getByRole('region', { name: 'Form preview' });
    await preview.getByRole('textbox', { name: /Text/ }).waitFor();
    await e2e.screenshot(page, 'admin-tool-create');
  });
});
