import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeServer } from '../../../../test/fake-graphql';
import { TicketComments } from '../components/TicketComments';

const comment = (id: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'TicketComment',
  id,
  body: `Body ${id}`,
  createdAt: '2026-11-01T10:00:00.000Z',
  internal: false,
  fromSupport: false,
  authorName: 'Ada Agent',
  ...extra,
});

function renderComments(opts: { canAddNotes: boolean; comments: ReturnType<typeof comment>[] }) {
  const server = createFakeServer({
    AddTicketComment: (v) => ({
      data: { addTicketComment: comment('new', { body: (v.input as { body: string }).body, internal: (v.input as { internal?: boolean }).internal ?? false }) },
    }),
  });
  const client = new ApolloClient({ link: new HttpLink({ uri: '/graphql', fetch: server.fetch }), cache: new InMemoryCache() });
  render(
    <ApolloProvider client={client}>
      <TicketComments ticketId="VGlja2V0OjE=" comments={opts.comments as never} total={opts.comments.length} earlier={null} canComment canAddNotes={opts.canAddNotes} />
    </ApolloProvider>,
  );
  return { server, user: userEvent.setup() };
}

describe('TicketComments: internal notes and support replies', () => {
  it('a customer sees no "Internal note" toggle; a support reply reads "Atrium support"', () => {
    renderComments({ canAddNotes: false, comments: [comment('c1', { fromSupport: true, authorName: 'Atrium support' })] });
    expect(screen.queryByLabelText('Internal note', { selector: 'input' })).toBeNull();
    const item = screen.getByRole('listitem', { name: 'Comment by Atrium support' });
    expect(within(item).getByText('Support')).toBeTruthy();
  });

  it('an agent sees notes marked, and the toggle sends internal: true with the warning shown', async () => {
    const { server, user } = renderComments({ canAddNotes: true, comments: [comment('c1'), comment('c2', { internal: true })] });
    expect(within(screen.getByRole('listitem', { name: 'Internal note by Ada Agent' })).getByText('Internal note')).toBeTruthy();
    expect(screen.queryByText(/customers don.t see this/)).toBeNull();
    await user.click(screen.getByLabelText('Internal note', { selector: 'input' }));
    expect(screen.getByText(/Internal note — customers don.t see this/)).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Add an internal note' }), 'Legacy plan');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(server.callsOf('AddTicketComment')).toHaveLength(1));
    expect(server.callsOf('AddTicketComment')[0]?.variables).toEqual({ input: { ticketId: 'VGlja2V0OjE=', body: 'Legacy plan', internal: true } });
    // Back to a plain comment after sending: the next one is not a note by accident.
    await waitFor(() => expect(screen.getByLabelText('Internal note', { selector: 'input' })).not.toBeChecked());
  });

  it('a plain comment from an agent does not send internal', async () => {
    const { server, user } = renderComments({ canAddNotes: true, comments: [] });
    await user.type(screen.getByRole('textbox', { name: 'Add a comment' }), 'Hello');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    await waitFor(() => expect(server.callsOf('AddTicketComment')).toHaveLength(1));
    expect(server.callsOf('AddTicketComment')[0]?.variables).toEqual({ input: { ticketId: 'VGlja2V0OjE=', body: 'Hello' } });
  });
});
