import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TicketAttachmentsDocument } from '../../../../gql/graphql';
import { formatDateTime } from '../../../../shared/format';
import { createFakeServer, fakeMe, gqlError } from '../../../../test/fake-graphql';
import { renderPortal } from '../../../__tests__/portal-harness';
import { TicketAttachments } from '../components/TicketAttachments';
import { FakeXHR, installFakeUploads } from '../../../../test/fake-upload';

/**
 * The attachments section over an in-memory API (its list read through the same query the
 * section refreshes after an upload) and a stand-in XMLHttpRequest for the upload itself: who
 * may remove which file, the internal checkbox for agents only, the limit, the upload's form
 * fields, and downloads read with the bearer token.
 */


installFakeUploads();
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  jest.restoreAllMocks();
});

const TICKET_ID = 'VGlja2V0OjE=';
const MEMBER_ID = 'VXNlcjptZW1iZXI=';
const OTHER_ID = 'VXNlcjpvdGhlcg==';
const UPLOAD_PATH = `/api/tickets/${TICKET_ID}/attachments`;

function file(id: string, filename: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'TicketAttachment',
    id,
    filename,
    contentType: 'application/pdf',
    size: 2048,
    sha256: 'ab'.repeat(32),
    internal: false,
    fromSupport: false,
    uploaderName: 'Mia Member',
    uploadedBy: { __typename: 'User', id: MEMBER_ID, name: 'Mia Member' },
    downloadPath: `/api/tickets/attachments/${id}/content`,
    createdAt: '2026-11-01T10:00:00.000Z',
    ...extra,
  };
}
type FileRow = ReturnType<typeof file>;

const own = () => file('QTox', 'invoice-march.pdf');
const others = () => file('QToy', 'screenshot.png', { contentType: 'image/png', uploaderName: 'Otto Other', uploadedBy: { __typename: 'User', id: OTHER_ID, name: 'Otto Other' } });
const support = () => file('QToz', 'fix-instructions.pdf', { fromSupport: true, uploaderName: 'Atrium support', uploadedBy: null });
const internal = () => file('QTo0', 'customer-history.pdf', { internal: true, uploaderName: 'Ada Agent', uploadedBy: { __typename: 'User', id: OTHER_ID, name: 'Ada Agent' } });

const ticketOf = (files: FileRow[], maxFiles = 20) => ({
  __typename: 'Ticket',
  id: TICKET_ID,
  attachmentUpload: { __typename: 'TicketAttachmentUpload', path: UPLOAD_PATH, maxBytes: 1024 * 1024, contentTypes: ['application/pdf', 'image/png', 'image/jpeg'], maxFiles },
  attachments: files,
});

const store = { validAccessToken: () => Promise.resolve('access-1'), renew: () => Promise.resolve('access-2') };

function Section({ meId, canAttach, canManage }: { meId: string; canAttach: boolean; canManage: boolean }) {
  const { data } = useQuery(TicketAttachmentsDocument, { variables: { id: TICKET_ID } });
  if (!data?.ticket) return null;
  return <TicketAttachments ticket={data.ticket} meId={meId} canAttach={canAttach} canManage={canManage} store={store} />;
}

const ROLES = {
  member: { meId: MEMBER_ID, canAttach: true, canManage: false },
  agent: { meId: 'VXNlcjphZ2VudA==', canAttach: true, canManage: true },
  viewer: { meId: 'VXNlcjp2aWV3ZXI=', canAttach: false, canManage: false },
};

