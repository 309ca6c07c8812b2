import { screen, within } from '@testing-library/react';
import { fakeMe } from '../../test/fake-graphql';
import { renderPortal } from './portal-harness';

/**
 * Controls a role cannot use are not shown: the page shows the value instead. The server refuses
 * them anyway; these tests hold the screens to the same rules (me.permissions).
 */

const TICKET_ID = 'VGlja2V0OjE=';
const page = { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

function ticket(requesterId: string, assigneeId: string | null) {
  return {
    __typename: 'Ticket',
    id: TICKET_ID,
    number: 42,
    subject: 'Printer on fire',
    body: 'It smells of toner.',
    status: 'OPEN',
    priority: 'HIGH',
    version: 1,
    createdAt: new Date(Date.now() - 3_600_000).toISOString(),
    updatedAt: new Date().toISOString(),
    correlationId: null,
    requester: { __typename: 'User', id: requesterId, name: 'Requester Person', email: 'requester@acme.test' },
    assignee: assigneeId ? { __typename: 'User', id: assigneeId, name: 'Assignee Person' } : null,
    comments: { __typename: 'TicketCommentConnection', totalCount: 0, pageInfo: page, nodes: [] },
    attachmentUpload: { __typename: 'TicketAttachmentUpload', path: `/api/tickets/${TICKET_ID}/attachments`, maxBytes: 10485760, contentTypes: ['application/pdf'], maxFiles: 20 },
    attachments: [],
  };
}

const assignees = {
  data: {
    memberships: {
      __typename: 'MembershipConnection',
      nodes: [{ __typename: 'Membership', id: 'TWVtYmVyc2hpcDph', user: { __typename: 'User', id: 'VXNlcjphZ2VudA==', name: 'Agent Person' }, role: { __typename: 'Role', id: 'Um9sZTph', name: 'agent' } }],
    },
  },
};

function openTicket(role: 'member' | 'agent' | 'viewer', requesterId: string, assigneeId: string | null = null) {
  return renderPortal(`/tickets/${TICKET_ID}`, {
    stored: true,
    role,
    handlers: {
      TicketDetail: () => ({ data: { ticket: ticket(requesterId, assigneeId) } }),
      TicketAssignees: () => assignees,
    },
  });
}

const details = () => screen.getByRole('complementary', { name: 'Ticket details' });

describe('ticket controls follow the role', () => {
  it('a member looking at someone else’s ticket sees its status, priority and assignee, with no controls', async () => {
    openTicket('member', 'VXNlcjpzb21lb25lLWVsc2U=', 'VXNlcjphZ2VudA==');
    await screen.findByRole('heading', { level: 1, name: 'Printer on fire' });
    expect(within(details()).queryByRole('combobox')).toBeNull();
    expect(within(details()).getByText('High')).toBeTruthy();
    expect(within(details()).getByText('Assignee Person')).toBeTruthy();
  });

  it('a member on a ticket they raised may change status and priority, but not the assignee', async () => {
    // fakeMe('member') is user VXNlcjo + role.
    openTicket('member', 'VXNlcjomember');
    await screen.findByRole('heading', { level: 1, name: 'Printer on fire' });
    expect(within(details()).getByRole('combobox', { name: 'Status' })).toBeTruthy();
    expect(within(details()).getByRole('combobox', { name: 'Priority' })).toBeTruthy();
    expect(within(details()).queryByRole('combobox', { name: 'Assignee' })).toBeNull();
    expect(within(details()).getByText('Unassigned')).toBeTruthy();
  });

  it('an agent (ticket:assign) gets every control on anyone’s ticket', async () => {
    openTicket('agent', 'VXNlcjpzb21lb25lLWVsc2U=');
    await screen.findByRole('heading', { level: 1, name: 'Printer on fire' });
    expect(within(details()).getByRole('combobox', { name: 'Status' })).toBeTruthy();
    expect(within(details()).getByRole('combobox', { name: 'Priority' })).toBeTruthy();
    expect(await within(details()).findByRole('combobox', { name: 'Assignee' })).toBeTruthy();
  });

  it('a viewer (read only) gets no controls and no way to comment, even on a ticket they raised', async () => {
    openTicket('viewer', 'VXNlcjoviewer');
    await screen.findByRole('heading', { level: 1, name: 'Printer on fire' });
    expect(within(details()).queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: /comment/i })).toBeNull();
  });

  const row = {
    __typename: 'Ticket',
    id: TICKET_ID,
    number: 42,
    subject: 'Printer on fire',
    status: 'OPEN',
    priority: 'HIGH',
    version: 1,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    requester: { __typename: 'User', id: 'VXNlcjpy', name: 'Requester Person' },
    assignee: null,
  };
  const listHandlers = {
    TicketList: () => ({ data: { tickets: { __typename: 'TicketConnection', totalCount: 1, pageInfo: page, nodes: [row] } } }),
    TicketWorkers: () => ({ data: { memberships: { __typename: 'MembershipConnection', nodes: [] } } }),
  };

  it('the ticket list gives a viewer no queue, no "Assign to me" and no "New ticket"', async () => {
    renderPortal('/tickets', { stored: true, role: 'viewer', handlers: listHandlers });
    await screen.findByText('Printer on fire');
    expect(screen.queryByRole('button', { name: /Assign/ })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Unassigned' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New ticket' })).toBeNull();
  });

  it('the ticket list gives an agent the queue, "Assign #n to me" (named with the ticket) and "New ticket"', async () => {
    renderPortal('/tickets', { stored: true, role: 'agent', handlers: listHandlers });
    expect(await screen.findByRole('button', { name: 'Assign #42 to me' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Unassigned' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New ticket' })).toBeTruthy();
  });
});

describe('tools and runs follow run:write', () => {
  const me = (permissions: string[]) => () => fakeMe('viewer', { permissions: ['member:read', 'ticket:read', ...permissions] });
  const runs = () => ({ data: { runs: { __typename: 'AutomationRunConnection', totalCount: 0, pageInfo: page, nodes: [] } } });
  const tools = () => ({ data: { tools: { __typename: 'ToolConnection', nodes: [] } } });

  it('the runs list links to the tools to run one only for roles with run:write', async () => {
    renderPortal('/runs', { stored: true, me: me(['tool:read', 'run:read']), handlers: { RunList: runs, RunToolOptions: tools } });
    await screen.findByRole('heading', { level: 1, name: 'Runs' });
    expect(screen.queryByRole('link', { name: 'Run a tool' })).toBeNull();
  });

  it('with run:write, the runs list offers "Run a tool"', async () => {
    renderPortal('/runs', { stored: true, me: me(['tool:read', 'run:read', 'run:write']), handlers: { RunList: runs, RunToolOptions: tools } });
    expect(await screen.findByRole('link', { name: 'Run a tool' })).toBeTruthy();
  });
});
