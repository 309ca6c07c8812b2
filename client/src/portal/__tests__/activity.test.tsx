import { screen, waitFor, within } from '@testing-library/react';
import { fakeMe, gqlError } from '../../test/fake-graphql';
import { renderPortal } from './portal-harness';

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: 'a', endCursor: 'b' };
const AGENT_ID = 'VXNlcjphZ2VudA==';
const agentMe = () =>
  fakeMe('agent', {
    user: { __typename: 'User', id: AGENT_ID, name: 'Agent Person', email: 'agent@acme.test', staffRole: null },
    permissions: ['correlation:read', 'event:read', 'member:read', 'message:read', 'ticket:assign', 'ticket:comment', 'ticket:read', 'ticket:write'],
  });
const ownerMe = () => fakeMe('owner', { permissions: ['audit:read', 'correlation:read', 'event:read', 'member:read', 'message:read', 'ticket:assign', 'ticket:read', 'ticket:write'] });

const ticket = (n: number, assignee: { id: string; name: string } | null) => ({
  __typename: 'Ticket',
  id: `VGlja2V0Oj${n}`,
  number: n,
  subject: `Printer ${n} is jammed`,
  status: 'OPEN',
  priority: 'NORMAL',
  version: 3,
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-11-30T09:00:00.000Z',
  requester: { __typename: 'User', id: 'VXNlcjptaWE=', name: 'Mia Member' },
  assignee: assignee ? { __typename: 'User', ...assignee } : null,
});