/** The section as `role` sees it; `state.files` is what the server holds (uploads add to it). */
async function renderSection(role: keyof typeof ROLES, files: FileRow[], opts: { maxFiles?: number; onDelete?: (id: string) => ReturnType<typeof gqlError> | null } = {}) {
  const state = { files };
  const server = createFakeServer({
    TicketAttachments: () => ({ data: { ticket: ticketOf(state.files, opts.maxFiles) } }),
    DeleteTicketAttachment: (v) => {
      const id = String(v.id);
      const refusal = opts.onDelete?.(id);
      if (refusal) return refusal;
      state.files = state.files.filter((f) => f.id !== id);
      return { data: { deleteTicketAttachment: id } };
    },
  });
  const client = new ApolloClient({ link: new HttpLink({ uri: '/graphql', fetch: server.fetch }), cache: new InMemoryCache() });
  render(
    <ApolloProvider client={client}>
      <Section {...ROLES[role]} />
    </ApolloProvider>,
  );
  await screen.findByRole('heading', { level: 2, name: 'Attachments' });
  return { server, state, user: userEvent.setup({ applyAccept: false }) };
}

const list = () => screen.getByRole('list', { name: 'Attached files' });
const item = (filename: string) => within(list()).getByRole('listitem', { name: filename });
const sentRequest = async (n = 1) => {
  await waitFor(() => expect(FakeXHR.sent).toHaveLength(n));
  const xhr = FakeXHR.sent[n - 1];
  if (!xhr) throw new Error('no request');
  return xhr;
};
const pdf = (name: string) => new File([new Uint8Array(2048).fill(0x25)], name, { type: 'application/pdf' });

describe('TicketAttachments: the list', () => {
  it('shows each file with its size, uploader and date, internal ones marked, and the count', async () => {
    await renderSection('agent', [own(), internal()]);
    const first = item('invoice-march.pdf');
    expect(within(first).getByText(`2 KB · Mia Member · ${formatDateTime('2026-11-01T10:00:00.000Z')}`)).toBeInTheDocument();
    expect(within(first).queryByText('Internal')).not.toBeInTheDocument();
    expect(within(item('customer-history.pdf')).getByText('Internal')).toBeInTheDocument();
    expect(within(item('customer-history.pdf')).getByText(/Ada Agent/)).toBeInTheDocument();
    expect(within(first).getByRole('button', { name: 'Download invoice-march.pdf' })).toBeInTheDocument();
    expect(screen.getByText('2 of 20 files')).toBeInTheDocument();
    // The list holds list items only.
    for (const child of Array.from(list().children)) expect(child.tagName).toBe('LI');
  });

  it('says so when there are no files', async () => {
    await renderSection('member', []);
    expect(screen.getByText('No files attached.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Attached files' })).not.toBeInTheDocument();
    expect(screen.getByText('0 of 20 files')).toBeInTheDocument();
  });
});

