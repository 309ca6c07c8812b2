import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type E2E, portalLogin, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** A tiny valid PDF: what the server recognises by its first bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

const AXE = readFileSync(require.resolve('axe-core'), 'utf8');

/**
 * Serious or critical axe-core violations in the page's main content. One known theme-wide case
 * is left to the theme's fix (issue 13): secondary text #64748b on the page background #f6f7fb
 * (4.44:1); the same colour on cards (white) passes and is checked.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    interface AxeNode {
      html: string;
      any: { data?: { fgColor?: string; bgColor?: string } | null }[];
    }
    interface AxeResult {
      violations: { id: string; impact: string | null; nodes: AxeNode[] }[];
    }
    const axe = (window as unknown as { axe: { run: (ctx: Element | Document, opts: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document.querySelector('main') ?? document, { resultTypes: ['violations'] });
    const themeCase = (v: { id: string }, n: AxeNode) => v.id === 'color-contrast' && n.any.some((a) => a.data?.fgColor === '#64748b' && a.data.bgColor === '#f6f7fb');
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.filter((n) => !themeCase(v, n)) }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('identity checks (KYC) in the portal', () => {
  it('an owner creates a case, uploads a PDF (a text file is refused), sees it listed and submits', async () => {
    const page = await e2e.newPage();
    await portalLogin(page, 'owner@acme.test', '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Identity checks (KYC)' }).click();
    await page.waitForURL(/\/kyc$/);
    await page.getByRole('heading', { level: 1, name: 'Identity checks (KYC)' }).waitFor();
    await page.getByRole('table', { name: 'Cases' }).getByRole('link').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await e2e.screenshot(page, 'portal-kyc-list');

    // Create: the server's rules first in the form, then a real draft.
    await page.getByRole('link', { name: 'New case' }).click();
    await page.waitForURL('**/kyc/new');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByText('Give the full name (2 to 200 characters).').waitFor();
    await page.getByLabel('Full legal name').fill('Erika Mustermann');
    await page.getByLabel('Date of birth').fill('1984-08-12');
    await page.getByLabel('Nationality').fill('de');
    await page.getByLabel('Street and number').fill('Heidestrasse 17');
    await page.getByLabel('Postal code').fill('51147');
    await page.getByLabel('City', { exact: true }).fill('Köln');
    await page.getByLabel('Country', { exact: true }).fill('XX');
    await page.getByRole('button', { name: 'Create draft' }).click();
    // The server knows no country XX: its message shows beside the field.
    await page.getByText('Use a two-letter ISO 3166-1 country code, e.g. DE or GB.', { exact: true }).waitFor();
    await page.getByText('Some details need correcting: see the fields marked below.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await e2e.screenshot(page, 'portal-kyc-create-error');
    await page.getByLabel('Country', { exact: true }).fill('DE');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Erika Mustermann' }).waitFor();
    const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

    // Upload: a text file is refused before anything is sent; a renamed one by the server; the PDF goes.
    const input = page.getByLabel('Upload documents');
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
    await page.getByRole('listitem', { name: 'Upload of notes.txt' }).getByText('“notes.txt” is not a PDF, PNG or JPEG file.').waitFor();
    await input.setInputFiles({ name: 'renamed.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain text pretending to be a PDF') });
    await page.getByRole('listitem', { name: 'Upload of renamed.pdf' }).getByText(/not a PDF, PNG or JPEG \(checked from its content/).waitFor();
    await input.setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('listitem', { name: 'Upload of passport.pdf' }).getByText('Uploaded').waitFor();
    const listed = page.getByRole('list', { name: 'Documents' }).getByRole('listitem', { name: 'Passport: passport.pdf' });
    await listed.getByText('Awaiting review').waitFor();
    await page.getByRole('heading', { name: 'Documents (1)' }).waitFor();
    const docs = await e2e.app.sql<{ filename: string; content_type: string }>(`select d.filename, d.content_type from kyc_documents d join kyc_cases c on c.id = d.case_id where c.subject_name = 'Erika Mustermann'`);
    expect(docs).toEqual([{ filename: 'passport.pdf', content_type: 'application/pdf' }]);
    await e2e.screenshot(page, 'portal-kyc-case-draft');

    // Submit: the case shows as submitted, with its history.
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('Submitted. Our compliance team will start the review soon.').waitFor();
    const history = page.getByRole('list', { name: 'Status history' });
    await history.getByText('Submitted for review · Submitted').waitFor();
    await history.getByText('Case created · Draft').waitFor();
    expect(await page.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
    expect(await page.getByLabel('Upload documents').count()).toBe(0);
    expect(await e2e.app.sql(`select status from kyc_cases where subject_name = 'Erika Mustermann'`)).toEqual([{ status: 'SUBMITTED' }]);
    await e2e.screenshot(page, 'portal-kyc-case-submitted');

    // Back in the list, filtered by state (kept in the URL), the case opens with Enter.
    await page.goto('/kyc?status=SUBMITTED');
    const link = page.getByRole('table', { name: 'Cases' }).getByRole('link', { name: 'Erika Mustermann' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/kyc/${encodeURIComponent(caseId)}`);
    await page.getByRole('heading', { level: 1, name: 'Erika Mustermann' }).waitFor();
  });

  it('works on a phone: the list and a case page do not scroll sideways', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await portalLogin(page, 'admin@acme.test', '/kyc');
    await page.getByRole('table', { name: 'Cases' }).getByRole('link').first().waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await e2e.screenshot(page, 'portal-kyc-list-390');

    const [draft] = await e2e.app.sql<{ id: string }>(`select c.id from kyc_cases c join tenants t on t.id = c.tenant_id where t.slug = 'acme' and c.status = 'NEEDS_INFO' order by c.created_at limit 1`);
    expect(draft).toBeDefined();
    await page.goto(`/kyc/${encodeURIComponent(Buffer.from(`KycCase:${draft?.id ?? ''}`).toString('base64url'))}`);
    await page.getByRole('heading', { name: 'Status history' }).waitFor();
    await page.getByText('Our compliance team needs more information').waitFor();
    await page.getByRole('button', { name: 'Submit again' }).waitFor();
    await page.getByLabel('Upload documents').waitFor({ state: 'attached' });
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await e2e.screenshot(page, 'portal-kyc-case-390');
  });
});
