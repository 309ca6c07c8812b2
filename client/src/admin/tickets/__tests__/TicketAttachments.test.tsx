import '../../test/jsdom-polyfills';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gqlError } from '../../../test/fake-graphql';
import type { TicketAttachmentRecord, TicketRecord } from '../../providers/tickets.provider';
import { RESOURCES } from '../../resource-names';
import { COMPLIANCE_PERMISSIONS, renderAdminPage, SUPPORT_PERMISSIONS } from '../../test/render-admin';
import { TicketAttachmentsCard } from '../TicketAttachments';
import { FakeXHR, installFakeUploads } from '../../../test/fake-upload';

/**
 * The ticket page's files as staff see them: every file (internal ones marked), read with the
 * staff member's token, and for staff allowed to reply (platform:ticket:reply) the upload, with
 * its public/internal choice, and the removal. The upload itself runs over a stand-in
 * XMLHttpRequest; the rest over the real data provider and an in-memory API.
 */


installFakeUploads();
const realFetch = globalThis.fetch;
// jsdom has no object URLs; the download test puts stand-ins there and they go afterwards.
const objectUrls = { create: Object.getOwnPropertyDescriptor(URL, 'createObjectURL'), revoke: Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL') };
const restore = (name: 'createObjectURL' | 'revokeObjectURL', descriptor: PropertyDescriptor | undefined) => {
  if (descriptor) Object.defineProperty(URL, name, descriptor);
  else delete (URL as unknown as Record<string, unknown>)[name];
};
beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  globalThis.fetch = realFetch;
  restore('createObjectURL', objectUrls.create);
  restore('revokeObjectURL', objectUrls.revoke);
  jest.restoreAllMocks();
});

const acme = { id: 'VGVuYW50OmFjbWU', slug: 'acme', name: 'Acme Corporation' };
const mia = { id: 'VXNlcjptaWE', name: 'Mia Member', email: 'member@acme.test' };
const sam = { id: 'VXNlcjpzdGFmZg', name: 'Sam Staff', email: 'staff@atrium.test' };

const file = (n: number, overrides: Partial<TicketAttachmentRecord> = {}): TicketAttachmentRecord => ({
  id: `VGlja2V0QXR0YWNobWVudDo${n}`,
  filename: `screenshot-${n}.png`,
  contentType: 'image/png',
  size: 2048,
  sha256: 'ab'.repeat(32),
  internal: false,
  fromSupport: false,
  uploaderName: mia.name,
  uploadedBy: mia,
  downloadPath: `/api/tickets/attachments/VGlja2V0QXR0YWNobWVudDo${n}/content`,
  createdAt: '2026-11-02T09:00:00.000Z',
  ...overrides,
});

const RULES = { path: '/api/tickets/VGlja2V0OjQy/attachments', maxBytes: 10 * 1024 * 1024, contentTypes: ['application/pdf', 'image/png', 'image/jpeg'], maxFiles: 20 };

const ticket = (attachments: TicketAttachmentRecord[] | undefined, rules = RULES): TicketRecord => ({
  id: 'VGlja2V0OjQy',
  number: 42,
  subject: 'Invoice totals are wrong',
  status: 'OPEN',
  priority: 'HIGH',
  version: 3,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  correlationId: null,
  tenantId: acme.id,
  tenant: acme,
  requester: mia,
  assignee: null,
  assigneeId: null,
  body: 'The totals are off by one cent.',
  comments: [],
  commentCount: 0,
  attachments,
  attachmentUpload: rules,
});

const twoFiles = [
  file(1),
  file(2, { filename: 'server-trace-with-a-very-long-name-that-must-wrap.pdf', contentType: 'application/pdf', size: 1536 * 1024, internal: true, fromSupport: true, uploaderName: sam.name, uploadedBy: sam }),
];

/** Waits until `me` (the permissions) is read and the access checks had time to settle. */
const settle = async (server: { callsOf(name: string): unknown[] }) => {
  await waitFor(() => expect(server.callsOf('SessionMe').length).toBeGreaterThan(0));
  await new Promise((resolve) => setTimeout(resolve, 50));
};

const renderCard = (record: TicketRecord, permissions: readonly string[], handlers: Parameters<typeof renderAdminPage>[1]['handlers'] = {}) =>
  renderAdminPage(<TicketAttachmentsCard ticket={record} />, { resource: RESOURCES.tickets, permissions, handlers });

