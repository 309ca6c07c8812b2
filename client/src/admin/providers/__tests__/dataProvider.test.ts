import '../../test/jsdom-polyfills';
import { HttpError } from 'ra-core';
import { createApolloClient } from '../../../shared/apollo/create-apollo-client';
import { createRefreshTransport } from '../../../shared/session/refresh-transport';
import { SessionStore } from '../../../shared/session/session-store';
import { createFakeServer, type FakeHandler, type FakeServer, gqlError } from '../../../test/fake-graphql';
import { createDataProvider } from '../dataProvider';

/**
 * The back office's data provider against the real generated documents: the variables each
 * react-admin call sends (operation names come from the documents), and how answers and coded
 * errors come back to react-admin. Only the HTTP endpoint is in memory.
 */

const KEY = 'atrium.admin-test.session';

function setup(handlers: Record<string, FakeHandler>): { server: FakeServer; dp: ReturnType<typeof createDataProvider>; store: SessionStore } {
  const server = createFakeServer(handlers);
  const store = new SessionStore({ storageKey: KEY, refresh: createRefreshTransport('/graphql', server.fetch), locks: null });
  store.setTokens({ accessToken: 'staff-token', accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), refreshToken: 'r', tenantId: null });
  return { server, store, dp: createDataProvider(createApolloClient({ store, fetch: server.fetch }), undefined, store) };
}

const only = (server: FakeServer, operation: string) => {
  const calls = server.callsOf(operation);
  expect(calls).toHaveLength(1);
  return calls[0]!.variables;
};

const tenant = (n: string) => ({ __typename: 'Tenant', id: `T-${n}`, slug: n, name: `${n[0]!.toUpperCase()}${n.slice(1)} Inc.` });
const person = (n: string) => ({ __typename: 'User', id: `U-${n}`, name: `${n} Person`, email: `${n}@x.test` });

function ticketNode(n: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Ticket',
    id: `TK-${n}`,
    number: n,
    subject: `Ticket ${n}`,
    status: 'OPEN',
    priority: 'HIGH',
    version: 3,
    createdAt: '2026-09-01T09:00:00.000Z',
    updatedAt: '2026-09-02T09:00:00.000Z',
    correlationId: null,
    tenant: tenant('acme'),
    requester: person('mia'),
    assignee: null,
    ...overrides,
  };
}

const attachmentNode = (n: number, overrides: Record<string, unknown> = {}) => ({
  __typename: 'TicketAttachment',
  id: `TA-${n}`,
  filename: `screenshot-${n}.png`,
  contentType: 'image/png',
  size: 2048 * n,
  sha256: 'ab'.repeat(32),
  internal: false,
  fromSupport: false,
  uploaderName: 'mia Person',
  uploadedBy: person('mia'),
  downloadPath: `/api/tickets/attachments/TA-${n}/content`,
  createdAt: '2026-09-01T11:00:00.000Z',
  ...overrides,
});
const attachmentUpload = { __typename: 'TicketAttachmentUpload', path: '/api/tickets/TK-9/attachments', maxBytes: 10_485_760, contentTypes: ['application/pdf', 'image/png', 'image/jpeg'], maxFiles: 20 };

const detail = {
  body: 'It breaks.',
  comments: { __typename: 'TicketCommentConnection', totalCount: 1, nodes: [{ __typename: 'TicketComment', id: 'C-1', body: 'Looking', createdAt: '2026-09-01T10:00:00.000Z', internal: true, fromSupport: false, authorName: 'ada Person', author: person('ada') }] },
  attachments: [attachmentNode(1), attachmentNode(2, { internal: true, fromSupport: true, uploaderName: 'ada Person', uploadedBy: person('ada'), contentType: 'application/pdf', filename: 'trace.pdf' })],
  attachmentUpload,
};

beforeEach(() => localStorage.clear());

