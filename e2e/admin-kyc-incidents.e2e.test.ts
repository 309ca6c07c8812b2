import type { Page } from 'playwright-core';
import { type E2E, staffLogin, startE2E } from './harness';

/**
 * The back office's compliance and incident screens against a real server: an Acme owner
 * prepares a KYC case through the API (details, a PDF upload over HTTP, submit); compliance
 * reviews it in the browser (start, view the PDF inline, accept it, recommend) and is not offered
 * the decision; a superadmin approves it (four-eyes). Then staff open an incident for Acme and
 * move it through its three states.
 */

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** No sideways scrolling of the page itself (tables scroll inside their card, or are cards); names what sticks out. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const outside = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !Array.from(e.children).some((c) => c.getBoundingClientRect().right > width + 0.5))
      .slice(0, 6)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ').slice(0, 3).join('.')} → ${Math.round(e.getBoundingClientRect().right)}`);
  });
  expect(outside).toEqual([]);
}

/** A one-page PDF with a line of text (what the viewer shows). */
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 20 80 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 320 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const SUBJECT = 'Ada Lovelace Byron';

describe('KYC review and incidents in the back office', () => {
  it('takes a KYC case through four-eyes to APPROVED: compliance reviews and recommends, a second staff member decides', async () => {
    // The customer side, through the API.
    const { accessToken: owner } = await e2e.app.login('owner@acme.test', 'acme');
    const created = await e2e.app.gql<{ createKycCase: { id: string; version: number } }>(
      'mutation($input: CreateKycCaseInput!) { createKycCase(input: $input) { id version } }',
      {
        input: {
          subjectKind: 'PERSON',
          person: { fullName: SUBJECT, dateOfBirth: '1985-12-10', nationality: 'GB', address: { line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' } },
        },
      },
      { token: owner },
    );
    expect(created.errors).toBeUndefined();
    const caseId = created.data!.createKycCase.id;
    const form = new FormData();
    form.append('kind', 'PASSPORT');
    form.append('file', new Blob([new Uint8Array(tinyPdf('Passport of Ada Lovelace Byron'))], { type: 'application/pdf' }), 'passport.pdf');
    const upload = await fetch(`${e2e.url}/api/kyc/cases/${encodeURIComponent(caseId)}/documents`, { method: 'POST', headers: { authorization: `Bearer ${owner}` }, body: form });
    expect(upload.status).toBe(201);
    const submitted = await e2e.app.gql<{ submitKycCase: { status: string } }>(
      'mutation($input: KycCaseVersionInput!) { submitKycCase(input: $input) { status } }',
      { input: { id: caseId, version: created.data!.createKycCase.version } },
      { token: owner },
    );
    expect(submitted.data?.submitKycCase.status).toBe('SUBMITTED');

    // Compliance: the queue, the case, the document inline, accept, recommend.
    const page = await e2e.newPage();
    await staffLogin(page, 'compliance@atrium.test');
    await page.getByRole('menuitem', { name: 'KYC review' }).click();
    await page.getByRole('heading', { name: 'KYC review queue', level: 1 }).waitFor();
    // Waiting cases first: the seeded ones in review or submitted, then ours (the newest), then the rest.
    await page.locator('table tbody tr').filter({ hasText: SUBJECT }).waitFor();
    const states = await page.locator('table tbody tr td:nth-child(3)').allTextContents();
    const firstOther = states.findIndex((s) => !['Submitted', 'In review'].includes(s));
    expect(firstOther).toBeGreaterThan(0);
    expect(states.slice(firstOther).some((s) => ['Submitted', 'In review'].includes(s))).toBe(false);
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-kyc-queue-all');
    await page.getByPlaceholder('Search subject name').fill('Lovelace');
    const row = page.locator('table tbody tr').filter({ hasText: SUBJECT });
    await row.waitFor();
    // The search reaches the URL after react-admin's debounce; opening a row before that would
    // be undone by the list writing its filter back.
    await page.waitForURL(/Lovelace/);
    for (const text of ['Acme Corporation', 'Submitted', 'Needs a reviewer', 'Nobody yet']) expect(await row.textContent()).toContain(text);
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-kyc-queue');
    // The row opens from the keyboard: its link, then Enter.
    await row.getByRole('link', { name: SUBJECT }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: SUBJECT, level: 1 }).waitFor();
    await page.getByText('12 St James Square').waitFor();

    await page.getByRole('button', { name: 'Start review' }).click();
    await page.getByRole('button', { name: 'Accept passport.pdf' }).waitFor();
    await page.getByRole('button', { name: 'View passport.pdf' }).click();
    const frame = page.getByTitle('Passport: passport.pdf');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await page.getByRole('button', { name: 'Accept passport.pdf' }).click();
    const accept = page.getByRole('dialog');
    await accept.getByLabel(/Reason/).fill('Readable passport, valid until 2031.');
    await accept.getByRole('button', { name: 'Accept document' }).click();
    await page.getByText('passport.pdf accepted.').waitFor();
    await page.getByText('“Readable passport, valid until 2031.” — Cora Compliance').waitFor();

    await page.getByRole('button', { name: 'Recommend' }).click();
    const recommend = page.getByRole('dialog');
    await recommend.getByLabel(/Reason/).fill('Identity verified against the passport; no adverse findings.');
    await recommend.getByRole('button', { name: 'Record recommendation' }).click();
    await page.getByText('You recommended this case, so a second staff member must make the decision (four-eyes).').waitFor();
    // Four-eyes in the UI: the recommender is not offered the decision.
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reject', exact: true }).count()).toBe(0);
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-kyc-case-recommended');

    // On a phone: the case page and the queue as cards; nothing scrolls sideways.
    await page.getByRole('button', { name: 'Close menu' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: SUBJECT, level: 1 }).waitFor();
    await expectNoSidewaysScroll(page);
    await e2e.screenshot(page, 'admin-kyc-case-mobile');
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { name: 'KYC review queue', level: 1 }).waitFor();
    await page.getByRole('link', { name: new RegExp(SUBJECT) }).waitFor();
    await expectNoSidewaysScroll(page);
    await e2e.screenshot(page, 'admin-kyc-queue-mobile', { fullPage: false });

    // A second staff member (superadmin) sees who recommended, and decides.
    const second = await e2e.newPage();
    await staffLogin(second, 'staff@atrium.test');
    await second.goto(`/admin/kyc-cases/${encodeURIComponent(caseId)}/show`);
    await second.getByRole('heading', { name: SUBJECT, level: 1 }).waitFor();
    const recommendation = second.getByLabel('Recommendation');
    await recommendation.getByText('Recommends: approve').waitFor();
    expect(await recommendation.textContent()).toContain('by Cora Compliance');
    await second.getByRole('button', { name: 'Approve' }).click();
    const decide = second.getByRole('dialog');
    await decide.getByLabel(/Reason/).fill('Agree with the reviewer: documents and details match.');
    await decide.getByRole('button', { name: 'Approve case' }).click();
    await second.getByText(`${SUBJECT} approved.`).waitFor();
    await second.getByText(/Approved by Sam Staff/).waitFor();
    await second.mouse.move(0, 0);
    await e2e.screenshot(second, 'admin-kyc-case-approved');

    const [row2] = await e2e.app.sql<{ status: string }>('select status from kyc_cases where subject_name = ?', [SUBJECT]);
    expect(row2?.status).toBe('APPROVED');
  });

  it('staff open an incident affecting Acme and move it OPEN → MITIGATED → RESOLVED', async () => {
    const page = await e2e.newPage();
    await staffLogin(page, 'staff@atrium.test');
    await page.getByRole('menuitem', { name: 'Incidents' }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Open an incident' }).click();
    await page.getByRole('heading', { name: 'Open an incident', level: 1 }).waitFor();
    await page.getByLabel('Title').fill('Tool runs stuck in the queue');
    await page.getByLabel('Summary for customers').fill('Runs started since 09:00 UTC wait in the queue. We are on it.');
    await page.getByRole('combobox', { name: 'Severity' }).click();
    await page.getByRole('option', { name: 'SEV2 · Major' }).click();
    await page.getByLabel('Affected tenants').fill('Acme');
    await page.getByRole('option', { name: 'Acme Corporation' }).click();
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-incident-create');
    await page.getByRole('button', { name: 'Open incident' }).click();

    await page.getByRole('heading', { name: 'Tool runs stuck in the queue', level: 1 }).waitFor();
    const state = page.getByLabel('Status and severity');
    await state.getByText('Open', { exact: true }).waitFor();
    await state.getByText('SEV2 · Major').waitFor();

    await page.getByRole('textbox', { name: 'Add a note' }).fill('Queue workers restarted; watching the backlog.');
    await page.getByRole('button', { name: 'Add internal note' }).click();
    await page.getByRole('list', { name: 'Timeline' }).getByText('Queue workers restarted; watching the backlog.').waitFor();

    await page.getByRole('button', { name: 'Mark mitigated' }).click();
    await page.getByRole('dialog').getByLabel('Note for customers (optional)').fill('Backlog draining.');
    await page.getByRole('dialog').getByRole('button', { name: 'Mark mitigated' }).click();
    await state.getByText('Mitigated', { exact: true }).waitFor();
    await page.getByRole('list', { name: 'Timeline' }).getByText('Moved from OPEN to MITIGATED: Backlog draining.').waitFor();

    await page.getByRole('button', { name: 'Mark resolved' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark resolved' }).click();
    await state.getByText('Resolved', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Mark / }).count()).toBe(0);
    await page.mouse.move(0, 0);
    await e2e.screenshot(page, 'admin-incident-resolved');

    const [incident] = await e2e.app.sql<{ status: string; mitigated_at: Date | null; resolved_at: Date | null }>('select status, mitigated_at, resolved_at from incidents where title = ?', [
      'Tool runs stuck in the queue',
    ]);
    expect(incident?.status).toBe('RESOLVED');
    expect(incident?.mitigated_at).not.toBeNull();
    const affected = await e2e.app.sql<{ slug: string }>(
      'select t.slug from incident_tenants it join incidents i on i.id = it.incident_id join tenants t on t.id = it.tenant_id where i.title = ?',
      ['Tool runs stuck in the queue'],
    );
    expect(affected.map((a) => a.slug)).toEqual(['acme']);

    // The list at phone width: cards, nothing scrolls sideways, a card opens the incident.
    await page.getByRole('button', { name: 'Close menu' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'All incidents' }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    const card = page.getByRole('link', { name: /Tool runs stuck in the queue/ });
    await card.waitFor();
    await expectNoSidewaysScroll(page);
    await e2e.screenshot(page, 'admin-incidents-mobile', { fullPage: false });
    await card.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tool runs stuck in the queue', level: 1 }).waitFor();
    await expectNoSidewaysScroll(page);
    await e2e.screenshot(page, 'admin-incident-mobile');
  });
});