describe('the ticket’s attachments card', () => {
  it('lists every file with its size, uploader and date, marks internal ones and those from support', async () => {
    const { server } = renderCard(ticket(twoFiles), SUPPORT_PERMISSIONS);
    const list = await screen.findByRole('list', { name: 'Attached files' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    // Only list items in the list (axe: lists contain only li).
    expect([...list.children].map((c) => c.tagName)).toEqual(['LI', 'LI']);

    const publicFile = screen.getByRole('listitem', { name: 'File screenshot-1.png' });
    expect(publicFile).toHaveTextContent('screenshot-1.png');
    expect(publicFile).toHaveTextContent('2 KB · Mia Member ·');
    expect(within(publicFile).queryByText('Internal')).toBeNull();
    expect(within(publicFile).queryByText('From support')).toBeNull();

    const internalFile = screen.getByRole('listitem', { name: 'Internal file server-trace-with-a-very-long-name-that-must-wrap.pdf' });
    expect(within(internalFile).getByText('Internal')).toBeInTheDocument();
    expect(within(internalFile).getByText('From support')).toBeInTheDocument();
    expect(internalFile).toHaveTextContent('1.5 MB · Sam Staff ·');

    expect(screen.getByText('2 of 20 files')).toBeInTheDocument();
    await settle(server);
    expect(screen.getByRole('button', { name: 'Download screenshot-1.png' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove screenshot-1.png' })).toBeInTheDocument();
    expect(screen.getByTestId('admin-ticket-dropzone')).toBeInTheDocument();
    expect(screen.getByLabelText('Attach files')).toBeInTheDocument();
  });

  it('says when no file is attached', async () => {
    const { server } = renderCard(ticket([]), SUPPORT_PERMISSIONS);
    expect(await screen.findByText('No files attached.')).toBeInTheDocument();
    expect(screen.getByText('0 of 20 files')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Attached files' })).toBeNull();
    await settle(server);
    expect(screen.getByTestId('admin-ticket-dropzone')).toBeInTheDocument();
  });

  it('shows a placeholder while the record has no files yet (opened from the list), and no upload', async () => {
    const { server } = renderCard(ticket(undefined), SUPPORT_PERMISSIONS);
    expect(await screen.findByLabelText('Loading the attachments')).toBeInTheDocument();
    await settle(server);
    expect(screen.queryByText('No files attached.')).toBeNull();
    expect(screen.queryByTestId('admin-ticket-dropzone')).toBeNull();
  });

  it('lets staff without platform:ticket:reply (compliance) read the files but neither attach nor remove any', async () => {
    const { server } = renderCard(ticket(twoFiles), COMPLIANCE_PERMISSIONS);
    await screen.findByRole('list', { name: 'Attached files' });
    await settle(server);
    expect(screen.getByRole('button', { name: 'Download screenshot-1.png' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
    expect(screen.queryByTestId('admin-ticket-dropzone')).toBeNull();
    expect(screen.queryByLabelText('Attach files')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Visible to' })).toBeNull();
  });

  it('replaces the upload with a message once the ticket holds the most files it can', async () => {
    const full = Array.from({ length: 3 }, (_, i) => file(i + 1));
    const { server } = renderCard(ticket(full, { ...RULES, maxFiles: 3 }), SUPPORT_PERMISSIONS);
    await screen.findByText('3 of 3 files');
    await settle(server);
    expect(screen.getByText('This ticket holds the most files it can (3). Remove one to attach another.')).toBeInTheDocument();
    expect(screen.queryByTestId('admin-ticket-dropzone')).toBeNull();
  });
});

describe('attaching files', () => {
  const pdf = (name = 'invoice.pdf') => new File([new Uint8Array(2048).fill(0x25)], name, { type: 'application/pdf' });
  const sent = async (n = 1) => {
    await waitFor(() => expect(FakeXHR.sent).toHaveLength(n));
    return FakeXHR.sent[n - 1]!;
  };

  it('uploads to the ticket’s upload path with the staff token, visible to the customer by default', async () => {
    const { server } = renderCard(ticket([]), SUPPORT_PERMISSIONS);
    await settle(server);
    const group = screen.getByRole('group', { name: 'Visible to' });
    expect(within(group).getByRole('button', { name: 'Customer and agents' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/The customer sees them from “Atrium support”\. 20 more files fit on this ticket\./)).toBeInTheDocument();

    await userEvent.setup({ applyAccept: false }).upload(screen.getByLabelText('Attach files'), pdf());
    const xhr = await sent();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(RULES.path);
    expect(xhr.headers.authorization).toBe('Bearer staff-token');
    expect(xhr.body?.get('internal')).toBe('false');
    expect((xhr.body?.get('file') as File).name).toBe('invoice.pdf');
    xhr.respond(201, { id: 'VGlja2V0QXR0YWNobWVudDo5', filename: 'invoice.pdf', contentType: 'application/pdf', size: 2048, internal: false, createdAt: '2026-12-01T09:00:00.000Z' });
    expect(await within(screen.getByRole('listitem', { name: 'Upload of invoice.pdf' })).findByText('Uploaded')).toBeInTheDocument();
  });

  it('sends internal=true once "Internal" is chosen, and shows the server’s refusal beside the file', async () => {
    const { server } = renderCard(ticket([file(1)]), SUPPORT_PERMISSIONS);
    await settle(server);
    const user = userEvent.setup({ applyAccept: false });
    await user.click(screen.getByRole('button', { name: 'Internal (agents and staff only)' }));
    expect(screen.getByRole('button', { name: 'Internal (agents and staff only)' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText("Internal files — customers don't see them")).toBeInTheDocument();

    await user.upload(screen.getByLabelText('Attach files'), pdf('notes.pdf'));
    const xhr = await sent();
    expect(xhr.body?.get('internal')).toBe('true');
    xhr.respond(409, { error: 'CONFLICT', reason: 'ATTACHMENT_LIMIT', message: 'A ticket holds at most 20 files; remove one first.' });
    const item = screen.getByRole('listitem', { name: 'Upload of notes.pdf' });
    expect(await within(item).findByRole('alert')).toHaveTextContent('A ticket holds at most 20 files; remove one first.');
  });
});

describe('reading and removing a file', () => {
  it('downloads with the staff token under the uploaded name, with a spinner while it reads', async () => {
    let answer: (r: Response) => void = () => undefined;
    const fetchMock = jest.fn((_path: string, _init?: RequestInit) => new Promise<Response>((resolve) => (answer = resolve)));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:attachment');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('screenshot-1.png');
      expect(this.getAttribute('href')).toBe('blob:attachment');
    });
    const { server } = renderCard(ticket(twoFiles), COMPLIANCE_PERMISSIONS);
    await settle(server);

    const button = screen.getByRole('button', { name: 'Download screenshot-1.png' });
    await userEvent.click(button);
    expect(await within(button).findByRole('progressbar', { name: 'Reading screenshot-1.png' })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(twoFiles[0]!.downloadPath);
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toEqual({ authorization: 'Bearer staff-token' });

    act(() => answer(new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { status: 200, headers: { 'content-type': 'image/png' } })));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(createObjectURL.mock.calls[0]?.[0]).toMatchObject({ type: 'image/png', size: 4 });
    await waitFor(() => expect(within(button).queryByRole('progressbar')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the server’s words when the file cannot be read', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    globalThis.fetch = jest.fn(async () => Response.json({ error: 'NOT_FOUND', message: 'The file of this attachment is missing; ask support.' }, { status: 404 }));
    const { server } = renderCard(ticket(twoFiles), SUPPORT_PERMISSIONS);
    await settle(server);
    await userEvent.click(screen.getByRole('button', { name: 'Download screenshot-1.png' }));
    const row = screen.getByRole('listitem', { name: 'File screenshot-1.png' });
    expect(await within(row).findByRole('alert')).toHaveTextContent('The file of this attachment is missing; ask support.');
  });

  it('asks before removing, then removes the file by id and says so', async () => {
    const { server } = renderCard(ticket(twoFiles), SUPPORT_PERMISSIONS, {
      AdminDeleteTicketAttachment: (v) => ({ data: { deleteTicketAttachment: v.id } }),
    });
    await settle(server);
    await userEvent.click(screen.getByRole('button', { name: 'Remove screenshot-1.png' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Remove screenshot-1.png?');
    expect(dialog).toHaveTextContent('the customer included');
    expect(server.callsOf('AdminDeleteTicketAttachment')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove file' }));
    expect(await screen.findByText('screenshot-1.png removed.')).toBeInTheDocument();
    expect(server.callsOf('AdminDeleteTicketAttachment').map((c) => c.variables)).toEqual([{ id: twoFiles[0]!.id }]);
  });

  it('says why when the server refuses the removal', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { server } = renderCard(ticket(twoFiles), SUPPORT_PERMISSIONS, {
      AdminDeleteTicketAttachment: () => gqlError('NOT_FOUND', 'Attachment not found.'),
    });
    await settle(server);
    await userEvent.click(screen.getByRole('button', { name: `Remove ${twoFiles[1]!.filename}` }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).not.toHaveTextContent('the customer included');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove file' }));
    expect(await screen.findByText('Attachment not found.')).toBeInTheDocument();
  });
});