describe('tickets', () => {
  it('sends the page as first/offset, the sort as orderBy and only the filters the user set', async () => {
    const { server, dp } = setup({
      AdminTickets: () => ({ data: { tickets: { __typename: 'TicketConnection', totalCount: 61, nodes: [ticketNode(7, { assignee: person('ada') }), ticketNode(8)] } } }),
    });
    const result = await dp.getList('tickets', {
      pagination: { page: 3, perPage: 25 },
      sort: { field: 'priority', order: 'ASC' },
      filter: { q: '  sso ', tenantId: 'T-acme', status: ['OPEN', 'NOT_A_STATUS'], priority: 'URGENT', assigneeId: '', requesterId: undefined },
    });
    expect(only(server, 'AdminTickets')).toEqual({
      first: 25,
      offset: 50,
      orderBy: { field: 'PRIORITY', direction: 'ASC' },
      filter: { text: 'sso', tenantId: 'T-acme', status: ['OPEN'], priority: ['URGENT'] },
    });
    expect(result.total).toBe(61);
    expect(result.data.map((r) => [r.id, r.number, r.tenantId, r.assigneeId])).toEqual([
      ['TK-7', 7, 'T-acme', 'U-ada'],
      ['TK-8', 8, 'T-acme', null],
    ]);
    expect(result.data[0]).toMatchObject({ tenant: { name: 'Acme Inc.' }, requester: { email: 'mia@x.test' }, assignee: { name: 'ada Person' } });
  });

  it('caps the page at the API limit, sends no filter when none is set and sorts an unsortable column newest first', async () => {
    const { server, dp } = setup({ AdminTickets: () => ({ data: { tickets: { __typename: 'TicketConnection', totalCount: 0, nodes: [] } } }) });
    await dp.getList('tickets', { pagination: { page: 1, perPage: 500 }, sort: { field: 'subject', order: 'ASC' }, filter: { q: '   ' } });
    const vars = only(server, 'AdminTickets');
    expect(vars).toEqual({ first: 100, offset: 0, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    expect(vars).not.toHaveProperty('filter');
  });

  it('sends unassigned alone: the API refuses it together with an assignee', async () => {
    const { server, dp } = setup({ AdminTickets: () => ({ data: { tickets: { __typename: 'TicketConnection', totalCount: 0, nodes: [] } } }) });
    await dp.getList('tickets', { pagination: { page: 2, perPage: 10 }, sort: { field: 'updatedAt', order: 'DESC' }, filter: { unassigned: true, assigneeId: 'U-ada' } });
    expect(only(server, 'AdminTickets')).toEqual({ first: 10, offset: 10, orderBy: { field: 'UPDATED_AT', direction: 'DESC' }, filter: { unassigned: true } });
  });

  it('lists a tenant’s tickets by reference through the same filter', async () => {
    const { server, dp } = setup({ AdminTickets: () => ({ data: { tickets: { __typename: 'TicketConnection', totalCount: 0, nodes: [] } } }) });
    await dp.getManyReference('tickets', { target: 'tenantId', id: 'T-globex', pagination: { page: 1, perPage: 5 }, sort: { field: 'createdAt', order: 'DESC' }, filter: {} });
    expect(only(server, 'AdminTickets')).toMatchObject({ first: 5, offset: 0, filter: { tenantId: 'T-globex' } });
  });

  it('reads one ticket with its body and conversation', async () => {
    const { server, dp } = setup({ AdminTicket: () => ({ data: { ticket: { ...ticketNode(9), ...detail } } }) });
    const { data } = await dp.getOne('tickets', { id: 'TK-9' });
    expect(only(server, 'AdminTicket')).toEqual({ id: 'TK-9' });
    expect(data).toMatchObject({ id: 'TK-9', body: 'It breaks.', commentCount: 1, comments: [{ id: 'C-1', internal: true, authorName: 'ada Person', author: { name: 'ada Person' } }] });
  });

  it('reads the ticket’s files (internal ones and the staff uploader included) and where to upload more', async () => {
    const { server, dp } = setup({ AdminTicket: () => ({ data: { ticket: { ...ticketNode(9), ...detail } } }) });
    const { data } = await dp.getOne('tickets', { id: 'TK-9' });
    expect(only(server, 'AdminTicket')).toEqual({ id: 'TK-9' });
    expect(data.attachments).toEqual([
      {
        id: 'TA-1',
        filename: 'screenshot-1.png',
        contentType: 'image/png',
        size: 2048,
        sha256: 'ab'.repeat(32),
        internal: false,
        fromSupport: false,
        uploaderName: 'mia Person',
        uploadedBy: { id: 'U-mia', name: 'mia Person', email: 'mia@x.test' },
        downloadPath: '/api/tickets/attachments/TA-1/content',
        createdAt: '2026-09-01T11:00:00.000Z',
      },
      expect.objectContaining({ id: 'TA-2', filename: 'trace.pdf', internal: true, fromSupport: true, uploadedBy: { id: 'U-ada', name: 'ada Person', email: 'ada@x.test' } }),
    ]);
    expect(data.attachmentUpload).toEqual({ path: '/api/tickets/TK-9/attachments', maxBytes: 10_485_760, contentTypes: ['application/pdf', 'image/png', 'image/jpeg'], maxFiles: 20 });
  });

  it('keeps a file without a known uploader (uploadedBy null) and an empty list as they are', async () => {
    const { dp } = setup({
      AdminTicket: () => ({ data: { ticket: { ...ticketNode(9), ...detail, attachments: [attachmentNode(3, { uploadedBy: null, uploaderName: 'Atrium support', fromSupport: true })] } } }),
    });
    const { data } = await dp.getOne('tickets', { id: 'TK-9' });
    expect(data.attachments).toEqual([expect.objectContaining({ id: 'TA-3', uploadedBy: null, uploaderName: 'Atrium support' })]);
    const empty = await setup({ AdminTicket: () => ({ data: { ticket: { ...ticketNode(9), ...detail, attachments: [] } } }) }).dp.getOne('tickets', { id: 'TK-9' });
    expect(empty.data.attachments).toEqual([]);
  });

  it('removes a file with deleteTicketAttachment and passes the server’s refusal on', async () => {
    const { server, dp } = setup({ AdminDeleteTicketAttachment: (v) => ({ data: { deleteTicketAttachment: v.id } }) });
    await expect(dp.deleteTicketAttachment('tickets', { id: 'TA-2' })).resolves.toEqual({ data: { id: 'TA-2' } });
    expect(only(server, 'AdminDeleteTicketAttachment')).toEqual({ id: 'TA-2' });
    expect(server.calls[0]?.token).toBe('staff-token');

    const message = 'This needs the platform:ticket:reply permission.';
    const refused = setup({ AdminDeleteTicketAttachment: () => gqlError('FORBIDDEN', message, { reason: 'MISSING_PERMISSION' }) });
    await expect(refused.dp.deleteTicketAttachment('tickets', { id: 'TA-2' })).rejects.toMatchObject({ status: 403, message });
  });

  it('reads an attachment’s file with the bearer token, and nothing but attachment paths', async () => {
    const realFetch = globalThis.fetch;
    const fetchMock = jest.fn(async (_path: string, init?: RequestInit) => {
      void init;
      return new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { status: 200, headers: { 'content-type': 'image/png' } });
    });
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    try {
      const { dp } = setup({});
      const { data } = await dp.ticketAttachmentFile('tickets', { path: '/api/tickets/attachments/TA-1/content' });
      expect(data.type).toBe('image/png');
      expect(data.size).toBe(4);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/tickets/attachments/TA-1/content');
      expect(fetchMock.mock.calls[0]?.[1]?.headers).toEqual({ authorization: 'Bearer staff-token' });

      // A KYC document's path (or any other) is not read through the ticket's call.
      await expect(dp.ticketAttachmentFile('tickets', { path: '/api/kyc/documents/D-1/content' })).rejects.toMatchObject({ status: 400 });
      expect(fetchMock).toHaveBeenCalledTimes(1);

      fetchMock.mockResolvedValueOnce(Response.json({ error: 'NOT_FOUND', message: 'Attachment not found.' }, { status: 404 }));
      await expect(dp.ticketAttachmentFile('tickets', { path: '/api/tickets/attachments/TA-9/content' })).rejects.toMatchObject({
        status: 404,
        message: 'Attachment not found.',
        body: { code: 'NOT_FOUND' },
      });
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('hands uploads the session’s token, and a renewed one after a refusal', async () => {
    const { dp, store } = setup({});
    const renew = jest.spyOn(store, 'renew').mockResolvedValue('fresh-token');
    await expect(dp.uploadToken('tickets', {})).resolves.toEqual({ data: 'staff-token' });
    expect(renew).not.toHaveBeenCalled();
    await expect(dp.uploadToken('tickets', { renew: true, rejected: 'staff-token' })).resolves.toEqual({ data: 'fresh-token' });
    expect(renew).toHaveBeenCalledWith('staff-token');
  });

  it('reads many by id through nodes, leaving out ids the caller cannot see', async () => {
    const { server, dp } = setup({
      AdminTicketsByIds: () => ({ data: { nodes: [ticketNode(1), null] }, errors: [{ message: 'Ticket not found.', extensions: { code: 'NOT_FOUND' } }] }),
    });
    const { data } = await dp.getMany('tickets', { ids: ['TK-1', 'TK-gone'] });
    expect(only(server, 'AdminTicketsByIds')).toEqual({ ids: ['TK-1', 'TK-gone'] });
    expect(data.map((r) => r.id)).toEqual(['TK-1']);
  });

  it('updates only what changed, with the version it loaded; an empty assignee unassigns', async () => {
    const { server, dp } = setup({ AdminUpdateTicket: (v) => ({ data: { updateTicket: { ...ticketNode(4, { status: (v.input as { status: string }).status, version: 4 }), ...detail } } }) });
    const previous = (await setup({ AdminTicket: () => ({ data: { ticket: { ...ticketNode(4, { assignee: person('ada') }), ...detail } } }) }).dp.getOne('tickets', { id: 'TK-4' })).data;
    const { data } = await dp.update('tickets', { id: 'TK-4', data: { ...previous, status: 'RESOLVED', assigneeId: '' }, previousData: previous });
    expect(only(server, 'AdminUpdateTicket')).toEqual({ input: { id: 'TK-4', version: 3, status: 'RESOLVED', assigneeId: null } });
    expect(data).toMatchObject({ status: 'RESOLVED', version: 4 });
  });

  it('does not call the API when nothing changed', async () => {
    const { server, dp } = setup({});
    const previous = { ...ticketNode(4), tenantId: 'T-acme', assigneeId: null };
    const { data } = await dp.update('tickets', { id: 'TK-4', data: { ...previous }, previousData: previous });
    expect(server.calls).toHaveLength(0);
    expect(data).toBe(previous);
  });

  it('turns a stale version into a 409 with the server’s message, not a form error', async () => {
    const message = 'Someone else changed this ticket since you loaded it. Reload it and try again.';
    const { dp } = setup({ AdminUpdateTicket: () => gqlError('CONFLICT', message, { reason: 'STALE_VERSION' }) });
    const previous = { ...ticketNode(4), tenantId: 'T-acme', assigneeId: null };
    const error = await dp.update('tickets', { id: 'TK-4', data: { status: 'CLOSED' }, previousData: previous }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ message, status: 409, body: { code: 'CONFLICT' } });
    expect((error as HttpError).body).not.toHaveProperty('errors');
  });

  it('puts BAD_USER_INPUT field errors where the form shows them', async () => {
    const { dp } = setup({
      AdminUpdateTicket: () =>
        gqlError('BAD_USER_INPUT', 'Invalid input: Subject must be between 3 and 200 characters.', {
          fields: [{ field: 'input.subject', message: 'Subject must be between 3 and 200 characters.' }],
        }),
    });
    const previous = { ...ticketNode(4), tenantId: 'T-acme', assigneeId: null };
    const error = await dp.update('tickets', { id: 'TK-4', data: { subject: 'ab' }, previousData: previous }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      body: {
        code: 'BAD_USER_INPUT',
        errors: { subject: 'Subject must be between 3 and 200 characters.', root: { serverError: 'Invalid input: Subject must be between 3 and 200 characters.' } },
      },
    });
  });
});

describe('errors', () => {
  it('passes FORBIDDEN and NOT_FOUND through as statuses react-admin notifies with the server’s message', async () => {
    const { dp } = setup({
      AdminTenants: () => gqlError('FORBIDDEN', 'This needs the platform:tenant:read permission.', { reason: 'MISSING_PERMISSION' }),
      AdminTenant: () => gqlError('NOT_FOUND', 'Tenant not found.'),
    });
    await expect(dp.getList('tenants', { pagination: { page: 1, perPage: 10 }, sort: { field: 'createdAt', order: 'ASC' }, filter: {} })).rejects.toMatchObject({
      status: 403,
      message: 'This needs the platform:tenant:read permission.',
    });
    await expect(dp.getOne('tenants', { id: 'T-x' })).rejects.toMatchObject({ status: 404, message: 'Tenant not found.' });
  });

  it('says plainly when the server cannot be reached', async () => {
    const { dp: offline } = setup({
      AdminUsers: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(offline.getList('users', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/could not reach Atrium/),
    });
  });

  it('refuses operations a resource does not offer, without calling the API', async () => {
    const { server, dp } = setup({});
    await expect(dp.delete('tickets', { id: 'TK-1' })).rejects.toMatchObject({ status: 405 });
    await expect(dp.update('audit-logs', { id: 'A-1', data: {}, previousData: { id: 'A-1' } })).rejects.toMatchObject({ status: 405 });
    await expect(dp.getList('invoices', { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).rejects.toThrow('Unknown resource');
    expect(server.calls).toHaveLength(0);
  });
});

describe('audit logs', () => {
  const auditNode = {
    __typename: 'AuditLog',
    id: 'A-1',
    action: 'ticket.updated',
    createdAt: '2026-09-03T12:00:00.000Z',
    correlationId: 'corr-1',
    ip: '127.0.0.1',
    targetId: 'TK-4',
    targetType: 'Ticket',
    diff: { before: { status: 'OPEN' }, after: { status: 'RESOLVED' } },
    actor: { ...person('sam'), staffRole: 'SUPERADMIN' },
    tenant: tenant('acme'),
  };

  it('sends actor, action, target, correlation id, tenant and a date range; a column other than time sorts newest first', async () => {
    const { server, dp } = setup({ AdminAuditLogs: () => ({ data: { auditLogs: { __typename: 'AuditLogConnection', totalCount: 1, nodes: [auditNode] } } }) });
    const result = await dp.getList('audit-logs', {
      pagination: { page: 2, perPage: 50 },
      sort: { field: 'action', order: 'ASC' },
      filter: { actorId: 'U-sam', action: 'ticket.', targetId: ' TK-4 ', correlationId: 'corr-1', tenantId: 'T-acme', from: '2026-09-01', to: '2026-09-03' },
    });
    expect(only(server, 'AdminAuditLogs')).toEqual({
      first: 50,
      offset: 50,
      orderBy: { field: 'CREATED_AT', direction: 'DESC' },
      filter: {
        actorId: 'U-sam',
        action: 'ticket.',
        targetId: 'TK-4',
        correlationId: 'corr-1',
        tenantId: 'T-acme',
        // Whole days in the browser's time zone: from the first day's start to the last day's end.
        from: new Date(2026, 8, 1, 0, 0, 0, 0).toISOString(),
        to: new Date(2026, 8, 3, 23, 59, 59, 999).toISOString(),
      },
    });
    expect(result).toMatchObject({ total: 1, data: [{ id: 'A-1', actorId: 'U-sam', tenantId: 'T-acme', diff: { after: { status: 'RESOLVED' } } }] });
  });

  it('sorts by time oldest first when asked', async () => {
    const { server, dp } = setup({ AdminAuditLogs: () => ({ data: { auditLogs: { __typename: 'AuditLogConnection', totalCount: 0, nodes: [] } } }) });
    await dp.getList('audit-logs', { pagination: { page: 1, perPage: 25 }, sort: { field: 'createdAt', order: 'ASC' }, filter: {} });
    expect(only(server, 'AdminAuditLogs')).toEqual({ first: 25, offset: 0, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
  });

  it('refuses a date it cannot read instead of sending it', async () => {
    const { server, dp } = setup({});
    await expect(dp.getList('audit-logs', { pagination: { page: 1, perPage: 10 }, sort: { field: 'createdAt', order: 'DESC' }, filter: { from: 'yesterday-ish' } })).rejects.toMatchObject({
      status: 400,
    });
    expect(server.calls).toHaveLength(0);
  });

  it('reads one entry through node and says NOT_FOUND for another type', async () => {
    const { dp } = setup({
      AdminAuditLog: (v) => (v.id === 'A-1' ? { data: { node: auditNode } } : { data: { node: { __typename: 'Ticket' } } }),
    });
    await expect(dp.getOne('audit-logs', { id: 'A-1' })).resolves.toMatchObject({ data: { id: 'A-1', actor: { staffRole: 'SUPERADMIN' } } });
    await expect(dp.getOne('audit-logs', { id: 'TK-1' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('tenants and users', () => {
  it('search with q, sorted by the column react-admin asks for', async () => {
    const { server, dp } = setup({
      AdminTenants: () => ({ data: { tenants: { __typename: 'TenantConnection', totalCount: 1, nodes: [{ ...tenant('globex'), requireTwoFactor: true, createdAt: 'c', updatedAt: 'u' }] } } }),
      AdminUsers: () => ({ data: { users: { __typename: 'UserConnection', totalCount: 0, nodes: [] } } }),
    });
    const tenants = await dp.getList('tenants', { pagination: { page: 1, perPage: 25 }, sort: { field: 'slug', order: 'DESC' }, filter: { q: 'glo' } });
    await dp.getList('users', { pagination: { page: 4, perPage: 20 }, sort: { field: 'name', order: 'ASC' }, filter: { q: 'acme.test' } });
    expect(only(server, 'AdminTenants')).toEqual({ first: 25, offset: 0, filter: { search: 'glo' }, orderBy: { field: 'SLUG', direction: 'DESC' } });
    expect(only(server, 'AdminUsers')).toEqual({ first: 20, offset: 60, filter: { search: 'acme.test' }, orderBy: { field: 'NAME', direction: 'ASC' } });
    expect(tenants).toEqual({ total: 1, data: [{ id: 'T-globex', slug: 'globex', name: 'Globex Inc.', requireTwoFactor: true, createdAt: 'c', updatedAt: 'u' }] });
  });

  it('a column the API cannot sort by falls back to oldest first', async () => {
    const { server, dp } = setup({ AdminUsers: () => ({ data: { users: { __typename: 'UserConnection', totalCount: 0, nodes: [] } } }) });
    await dp.getList('users', { pagination: { page: 1, perPage: 25 }, sort: { field: 'staffRole', order: 'DESC' }, filter: {} });
    expect(only(server, 'AdminUsers')).toEqual({ first: 25, offset: 0, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
  });
});

const invitation = (n: number, status = 'PENDING') => ({
  __typename: 'Invitation',
  id: `I-${n}`,
  email: `new${n}@initech.test`,
  status,
  expiresAt: '2026-09-10T09:00:00.000Z',
  acceptedAt: null,
  createdAt: '2026-09-03T09:00:00.000Z',
  role: { __typename: 'Role', id: 'R-owner', name: 'owner' },
  invitedBy: person('sam'),
});

describe('creating a tenant', () => {
  const payload = (input: Record<string, unknown>) => ({
    data: {
      createTenant: {
        __typename: 'CreateTenantPayload',
        tenant: { __typename: 'Tenant', id: 'T-initech', slug: input.slug, name: input.name, requireTwoFactor: false, createdAt: 'c', updatedAt: 'u' },
        invitation: { ...invitation(1), email: String(input.ownerEmail).toLowerCase() },
      },
    },
  });

  it('sends the trimmed form as CreateTenantInput and answers the tenant with the owner’s invitation', async () => {
    const { server, dp } = setup({ AdminCreateTenant: (v) => payload(v.input as Record<string, unknown>) });
    const { data } = await dp.create('tenants', { data: { name: ' Initech ', slug: 'initech', ownerEmail: ' Bill@Initech.test ', ownerName: '  ' } });
    expect(only(server, 'AdminCreateTenant')).toEqual({ input: { name: 'Initech', slug: 'initech', ownerEmail: 'Bill@Initech.test', ownerName: null } });
    expect(data).toMatchObject({ id: 'T-initech', slug: 'initech', requireTwoFactor: false, ownerInvitation: { email: 'bill@initech.test', status: 'PENDING', role: { name: 'owner' } } });
  });

  it('refuses what the API would refuse before calling it, next to the fields', async () => {
    const { server, dp } = setup({});
    const error = await dp.create('tenants', { data: { name: 'Initech', slug: 'Initech Ltd', ownerEmail: 'bill' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', errors: { slug: expect.stringMatching(/lowercase/), ownerEmail: 'Enter a valid email address.' } } });
    expect(server.calls).toHaveLength(0);
  });

  it('puts a taken slug (CONFLICT, naming the field or not) and the server’s field errors on their fields, with the server’s message', async () => {
    const { dp } = setup({
      AdminCreateTenant: (v) => {
        const slug = (v.input as { slug: string }).slug;
        if (slug === 'acme') return gqlError('CONFLICT', 'The slug "acme" is taken.', { reason: 'DUPLICATE', fields: [{ field: 'slug', message: 'The slug "acme" is taken.' }] });
        if (slug === 'globex') return gqlError('CONFLICT', 'The slug "globex" is taken.');
        return gqlError('BAD_USER_INPUT', 'Invalid input: Enter a valid email address.', { fields: [{ field: 'input.ownerEmail', message: 'Enter a valid email address.' }] });
      },
    });
    await expect(dp.create('tenants', { data: { name: 'Globex', slug: 'globex', ownerEmail: 'o@globex.test' } })).rejects.toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', errors: { slug: 'The slug "globex" is taken.', root: { serverError: 'The slug "globex" is taken.' } } },
    });
    await expect(dp.create('tenants', { data: { name: 'Acme', slug: 'acme', ownerEmail: 'o@acme.test' } })).rejects.toMatchObject({
      status: 409,
      message: 'The slug "acme" is taken.',
      body: { code: 'CONFLICT', errors: { slug: 'The slug "acme" is taken.', root: { serverError: 'The slug "acme" is taken.' } } },
    });
    await expect(dp.create('tenants', { data: { name: 'Acme', slug: 'acme-2', ownerEmail: 'o@acme.test' } })).rejects.toMatchObject({
      status: 400,
      body: { errors: { ownerEmail: 'Enter a valid email address.' } },
    });
  });
});

describe('a tenant’s invitations', () => {
  it('lists them by tenant id, and resends or revokes one by id', async () => {
    const { server, dp } = setup({
      AdminTenantInvitations: () => ({ data: { invitations: { __typename: 'InvitationConnection', totalCount: 2, nodes: [invitation(2), { ...invitation(1, 'ACCEPTED'), invitedBy: null, acceptedAt: 'a' }] } } }),
      AdminResendInvitation: (v) => ({ data: { resendInvitation: { ...invitation(2), id: v.id, expiresAt: '2026-09-17T09:00:00.000Z' } } }),
      AdminRevokeInvitation: (v) => ({ data: { revokeInvitation: { ...invitation(2, 'REVOKED'), id: v.id } } }),
    });
    const list = await dp.invitationsOfTenant('tenants', { tenantId: 'T-initech' });
    expect(only(server, 'AdminTenantInvitations')).toEqual({ tenantId: 'T-initech', first: 100, offset: 0 });
    expect(list.total).toBe(2);
    expect(list.data.map((i) => [i.id, i.email, i.status, i.role.name, i.invitedBy?.name ?? null, i.acceptedAt])).toEqual([
      ['I-2', 'new2@initech.test', 'PENDING', 'owner', 'sam Person', null],
      ['I-1', 'new1@initech.test', 'ACCEPTED', 'owner', null, 'a'],
    ]);
    await expect(dp.resendInvitation('tenants', { id: 'I-2' })).resolves.toMatchObject({ data: { id: 'I-2', expiresAt: '2026-09-17T09:00:00.000Z' } });
    await expect(dp.revokeInvitation('tenants', { id: 'I-2' })).resolves.toMatchObject({ data: { id: 'I-2', status: 'REVOKED' } });
    expect(only(server, 'AdminResendInvitation')).toEqual({ id: 'I-2' });
    expect(only(server, 'AdminRevokeInvitation')).toEqual({ id: 'I-2' });
  });

  it('rejects with the server’s message when a change is refused', async () => {
    const { dp } = setup({ AdminRevokeInvitation: () => gqlError('CONFLICT', 'Only a pending invitation can be revoked.') });
    await expect(dp.revokeInvitation('tenants', { id: 'I-1' })).rejects.toMatchObject({ status: 409, message: 'Only a pending invitation can be revoked.' });
  });
});

describe('a user’s status and sessions', () => {
  const userNode = (deactivatedAt: string | null) => ({ ...person('mia'), staffRole: null, deactivatedAt, twoFactorEnabled: true, createdAt: 'c', updatedAt: 'u' });

  it('reads the status and two-factor with the user, and their sessions by user id', async () => {
    const { server, dp } = setup({
      AdminUser: () => ({ data: { node: userNode('2026-09-03T10:00:00.000Z') } }),
      AdminUserSessions: () => ({
        data: {
          userSessions: {
            __typename: 'SessionConnection',
            totalCount: 1,
            nodes: [{ __typename: 'Session', id: 'S-1', userAgent: null, ip: '10.0.0.1', createdAt: 'c', lastUsedAt: 'l', expiresAt: 'e' }],
          },
        },
      }),
    });
    await expect(dp.getOne('users', { id: 'U-mia' })).resolves.toMatchObject({ data: { deactivatedAt: '2026-09-03T10:00:00.000Z', twoFactorEnabled: true } });
    await expect(dp.sessionsOfUser('users', { userId: 'U-mia' })).resolves.toEqual({
      total: 1,
      data: [{ id: 'S-1', userAgent: null, ip: '10.0.0.1', createdAt: 'c', lastUsedAt: 'l', expiresAt: 'e' }],
    });
    expect(only(server, 'AdminUserSessions')).toEqual({ userId: 'U-mia', first: 100, offset: 0 });
  });

  it('deactivates, reactivates and revokes every session by id, answering the saved user or the count', async () => {
    const { server, dp } = setup({
      AdminDeactivateUser: () => ({ data: { deactivateUser: userNode('2026-09-03T10:00:00.000Z') } }),
      AdminReactivateUser: () => ({ data: { reactivateUser: userNode(null) } }),
      AdminRevokeUserSessions: () => ({ data: { revokeUserSessions: 3 } }),
    });
    await expect(dp.deactivateUser('users', { id: 'U-mia' })).resolves.toMatchObject({ data: { id: 'U-mia', deactivatedAt: '2026-09-03T10:00:00.000Z' } });
    await expect(dp.reactivateUser('users', { id: 'U-mia' })).resolves.toMatchObject({ data: { id: 'U-mia', deactivatedAt: null } });
    await expect(dp.revokeUserSessions('users', { userId: 'U-mia' })).resolves.toEqual({ data: { revoked: 3 } });
    expect(server.calls.map((c) => [c.operationName, c.variables])).toEqual([
      ['AdminDeactivateUser', { id: 'U-mia' }],
      ['AdminReactivateUser', { id: 'U-mia' }],
      ['AdminRevokeUserSessions', { userId: 'U-mia' }],
    ]);
  });

  it('rejects with the server’s message, e.g. staff deactivating themselves', async () => {
    const { dp } = setup({ AdminDeactivateUser: () => gqlError('FORBIDDEN', 'You cannot deactivate your own account.') });
    await expect(dp.deactivateUser('users', { id: 'U-sam' })).rejects.toMatchObject({ status: 403, message: 'You cannot deactivate your own account.' });
  });
});

describe('memberships', () => {
  const role = (name: string, system = true) => ({ __typename: 'Role', id: `R-${name}`, name, description: null, system, permissions: [] });
  const membership = (n: string, roleName: string) => ({
    __typename: 'Membership',
    id: `M-${n}`,
    createdAt: 'c',
    updatedAt: 'u',
    role: role(roleName, roleName !== 'support-lead'),
    tenant: tenant('acme'),
    user: person(n),
  });

  it('changes a role with membershipId and roleId, mapping a field error on the role to the form', async () => {
    const { server, dp } = setup({
      AdminUpdateMembershipRole: (v) =>
        (v.input as { roleId: string }).roleId === 'R-bad'
          ? gqlError('BAD_USER_INPUT', 'Expected a Role id in "roleId".', { fields: [{ field: 'roleId', message: 'Not a Role id.' }] })
          : { data: { updateMembershipRole: membership('mia', 'agent') } },
    });
    const previous = { id: 'M-mia', roleId: 'R-member', tenantId: 'T-acme', userId: 'U-mia' };
    const { data } = await dp.update('memberships', { id: 'M-mia', data: { ...previous, roleId: 'R-agent' }, previousData: previous });
    expect(only(server, 'AdminUpdateMembershipRole')).toEqual({ input: { membershipId: 'M-mia', roleId: 'R-agent' } });
    expect(data).toMatchObject({ roleId: 'R-agent', role: { name: 'agent' } });
    await expect(dp.update('memberships', { id: 'M-mia', data: { roleId: 'R-bad' }, previousData: previous })).rejects.toMatchObject({
      body: { errors: { roleId: 'Not a Role id.' } },
    });
  });

  it('offers every role of the member’s tenant, held or not, most powerful first, reading every page', async () => {
    let page = 0;
    const { server, dp } = setup({
      AdminTenantRoles: () => {
        page += 1;
        const nodes = page === 1 ? [role('member'), role('owner'), role('viewer')] : [role('support-lead', false), role('agent'), role('admin')];
        return { data: { roles: { __typename: 'RoleConnection', totalCount: 106, nodes } } };
      },
    });
    const { data } = await dp.rolesOfTenant('memberships', { tenantId: 'T-acme' });
    expect(server.callsOf('AdminTenantRoles').map((c) => c.variables)).toEqual([
      { first: 100, offset: 0, tenantId: 'T-acme' },
      { first: 100, offset: 100, tenantId: 'T-acme' },
    ]);
    expect(data.map((r) => r.name)).toEqual(['owner', 'admin', 'agent', 'member', 'viewer', 'support-lead']);
  });
});

describe('feature flags', () => {
  const flag = (overrides: { tenant: ReturnType<typeof tenant>; enabled: boolean }[], defaultEnabled = false) => ({
    __typename: 'FeatureFlag',
    id: 'F-1',
    key: 'automation.beta',
    description: 'Early access.',
    defaultEnabled,
    createdAt: 'c',
    updatedAt: 'u',
    overrides: overrides.map((o) => ({ __typename: 'FeatureFlagOverride', id: `O-${o.tenant.slug}`, updatedAt: 'u', ...o })),
  });

  it('saves the default and the complete set of overrides in one call', async () => {
    const { server, dp } = setup({ AdminSetFeatureFlag: () => ({ data: { setFeatureFlag: flag([{ tenant: tenant('globex'), enabled: false }], true) } }) });
    const previous = {
      id: 'F-1',
      key: 'automation.beta',
      description: 'Early access.',
      defaultEnabled: false,
      overrides: [
        { tenantId: 'T-acme', enabled: true },
        { tenantId: 'T-initech', enabled: false },
      ],
    };
    const { data } = await dp.update('feature-flags', {
      id: 'F-1',
      data: { ...previous, defaultEnabled: true, overrides: [{ tenantId: 'T-globex', enabled: false }, { tenantId: 'T-initech', enabled: true }] },
      previousData: previous,
    });
    expect(server.calls.map((c) => [c.operationName, c.variables])).toEqual([
      [
        'AdminSetFeatureFlag',
        {
          input: {
            key: 'automation.beta',
            defaultEnabled: true,
            description: 'Early access.',
            overrides: [
              { tenantId: 'T-globex', enabled: false },
              { tenantId: 'T-initech', enabled: true },
            ],
          },
        },
      ],
    ]);
    expect(data).toMatchObject({ defaultEnabled: true, overrides: [{ tenantId: 'T-globex', enabled: false }] });
  });

  it('leaves the overrides out when they did not change, and calls nothing when nothing did', async () => {
    const { server, dp } = setup({ AdminSetFeatureFlag: () => ({ data: { setFeatureFlag: flag([{ tenant: tenant('acme'), enabled: true }], true) } }) });
    const previous = { id: 'F-1', key: 'automation.beta', description: 'Early access.', defaultEnabled: false, overrides: [{ tenantId: 'T-acme', enabled: true }] };
    await dp.update('feature-flags', { id: 'F-1', data: { ...previous }, previousData: previous });
    expect(server.calls).toHaveLength(0);
    await dp.update('feature-flags', { id: 'F-1', data: { ...previous, defaultEnabled: true, overrides: [{ tenantId: 'T-acme', enabled: true }] }, previousData: previous });
    expect(only(server, 'AdminSetFeatureFlag')).toEqual({ input: { key: 'automation.beta', defaultEnabled: true, description: 'Early access.' } });
  });

  it('refuses an override without a tenant or a tenant twice, next to the rows, before calling the API', async () => {
    const { server, dp } = setup({});
    const previous = { id: 'F-1', key: 'k.k', description: '', defaultEnabled: false, overrides: [] };
    const error = await dp
      .update('feature-flags', { id: 'F-1', data: { overrides: [{ tenantId: 'T-a', enabled: true }, { enabled: true }, { tenantId: 'T-a', enabled: false }] }, previousData: previous })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, body: { errors: { overrides: { 1: { tenantId: 'Choose a tenant.' }, 2: { tenantId: expect.stringMatching(/already/) } } } } });
    expect(server.calls).toHaveLength(0);
  });

  it('creates a flag, but not over an existing key, and maps the server’s key rule to the key field', async () => {
    const { server, dp } = setup({
      AdminFeatureFlags: () => ({ data: { featureFlags: { __typename: 'FeatureFlagConnection', totalCount: 1, nodes: [flag([])] } } }),
      AdminSetFeatureFlag: (v) =>
        (v.input as { key: string }).key === 'Bad Key'
          ? gqlError('BAD_USER_INPUT', 'Invalid input: Flag keys are lowercase letters, digits, ".", "-" or "_".', {
              fields: [{ field: 'input.key', message: 'Flag keys are lowercase letters, digits, ".", "-" or "_".' }],
            })
          : { data: { setFeatureFlag: { ...flag([]), key: (v.input as { key: string }).key } } },
    });
    await expect(dp.create('feature-flags', { data: { key: 'automation.beta', defaultEnabled: true } })).rejects.toMatchObject({ status: 409, body: { errors: { key: expect.stringMatching(/already exists/) } } });
    expect(server.callsOf('AdminSetFeatureFlag')).toHaveLength(0);
    await expect(dp.create('feature-flags', { data: { key: 'Bad Key' } })).rejects.toMatchObject({ body: { errors: { key: expect.stringMatching(/lowercase/) } } });
    const { data } = await dp.create('feature-flags', { data: { key: 'billing.v2', description: 'New billing' } });
    expect(server.callsOf('AdminSetFeatureFlag').at(-1)?.variables).toEqual({ input: { key: 'billing.v2', defaultEnabled: false, description: 'New billing' } });
    expect(data).toMatchObject({ key: 'billing.v2' });
  });
});
