import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type E2E, eventuallyEqual, portalLogin, staffLogin, startE2E } from './harness';
import { samplePng } from '../server/src/seeders/sample-files';

/*
 * Ticket attachments in both apps: a customer attaches a PDF from the portal (a wrong type is
 * refused before upload), support staff attach an internal image from the back office and
 * download the customer's file, the customer never sees the internal one, the tenant's agent
 * does, and the customer removes their own file.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('ticket attachments', () => {
  it('a customer attaches a PDF, staff add an internal image and download the PDF, the customer never sees the internal file', async () => {
    const member = await e2e.app.login('member@acme.test');
    const made = await e2e.app.gql<{ createTicket: { id: string } }>(
      'mutation { createTicket(input: { subject: "Invoice PDF is blank", body: "The December invoice opens as an empty page." }) { id } }',
      {},
      { token: member.accessToken },
    );
    expect(made.errors).toBeUndefined();
    const ticketId = made.data?.createTicket.id ?? '';
    const ticketUuid = Buffer.from(ticketId, 'base64url').toString('utf8').split(':')[1];

    // The customer: a text file is refused before upload; the PDF goes up and is listed.
    const portal = await e2e.newPage();
    await portalLogin(portal, 'member@acme.test', `/tickets/${encodeURIComponent(ticketId)}`);
    await portal.getByRole('heading', { name: /Invoice PDF is blank/ }).waitFor();
    await portal.getByText('No files attached.').waitFor();
    expect(await portal.getByLabel(/^Internal/).count()).toBe(0);
    const input = portal.getByLabel('Attach files');
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
    await portal.getByRole('listitem', { name: 'Upload of notes.txt' }).getByText('“notes.txt” is not a PDF, PNG or JPEG file.').waitFor();
    await input.setInputFiles({ name: 'blank-invoice.pdf', mimeType: 'application/pdf', buffer: PDF });
    await portal.getByRole('listitem', { name: 'Upload of blank-invoice.pdf' }).getByText('Uploaded').waitFor();
    await portal.getByRole('button', { name: 'Download blank-invoice.pdf' }).waitFor();
    await e2e.screenshot(portal, 'portal-ticket-attachments');
    await eventuallyEqual(() => e2e.app.count('select count(*) as n from ticket_attachments where ticket_id = ?', [ticketUuid]), 1);

    // The tenant's agent has the ticket open while staff work on it.
    const agent = await e2e.newPage();
    await portalLogin(agent, 'agent@acme.test', `/tickets/${encodeURIComponent(ticketId)}`);
    await agent.getByRole('button', { name: 'Download blank-invoice.pdf' }).waitFor();
    await agent.evaluate(() => Object.assign(window, { notReloaded: true }));

    // Staff: the customer's PDF downloads byte for byte; an internal screenshot goes up.
    const admin = await e2e.newPage();
    await staffLogin(admin);
    await admin.goto(`/admin/tickets/${encodeURIComponent(ticketId)}/show`);
    await admin.getByRole('heading', { name: 'Invoice PDF is blank' }).waitFor();
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Download blank-invoice.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('blank-invoice.pdf');
    const path = await download.path();
    expect(sha256(await readFile(path))).toBe(sha256(PDF));
    await admin.getByRole('button', { name: 'Internal (agents and staff only)' }).click();
    await admin.getByText('Internal files — customers don’t see them').or(admin.getByText("Internal files — customers don't see them")).waitFor();
    const png = samplePng(7);
    await admin.getByLabel('Attach files').setInputFiles({ name: 'billing-console.png', mimeType: 'image/png', buffer: png });
    await admin.getByRole('listitem', { name: 'Upload of billing-console.png' }).getByText('Uploaded').waitFor();
    await admin.getByRole('button', { name: 'Download billing-console.png' }).waitFor();
    await e2e.screenshot(admin, 'admin-ticket-attachments');
    const rows = await e2e.app.sql<{ filename: string; internal: boolean; from_support: boolean }>(
      'select filename, internal, from_support from ticket_attachments where ticket_id = ? order by created_at',
      [ticketUuid],
    );
    expect(rows).toEqual([
      { filename: 'blank-invoice.pdf', internal: false, from_support: false },
      { filename: 'billing-console.png', internal: true, from_support: true },
    ]);

    // The customer, after a reload: their PDF, never the internal image.
    await portal.reload();
    await portal.getByRole('button', { name: 'Download blank-invoice.pdf' }).waitFor();
    expect(await portal.getByText('billing-console.png').count()).toBe(0);

    // The agent's open page shows the internal file without a reload, marked.
    await agent.getByRole('button', { name: 'Download billing-console.png' }).waitFor();
    await agent.getByRole('listitem', { name: /billing-console\.png/ }).getByText('Internal').waitFor();
    expect(await agent.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await e2e.screenshot(agent, 'portal-ticket-attachments-agent');

    // The customer removes their own file.
    await portal.getByRole('button', { name: 'Remove blank-invoice.pdf' }).click();
    await portal.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await portal.getByText('No files attached.').waitFor();
    await eventuallyEqual(() => e2e.app.count('select count(*) as n from ticket_attachments where ticket_id = ? and not internal', [ticketUuid]), 0);

    // At 390 px the section fits.
    await portal.setViewportSize({ width: 390, height: 844 });
    await portal.reload();
    await portal.getByLabel('Attach files').waitFor({ state: 'attached' });
    expect(await portal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