describe('TicketAttachments: removing', () => {
  it("a member may remove their own file, not another person's or support's", async () => {
    const { server, user } = await renderSection('member', [own(), others(), support()]);
    expect(within(item('screenshot.png')).queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
    expect(within(item('fix-instructions.pdf')).queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();

    await user.click(within(item('invoice-march.pdf')).getByRole('button', { name: 'Remove invoice-march.pdf' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this file?' });
    expect(dialog).toHaveTextContent('“invoice-march.pdf” will be removed');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    await waitFor(() => expect(within(list()).queryByRole('listitem', { name: 'invoice-march.pdf' })).not.toBeInTheDocument());
    expect(server.callsOf('DeleteTicketAttachment').map((c) => c.variables)).toEqual([{ id: 'QTox' }]);
    // The cache was updated: no second read of the list.
    expect(server.callsOf('TicketAttachments')).toHaveLength(1);
    expect(screen.getByText('2 of 20 files')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('an agent may remove every file, support files included', async () => {
    await renderSection('agent', [own(), others(), support(), internal()]);
    for (const name of ['invoice-march.pdf', 'screenshot.png', 'fix-instructions.pdf', 'customer-history.pdf']) {
      expect(within(item(name)).getByRole('button', { name: `Remove ${name}` })).toBeInTheDocument();
    }
  });

  it('a reader without ticket:comment may download but neither remove nor attach', async () => {
    await renderSection('viewer', [own()]);
    expect(within(item('invoice-march.pdf')).getByRole('button', { name: 'Download invoice-march.pdf' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Attach files')).not.toBeInTheDocument();
  });

  it("shows the server's refusal in the dialog and keeps the file", async () => {
    const { user } = await renderSection('member', [own()], {
      onDelete: () => gqlError('FORBIDDEN', "Only whoever attached a file, or the tenant's agents (ticket:assign), can remove it."),
    });
    await user.click(screen.getByRole('button', { name: 'Remove invoice-march.pdf' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this file?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("Only whoever attached a file, or the tenant's agents (ticket:assign), can remove it.");
    // The dialog stays open (the page behind it is hidden from assistive technology meanwhile).
    expect(screen.getByRole('dialog', { name: 'Remove this file?' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: 'invoice-march.pdf', hidden: true })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(item('invoice-march.pdf')).toBeInTheDocument();
  });
});

describe('TicketAttachments: attaching', () => {
  it('offers the "Internal" checkbox to agents only', async () => {
    await renderSection('member', []);
    expect(screen.getByLabelText('Attach files')).toBeInTheDocument();
    expect(screen.getByTestId('ticket-dropzone')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Internal (only your team sees it)' })).not.toBeInTheDocument();
  });

  it('replaces the dropzone with a message once the ticket holds the most files it can', async () => {
    await renderSection('member', [own(), others()], { maxFiles: 2 });
    expect(screen.getByText('This ticket holds the most files it can (2). Remove one to attach another.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Attach files')).not.toBeInTheDocument();
    expect(screen.getByText('2 of 2 files')).toBeInTheDocument();
  });

  it('an agent attaches an internal file: the form says internal=true, and the list shows it without reload', async () => {
    const { server, state, user } = await renderSection('agent', [own()]);
    await user.click(screen.getByRole('checkbox', { name: 'Internal (only your team sees it)' }));
    expect(screen.getByText(/customers don.t see them/)).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Attach files'), pdf('audit-notes.pdf'));

    const xhr = await sentRequest();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(UPLOAD_PATH);
    expect(xhr.headers.authorization).toBe('Bearer access-1');
    expect(xhr.body?.get('internal')).toBe('true');
    expect((xhr.body?.get('file') as File).name).toBe('audit-notes.pdf');

    const created = file('QTo1', 'audit-notes.pdf', { internal: true, uploaderName: 'Agent Person', uploadedBy: { __typename: 'User', id: 'VXNlcjphZ2VudA==', name: 'Agent Person' } });
    state.files = [...state.files, created];
    xhr.respond(201, { id: created.id, ticketId: TICKET_ID, filename: created.filename, contentType: 'application/pdf', size: 2048, sha256: created.sha256, internal: true, createdAt: created.createdAt, downloadPath: created.downloadPath });

    const added = await within(list()).findByRole('listitem', { name: 'audit-notes.pdf' });
    expect(within(added).getByText('Internal')).toBeInTheDocument();
    expect(screen.getByText('2 of 20 files')).toBeInTheDocument();
    expect(server.callsOf('TicketAttachments')).toHaveLength(2);
  });

  it('a plain upload sends no internal field', async () => {
    const { user } = await renderSection('agent', []);
    await user.upload(screen.getByLabelText('Attach files'), pdf('plain.pdf'));
    const xhr = await sentRequest();
    expect(xhr.body?.has('internal')).toBe(false);
    expect((xhr.body?.get('file') as File).name).toBe('plain.pdf');
  });

  it("shows the server's refusal of one file too many beside it", async () => {
    const { server, user } = await renderSection('member', [own()]);
    await user.upload(screen.getByLabelText('Attach files'), pdf('one-too-many.pdf'));
    (await sentRequest()).respond(409, { error: 'CONFLICT', reason: 'ATTACHMENT_LIMIT', message: 'A ticket holds at most 20 files; remove one first.' });
    const upload = await screen.findByRole('listitem', { name: 'Upload of one-too-many.pdf' });
    expect(await within(upload).findByRole('alert')).toHaveTextContent('A ticket holds at most 20 files; remove one first.');
    expect(server.callsOf('TicketAttachments')).toHaveLength(1);
  });
});

describe('TicketAttachments: downloading', () => {
  it('reads the file with the bearer token, with a spinner meanwhile, and saves it under its name', async () => {
    let answer: (res: Response) => void = () => undefined;
    const fetchMock = jest.fn((_path: string, _init: RequestInit) => new Promise<Response>((resolve) => (answer = resolve)));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:atrium/1'), revokeObjectURL: jest.fn() });
    const saved: { download: string; href: string }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ download: this.download, href: this.href });
    });

    const { user } = await renderSection('member', [own()]);
    const button = screen.getByRole('button', { name: 'Download invoice-march.pdf' });
    await user.click(button);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/tickets/attachments/QTox/content');
    expect(fetchMock.mock.calls[0]?.[1].headers).toEqual({ authorization: 'Bearer access-1' });
    expect(within(button).getByRole('progressbar', { name: 'Reading invoice-march.pdf' })).toBeInTheDocument();

    answer(new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), { status: 200, headers: { 'content-type': 'application/pdf' } }));
    await waitFor(() => expect(saved).toEqual([{ download: 'invoice-march.pdf', href: 'blob:atrium/1' }]));
    await waitFor(() => expect(within(button).queryByRole('progressbar')).not.toBeInTheDocument());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows the server's words beside the file when it cannot be read", async () => {
    globalThis.fetch = jest.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify({ error: 'NOT_FOUND', message: 'The file of this attachment is missing; ask support.' }), { status: 404, headers: { 'content-type': 'application/json' } }),
      ),
    );
    const { user } = await renderSection('member', [own(), others()]);
    await user.click(screen.getByRole('button', { name: 'Download invoice-march.pdf' }));
    expect(await within(item('invoice-march.pdf')).findByRole('alert')).toHaveTextContent('The file of this attachment is missing; ask support.');
    expect(within(item('screenshot.png')).queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('the ticket page', () => {
  const page = { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };
  const detail = (files: FileRow[]) => ({
    data: {
      ticket: {
        ...ticketOf(files),
        number: 42,
        subject: 'Printer on fire',
        body: 'It smells of toner.',
        status: 'OPEN',
        priority: 'HIGH',
        version: 1,
        createdAt: '2026-11-01T09:00:00.000Z',
        updatedAt: '2026-11-01T09:00:00.000Z',
        correlationId: null,
        requester: { __typename: 'User', id: MEMBER_ID, name: 'Mia Member', email: 'member@acme.test' },
        assignee: null,
        comments: { __typename: 'TicketCommentConnection', totalCount: 0, pageInfo: page, nodes: [] },
      },
    },
  });
  const assignees = () => ({ data: { memberships: { __typename: 'MembershipConnection', nodes: [] } } });

  it('an agent sees the files, internal ones included, with the internal checkbox and every remove', async () => {
    renderPortal(`/tickets/${TICKET_ID}`, { stored: true, role: 'agent', handlers: { TicketDetail: () => detail([own(), internal()]), TicketAssignees: assignees } });
    await screen.findByRole('heading', { level: 2, name: 'Attachments' });
    expect(within(item('customer-history.pdf')).getByText('Internal')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove invoice-march.pdf' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove customer-history.pdf' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Internal (only your team sees it)' })).toBeInTheDocument();
  });

  it('a member removes only their own file and gets no internal checkbox', async () => {
    renderPortal(`/tickets/${TICKET_ID}`, {
      stored: true,
      me: () => fakeMe('member', { user: { __typename: 'User', id: MEMBER_ID, name: 'Mia Member', email: 'member@acme.test', staffRole: null } }),
      handlers: { TicketDetail: () => detail([own(), others()]) },
    });
    await screen.findByRole('heading', { level: 2, name: 'Attachments' });
    expect(screen.getByRole('button', { name: 'Remove invoice-march.pdf' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove screenshot.png' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Attach files')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Internal (only your team sees it)' })).not.toBeInTheDocument();
  });
});
