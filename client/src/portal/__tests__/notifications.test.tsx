import { screen, waitFor, within } from '@testing-library/react';
import { gqlError, type FakeAnswer } from '../../test/fake-graphql';
import { renderPortal } from './portal-harness';

const page = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const note = (id: string, title: string, read: boolean, url = '/tickets/VGlja2V0OjE=') => ({
  __typename: 'Notification',
  id,
  kind: 'TICKET_REPLY',
  title,
  body: `Body of ${title}`,
  url,
  read,
  createdAt: new Date(Date.now() - 60_000).toISOString(),
});
const list = (nodes: unknown[]): FakeAnswer => ({ data: { notifications: { __typename: 'NotificationConnection', pageInfo: page, nodes } } });

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => localStorage.clear());

describe('the notification bell', () => {
  it('shows the unread count, the list after loading, and marks all read', async () => {
    let unread = 2;
    const first = deferred<FakeAnswer>();
    let listCalls = 0;
    const { server, user } = renderPortal('/', {
      stored: true,
      handlers: {
        UnreadNotificationCount: () => ({ data: { unreadNotificationCount: unread } }),
        NotificationList: () => (++listCalls === 1 ? first.promise : list([note('Tjox', 'Ada replied on #7', unread === 0), note('Tjoy', 'Ticket #8 was assigned to you', unread === 0)])),
        MarkAllNotificationsRead: () => {
          unread = 0;
          return { data: { markAllNotificationsRead: 2 } };
        },
      },
    });
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    await user.click(bell);
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(within(dialog).getByText('Loading notifications…')).toBeInTheDocument();

    first.resolve(list([note('Tjox', 'Ada replied on #7', false), note('Tjoy', 'Ticket #8 was assigned to you', false)]));
    const items = await within(dialog).findByRole('list', { name: 'Notifications' });
    expect(within(items).getAllByRole('listitem')).toHaveLength(2);
    expect(within(items).getByText('Ada replied on #7')).toBeInTheDocument();
    expect(within(items).getByRole('button', { name: 'Mark as read: Ada replied on #7' })).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Mark all read' }));
    expect(server.callsOf('MarkAllNotificationsRead')).toHaveLength(1);
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: /Mark as read/ })).not.toBeInTheDocument());
    expect(within(dialog).getByRole('button', { name: 'Mark all read' })).toBeDisabled();
    // The count is fetched again: no badge number (the page behind the open list is hidden from the accessibility tree).
    expect(await screen.findByRole('button', { name: 'Notifications', hidden: true })).toBeInTheDocument();
  });

  it('says so when there is nothing, and refetches the count when the window regains focus (not on a timer)', async () => {
    let unread = 0;
    const { server, user } = renderPortal('/', {
      stored: true,
      handlers: {
        UnreadNotificationCount: () => ({ data: { unreadNotificationCount: unread } }),
        NotificationList: () => list([]),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByText(/No notifications yet/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await screen.findByRole('button', { name: 'Notifications' });
    const before = server.callsOf('UnreadNotificationCount').length;

    unread = 1;
    window.dispatchEvent(new Event('focus'));
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    expect(server.callsOf('UnreadNotificationCount').length).toBe(before + 1);
  });

  it('shows an error with a retry that loads the list, and an item opens its page marked read', async () => {
    let fail = true;
    let read = false;
    const { server, user, location } = renderPortal('/', {
      stored: true,
      handlers: {
        UnreadNotificationCount: () => ({ data: { unreadNotificationCount: read ? 0 : 1 } }),
        NotificationList: () => (fail ? gqlError('SERVICE_UNAVAILABLE', 'The database is not answering just now.') : list([note('Tjoz', 'Your vat.validate run failed', read, '/runs/QXV0b21hdGlvblJ1bjox')])),
        MarkNotificationRead: (v) => {
          read = true;
          return { data: { markNotificationRead: { __typename: 'Notification', id: v.id, read: true, readAt: new Date().toISOString() } } };
        },
        RunDetail: () => gqlError('NOT_FOUND', 'Run not found.'),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your notifications could not be loaded. The database is not answering just now.');

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    const item = await screen.findByText('Your vat.validate run failed');
    await user.click(item);
    await waitFor(() => expect(location()).toBe('/runs/QXV0b21hdGlvblJ1bjox'));
    expect(server.callsOf('MarkNotificationRead').map((c) => c.variables)).toEqual([{ id: 'Tjoz' }]);
  });
});

describe('notification preferences on the account page', () => {
  it('lists every kind and saves a switch', async () => {
    const prefs = [
      { __typename: 'NotificationPreference', kind: 'TICKET_REPLY', inApp: true, email: true },
      { __typename: 'NotificationPreference', kind: 'RUN_FAILED', inApp: true, email: false },
    ];
    const { server, user } = renderPortal('/account', {
      stored: true,
      handlers: {
        UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 0 } }),
        NotificationPreferences: () => ({ data: { notificationPreferences: prefs } }),
        UpdateNotificationPreference: (v) => ({ data: { updateNotificationPreference: { __typename: 'NotificationPreference', ...(v.input as object) } } }),
      },
    });
    const email = await screen.findByRole('switch', { name: 'By mail: A run I started failed' });
    expect(email).not.toBeChecked();
    await user.click(email);
    await waitFor(() => expect(screen.getByRole('switch', { name: 'By mail: A run I started failed' })).toBeChecked());
    expect(server.callsOf('UpdateNotificationPreference').map((c) => c.variables)).toEqual([{ input: { kind: 'RUN_FAILED', inApp: true, email: true } }]);
  });

  it('says when a choice was not saved', async () => {
    const { user } = renderPortal('/account', {
      stored: true,
      handlers: {
        UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 0 } }),
        NotificationPreferences: () => ({ data: { notificationPreferences: [{ __typename: 'NotificationPreference', kind: 'TICKET_REPLY', inApp: true, email: true }] } }),
        UpdateNotificationPreference: () => gqlError('SERVICE_UNAVAILABLE', 'Try again in a moment.'),
      },
    });
    await user.click(await screen.findByRole('switch', { name: 'In the app: Replies on tickets I raised, work on or commented on' }));
    expect(await screen.findByText('Your choice was not saved. Try again in a moment.')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'In the app: Replies on tickets I raised, work on or commented on' })).toBeChecked();
  });
});