describe("the agents' queue", () => {
  it('the Unassigned view asks for open, unassigned tickets; "Assign to me" assigns and the list refreshes', async () => {
    let assigned = false;
    const { server, user, location } = renderPortal('/tickets?view=unassigned', {
      stored: true,
      me: agentMe,
      handlers: {
        TicketList: (v) => {
          const filter = v.filter as { unassigned?: boolean; assigneeId?: string };
          const rows = filter.unassigned ? (assigned ? [] : [ticket(7, null)]) : filter.assigneeId === AGENT_ID && assigned ? [ticket(7, { id: AGENT_ID, name: 'Agent Person' })] : [];
          return { data: { tickets: { __typename: 'TicketConnection', totalCount: rows.length, pageInfo, nodes: rows } } };
        },
        TicketWorkers: () => ({ data: { memberships: { __typename: 'MembershipConnection', nodes: [] } } }),
        UpdateTicket: (v) => {
          assigned = true;
          const input = v.input as { id: string };
          return { data: { updateTicket: { __typename: 'Ticket', id: input.id, status: 'OPEN', priority: 'NORMAL', version: 4, updatedAt: '2026-12-01T09:00:00.000Z', assignee: { __typename: 'User', id: AGENT_ID, name: 'Agent Person' } } } };
        },
      },
    });
    const views = await screen.findByRole('tablist', { name: 'Ticket views' });
    expect(within(views).getByRole('tab', { name: 'Unassigned' })).toHaveAttribute('aria-selected', 'true');
    const table = await screen.findByRole('table', { name: 'Tickets' });
    await within(table).findByText('Printer 7 is jammed');
    expect(server.callsOf('TicketList').at(-1)?.variables.filter).toEqual({ status: ['OPEN', 'PENDING'], unassigned: true });

    await user.click(within(table).getByRole('button', { name: 'Assign #7 to me' }));
    expect(await screen.findByText('#7 Printer 7 is jammed is assigned to you.')).toBeInTheDocument();
    expect(server.callsOf('UpdateTicket').map((c) => c.variables.input)).toEqual([{ id: 'VGlja2V0Oj7', version: 3, assigneeId: AGENT_ID }]);
    expect(await screen.findByText('No unassigned tickets')).toBeInTheDocument();

    await user.click(within(views).getByRole('tab', { name: 'Mine' }));
    await waitFor(() => expect(location()).toBe('/tickets?view=mine'));
    expect(await within(await screen.findByRole('table', { name: 'Tickets' })).findByText('Printer 7 is jammed')).toBeInTheDocument();
    expect(server.callsOf('TicketList').at(-1)?.variables.filter).toEqual({ status: ['OPEN', 'PENDING'], assigneeId: AGENT_ID });
  });

  it("shows the server's refusal of an assignment", async () => {
    const { user } = renderPortal('/tickets', {
      stored: true,
      me: agentMe,
      handlers: {
        TicketList: () => ({ data: { tickets: { __typename: 'TicketConnection', totalCount: 1, pageInfo, nodes: [ticket(9, null)] } } }),
        TicketWorkers: () => ({ data: { memberships: { __typename: 'MembershipConnection', nodes: [] } } }),
        UpdateTicket: () => gqlError('FORBIDDEN', 'Assigning tickets needs the ticket:assign permission.'),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Assign #9 to me' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Assigning tickets needs the ticket:assign permission.');
  });

  it('a member without ticket:assign gets no views and no "Assign to me"', async () => {
    const { server } = renderPortal('/tickets?view=unassigned', {
      stored: true,
      role: 'member',
      handlers: { TicketList: () => ({ data: { tickets: { __typename: 'TicketConnection', totalCount: 1, pageInfo, nodes: [ticket(3, null)] } } }) },
    });
    await within(await screen.findByRole('table', { name: 'Tickets' })).findByText('Printer 3 is jammed');
    expect(screen.queryByRole('tablist', { name: 'Ticket views' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Assign .* to me/ })).not.toBeInTheDocument();
    // The view in the URL is ignored: the whole list, unfiltered.
    expect(server.callsOf('TicketList').at(-1)?.variables.filter).toEqual({});
  });
});

describe('the audit log', () => {
  const entry = {
    __typename: 'AuditLog',
    id: 'QXVkaXQ6MQ==',
    action: 'ticket.updated',
    actorKind: 'USER',
    actor: { __typename: 'User', id: AGENT_ID, name: 'Agent Person' },
    apiKey: null,
    targetType: 'Ticket',
    targetId: 'VGlja2V0OjE=',
    diff: { before: { status: 'OPEN' }, after: { status: 'PENDING' } },
    correlationId: 'req-0001',
    ip: '10.0.0.1',
    createdAt: '2026-11-30T09:00:00.000Z',
  };

  it('filters by target in the URL and opens an entry to its before/after diff, with a link to its trace', async () => {
    const { server, user, location } = renderPortal('/activity/audit', {
      stored: true,
      me: ownerMe,
      handlers: {
        AuditLogList: () => ({ data: { auditLogs: { __typename: 'AuditLogConnection', totalCount: 1, pageInfo, nodes: [entry] } } }),
        AuditActors: () => ({ data: { memberships: { __typename: 'MembershipConnection', nodes: [] } } }),
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Activity' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Audit log' });
    await within(table).findByText('ticket.updated');

    await user.click(screen.getByRole('combobox', { name: 'Target' }));
    await user.click(await screen.findByRole('option', { name: 'Ticket' }));
    await waitFor(() => expect(location()).toBe('/activity/audit?target=Ticket'));
    await waitFor(() => expect(server.callsOf('AuditLogList').at(-1)?.variables.filter).toEqual({ targetType: 'Ticket' }));

    await user.click(await within(table).findByRole('button', { name: /^Changes of ticket.updated/ }));
    const dialog = await screen.findByRole('dialog', { name: 'ticket.updated' });
    const changes = within(dialog).getByRole('table', { name: 'Changes' });
    expect(within(changes).getByRole('rowheader', { name: 'status' })).toBeInTheDocument();
    expect(within(changes).getByText('OPEN')).toBeInTheDocument();
    expect(within(changes).getByText('PENDING')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Trace request req-0001' })).toHaveAttribute('href', '/trace/req-0001');
  });

  it('an error is shown as an error with a retry, never as an empty log', async () => {
    let fail = true;
    const { user } = renderPortal('/activity/audit', {
      stored: true,
      me: ownerMe,
      handlers: {
        AuditLogList: () => (fail ? gqlError('INTERNAL_SERVER_ERROR', 'Something went wrong on our side.') : { data: { auditLogs: { __typename: 'AuditLogConnection', totalCount: 1, pageInfo, nodes: [entry] } } }),
        AuditActors: () => ({ data: { memberships: { __typename: 'MembershipConnection', nodes: [] } } }),
      },
    });
    expect(await screen.findByText('Could not load this')).toBeInTheDocument();
    expect(screen.queryByText('Nothing recorded yet')).not.toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('ticket.updated')).toBeInTheDocument();
  });

  it('an agent (event:read, no audit:read) lands on system events, with Activity in the menu', async () => {
    const { location } = renderPortal('/activity', {
      stored: true,
      me: agentMe,
      handlers: { SystemEventList: () => ({ data: { systemEvents: { __typename: 'SystemEventConnection', totalCount: 0, pageInfo, nodes: [] } } }) },
    });
    expect(await screen.findByText('No events yet')).toBeInTheDocument();
    expect(location()).toBe('/activity/events');
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Activity');
  });
});

describe('the trace page', () => {
  it('shows the chain oldest first, the ticket linked to its page and audit entries with their changes', async () => {
    const { server, user } = renderPortal('/trace/req-0001', {
      stored: true,
      me: ownerMe,
      handlers: {
        Trace: () => ({
          data: {
            correlation: {
              __typename: 'Correlation',
              id: 'req-0001',
              truncated: false,
              entries: [
                { __typename: 'CorrelationEntry', at: '2026-11-30T09:00:00.000Z', kind: 'TICKET', title: 'Ticket #7: Printer 7 is jammed', node: { __typename: 'Ticket', id: 'VGlja2V0Ojc=', number: 7, subject: 'Printer 7 is jammed' } },
                {
                  __typename: 'CorrelationEntry',
                  at: '2026-11-30T09:00:00.000Z',
                  kind: 'AUDIT',
                  title: 'ticket.created (Ticket)',
                  node: { __typename: 'AuditLog', id: 'QXVkaXQ6Mg==', action: 'ticket.created', actorKind: 'USER', actor: { __typename: 'User', id: 'VXNlcjptaWE=', name: 'Mia Member' }, diff: { after: { subject: 'Printer 7 is jammed' } } },
                },
              ],
            },
          },
        }),
      },
    });
    const chain = await screen.findByRole('list', { name: 'Request chain' });
    const items = within(chain).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Ticket: Ticket #7: Printer 7 is jammed', 'Audit: ticket.created (Ticket)']);
    expect(within(items[0] as HTMLElement).getByRole('link', { name: 'Ticket #7: Printer 7 is jammed' })).toHaveAttribute('href', '/tickets/VGlja2V0Ojc%3D');
    expect(within(items[1] as HTMLElement).getByText('By Mia Member')).toBeInTheDocument();
    await user.click(within(items[1] as HTMLElement).getByRole('button', { name: 'Show changes' }));
    expect(await within(items[1] as HTMLElement).findByText('Printer 7 is jammed')).toBeInTheDocument();
    expect(server.callsOf('Trace').map((c) => c.variables)).toEqual([{ id: 'req-0001' }]);
    expect(screen.getByRole('textbox', { name: 'Request id' })).toHaveValue('req-0001');
  });

  it('an id with nothing visible under it says so (not an error), the form holding the decoded id', async () => {
    const { server } = renderPortal('/trace/abc%201', {
      stored: true,
      me: ownerMe,
      handlers: { Trace: () => ({ data: { correlation: { __typename: 'Correlation', id: 'abc 1', truncated: false, entries: [] } } }) },
    });
    expect(await screen.findByText('Nothing carries this request id')).toBeInTheDocument();
    expect(server.callsOf('Trace').map((c) => c.variables)).toEqual([{ id: 'abc 1' }]);
    expect(screen.getByRole('textbox', { name: 'Request id' })).toHaveValue('abc 1');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
