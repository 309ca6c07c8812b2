import { screen, waitFor, within } from '@testing-library/react';
import { fakeMe, gqlError } from '../../test/fake-graphql';
import { renderPortal } from './portal-harness';

const page = (endCursor = 'c') => ({ __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: 'a', endCursor });
const OWNER_USER = { __typename: 'User', id: 'VXNlcjpvd25lcg==', name: 'Olivia Owner' };

/** An admin-like member: API keys and webhooks, a few tenant permissions, and (as for staff-also-members) one platform permission that a key may never get. */
const DEVELOPER_PERMISSIONS = ['apikey:manage', 'member:read', 'ticket:read', 'ticket:write', 'webhook:manage'];
const developerMe = (permissions = DEVELOPER_PERMISSIONS) => () => fakeMe('admin', { permissions });

function apiKey(id: string, name: string, status: 'ACTIVE' | 'EXPIRED' | 'REVOKED', permissions: string[]) {
  return {
    __typename: 'ApiKey',
    id,
    name,
    prefix: `atr_${id.slice(0, 8)}`,
    permissions,
    status,
    createdAt: '2026-11-01T09:00:00.000Z',
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: status === 'REVOKED' ? '2026-11-02T09:00:00.000Z' : null,
    createdBy: OWNER_USER,
  };
}

function keyHandlers(initial: ReturnType<typeof apiKey>[] = []) {
  const keys = [...initial];
  return {
    keys,
    handlers: {
      DeveloperApiKeys: () => ({ data: { apiKeys: { __typename: 'ApiKeyConnection', totalCount: keys.length, pageInfo: page(), nodes: keys } } }),
      CreateApiKey: (v: Record<string, unknown>) => {
        const input = v.input as { name: string; permissions: string[] };
        if (input.name === 'Taken') return gqlError('BAD_USER_INPUT', 'The key could not be created.', { fields: [{ field: 'input.name', message: 'A key with this name exists.' }] });
        const key = apiKey('QXBpS2V5OjE=', input.name, 'ACTIVE', input.permissions);
        keys.unshift(key);
        return { data: { createApiKey: { __typename: 'CreatedApiKey', secret: 'atr_s3cr3t-value-shown-once', apiKey: { __typename: 'ApiKey', id: key.id, name: key.name, prefix: key.prefix } } } };
      },
      RevokeApiKey: (v: Record<string, unknown>) => {
        const key = keys.find((k) => k.id === v.id);
        if (!key) return gqlError('NOT_FOUND', 'No such key.');
        key.status = 'REVOKED';
        key.revokedAt = '2026-12-01T09:00:00.000Z';
        return { data: { revokeApiKey: { __typename: 'ApiKey', id: key.id, status: key.status, revokedAt: key.revokedAt } } };
      },
    },
  };
}

const EVENT_TYPES = ['ticket.created', 'ticket.updated', 'member.added'];
const ENDPOINT = {
  __typename: 'WebhookEndpoint',
  id: 'V2ViaG9va0VuZHBvaW50OjE=',
  url: 'https://erp.example.com/hooks',
  description: 'ERP',
  events: ['ticket.created'],
  enabled: true,
  disabledAt: null,
  disabledReason: null,
  consecutiveFailures: 0,
  failingSince: null,
  lastSuccessAt: null,
  lastFailureAt: null,
  secretRotatedAt: null,
  previousSecretExpiresAt: null,
  createdAt: '2026-11-01T09:00:00.000Z',
};

function webhookHandlers() {
  const endpoints: Record<string, unknown>[] = [];
  const deliveries: Record<string, unknown>[] = [
    {
      __typename: 'WebhookDelivery',
      id: 'V2ViaG9va0RlbGl2ZXJ5OjE=',
      eventId: 'msg_2f1c',
      eventType: 'ticket.created',
      status: 'FAILED',
      trigger: 'EVENT',
      attemptCount: 8,
      maxAttempts: 8,
      responseStatus: 500,
      responseExcerpt: 'upstream exploded',
      durationMs: 42,
      error: 'HTTP 500',
      nextAttemptAt: null,
      deliveredAt: null,
      createdAt: '2026-11-01T09:00:00.000Z',
      endpoint: { __typename: 'WebhookEndpoint', id: ENDPOINT.id, url: ENDPOINT.url },
      attempts: [{ __typename: 'WebhookDeliveryAttempt', attempt: 1, at: '2026-11-01T09:00:00.000Z', succeeded: false, responseStatus: 500, durationMs: 42, error: 'HTTP 500', responseExcerpt: 'upstream exploded' }],
    },
  ];
  return {
    endpoints,
    deliveries,
    handlers: {
      DeveloperWebhookEventTypes: () => ({ data: { webhookEventTypes: EVENT_TYPES } }),
      DeveloperWebhookEndpoints: () => ({ data: { webhookEndpoints: { __typename: 'WebhookEndpointConnection', totalCount: endpoints.length, pageInfo: page(), nodes: endpoints } } }),
      DeveloperWebhookEndpointOptions: () => ({ data: { webhookEndpoints: { __typename: 'WebhookEndpointConnection', nodes: [{ __typename: 'WebhookEndpoint', id: ENDPOINT.id, url: ENDPOINT.url }] } } }),
      CreateWebhookEndpoint: (v: Record<string, unknown>) => {
        const input = v.input as { url: string; events: string[]; description: string | null };
        if (input.url.includes('169.254')) return gqlError('BAD_USER_INPUT', 'That address is not allowed.', { fields: [{ field: 'input.url', message: 'A link-local address is refused.' }] });
        const endpoint = { ...ENDPOINT, url: input.url, events: input.events, description: input.description };
        endpoints.unshift(endpoint);
        return { data: { createWebhookEndpoint: { __typename: 'CreatedWebhookEndpoint', secret: 'whsec_c2lnbmluZy1zZWNyZXQ=', endpoint: { __typename: 'WebhookEndpoint', id: endpoint.id, url: endpoint.url } } } };
      },
      DeveloperWebhookDeliveries: () => ({ data: { webhookDeliveries: { __typename: 'WebhookDeliveryConnection', totalCount: deliveries.length, pageInfo: page(), nodes: deliveries } } }),
      RedeliverWebhook: (v: Record<string, unknown>) => {
        const original = deliveries.find((d) => d.id === v.deliveryId);
        if (!original) return gqlError('NOT_FOUND', 'No such delivery.');
        const again = { ...original, id: 'V2ViaG9va0RlbGl2ZXJ5OjI=', status: 'PENDING', trigger: 'REDELIVERY', attemptCount: 0, responseStatus: null, durationMs: null, error: null, attempts: [] };
        deliveries.unshift(again);
        return { data: { redeliverWebhook: { __typename: 'WebhookDelivery', id: again.id, status: 'PENDING' } } };
      },
    },
  };
}

beforeEach(() => localStorage.clear());

describe('the Developers area', () => {
  it('is not in the menu, and not reachable, without apikey:manage or webhook:manage', async () => {
    const { server } = renderPortal('/developers/keys', { stored: true, role: 'agent' });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Tickets');
    expect(screen.getByRole('navigation', { name: 'Main' })).not.toHaveTextContent('Developers');
    expect(server.callsOf('DeveloperApiKeys')).toHaveLength(0);
  });

  it('shows the entry with either permission, and only the tabs that permission opens', async () => {
    const { handlers } = webhookHandlers();
    const { location } = renderPortal('/developers', { stored: true, me: developerMe(['member:read', 'ticket:read', 'webhook:manage']), handlers });
    // /developers opens the first tab the role may use: webhooks, as it has no apikey:manage.
    await screen.findByRole('heading', { name: 'Webhook endpoints' });
    expect(location()).toBe('/developers/webhooks');
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Developers');
    const tabs = screen.getByRole('tablist', { name: 'Developers sections' });
    expect(within(tabs).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Webhooks', 'Delivery log', 'Documentation']);
  });

  it('offers only the caller’s own tenant permissions, grouped, with select all', async () => {
    const { handlers } = keyHandlers();
    const { user, server } = renderPortal('/developers/keys', { stored: true, me: developerMe([...DEVELOPER_PERMISSIONS, 'platform:ticket:read']), handlers });
    // The empty state explains what keys are for.
    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();
    expect(screen.getByText(/lets a program/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });
    const boxes = within(dialog)
      .getAllByRole('checkbox')
      .map((b) => (b as HTMLInputElement).name)
      .filter(Boolean);
    expect(boxes).toEqual(DEVELOPER_PERMISSIONS.slice().sort());
    expect(within(dialog).queryByText(/platform:/)).not.toBeInTheDocument();
    expect(within(dialog).queryByText(/role:manage/)).not.toBeInTheDocument();
    expect(within(dialog).getByText('Tickets')).toBeInTheDocument();

    // A group's box selects the group; "Select all" everything offered.
    await user.click(within(dialog).getByRole('checkbox', { name: 'All of Tickets' }));
    expect(within(dialog).getByRole('checkbox', { name: /ticket:read/ })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: /ticket:write/ })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: /member:read/ })).not.toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: /Select all/ }));
    expect(within(dialog).getByRole('checkbox', { name: /member:read/ })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: /Select all/ }));
    expect(within(dialog).getByRole('checkbox', { name: /ticket:read/ })).not.toBeChecked();

    // Nothing chosen: refused on the spot, no request.
    await user.type(within(dialog).getByLabelText('Name'), 'ERP sync');
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(await within(dialog).findByText('Choose at least one permission.')).toBeInTheDocument();
    expect(server.callsOf('CreateApiKey')).toHaveLength(0);
  });

  it('keeps the dialog and shows a server field error on its field', async () => {
    const { handlers } = keyHandlers();
    const { user } = renderPortal('/developers/keys', { stored: true, me: developerMe(), handlers });
    await user.click(await screen.findByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });
    await user.type(within(dialog).getByLabelText('Name'), 'Taken');
    await user.click(within(dialog).getByRole('checkbox', { name: /ticket:read/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The key could not be created.');
    expect(within(dialog).getByText('A key with this name exists.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Taken');
    expect(within(dialog).getByRole('checkbox', { name: /ticket:read/ })).toBeChecked();
  });

  it('creates a key and shows its secret once, with a copy button', async () => {
    const { handlers } = keyHandlers();
    const { user, server } = renderPortal('/developers/keys', { stored: true, me: developerMe(), handlers });
    await user.click(await screen.findByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });
    await user.type(within(dialog).getByLabelText('Name'), 'ERP sync');
    await user.click(within(dialog).getByRole('checkbox', { name: /ticket:read/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /ticket:write/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));

    const shown = await screen.findByRole('dialog', { name: 'Your new API key: ERP sync' });
    expect(server.callsOf('CreateApiKey')[0]?.variables).toEqual({ input: { name: 'ERP sync', permissions: ['ticket:read', 'ticket:write'], expiresAt: null } });
    expect(within(shown).getByLabelText('API key secret')).toHaveTextContent('atr_s3cr3t-value-shown-once');
    expect(within(shown).getByText('This is the only time it is shown.')).toBeInTheDocument();
    await user.click(within(shown).getByRole('button', { name: 'Copy secret: API key secret' }));
    expect(await within(shown).findByText('Copied to the clipboard.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('atr_s3cr3t-value-shown-once');

    // It closes only once the user says it is stored, and then the secret is gone from the page.
    const done = within(shown).getByRole('button', { name: 'Done' });
    expect(done).toBeDisabled();
    await user.click(within(shown).getByLabelText('I have stored it somewhere safe'));
    await user.click(done);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByText('atr_s3cr3t-value-shown-once')).not.toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'API keys' });
    expect(await within(table).findByText('ERP sync')).toBeInTheDocument();
    expect(within(table).getByText('ticket:write')).toBeInTheDocument();
    expect(within(table).getByText('Active')).toBeInTheDocument();
  });

  it('selects the secret for a manual copy when the clipboard is refused', async () => {
    const { handlers } = keyHandlers();
    const { user } = renderPortal('/developers/keys', { stored: true, me: developerMe(), handlers });
    await user.click(await screen.findByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });
    await user.type(within(dialog).getByLabelText('Name'), 'Script');
    await user.click(within(dialog).getByRole('checkbox', { name: /ticket:read/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    const shown = await screen.findByRole('dialog', { name: 'Your new API key: Script' });
    const spy = jest.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('NotAllowedError'));
    await user.click(within(shown).getByRole('button', { name: 'Copy secret: API key secret' }));
    expect(await within(shown).findByText(/Selected: press Ctrl\+C/)).toBeInTheDocument();
    expect(window.getSelection()?.toString()).toBe('atr_s3cr3t-value-shown-once');
    spy.mockRestore();
  });

  it('revokes a key after confirmation', async () => {
    const { handlers } = keyHandlers([apiKey('QXBpS2V5Ojk=', 'Old sync', 'ACTIVE', ['ticket:read']), apiKey('QXBpS2V5Ojg=', 'Gone', 'REVOKED', ['ticket:read'])]);
    const { user, server } = renderPortal('/developers/keys', { stored: true, me: developerMe(), handlers });
    const table = await screen.findByRole('table', { name: 'API keys' });
    await within(table).findByText('Old sync');
    // A revoked key offers no revoke.
    expect(within(table).queryByRole('button', { name: 'Revoke Gone' })).not.toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Revoke Old sync' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke Old sync?' });
    expect(server.callsOf('RevokeApiKey')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByText(/Old sync was revoked/)).toBeInTheDocument();
    expect(server.callsOf('RevokeApiKey')[0]?.variables).toEqual({ id: 'QXBpS2V5Ojk=' });
    const row = (await within(await screen.findByRole('table', { name: 'API keys' })).findByText('Old sync')).closest('tr');
    if (!row) throw new Error('no row');
    await waitFor(() => expect(within(row).getByText('Revoked')).toBeInTheDocument());
    expect(within(row).queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
  });

  it('creates a webhook endpoint with event types from the API and shows its signing secret', async () => {
    const { handlers } = webhookHandlers();
    const { user, server } = renderPortal('/developers/webhooks', { stored: true, me: developerMe(), handlers });
    expect(await screen.findByText('No webhook endpoints yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a webhook endpoint' });
    await within(dialog).findByRole('checkbox', { name: 'ticket.created' });
    expect(within(dialog).getAllByRole('checkbox').map((b) => (b as HTMLInputElement).name).filter(Boolean)).toEqual(EVENT_TYPES);

    // A refused URL: the message on the field, the input kept.
    await user.type(within(dialog).getByLabelText('Endpoint URL'), 'http://169.254.169.254/x');
    await user.click(within(dialog).getByRole('checkbox', { name: 'member.added' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(await within(dialog).findByText('A link-local address is refused.')).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: 'member.added' })).toBeChecked();

    await user.clear(within(dialog).getByLabelText('Endpoint URL'));
    await user.type(within(dialog).getByLabelText('Endpoint URL'), 'https://erp.example.com/hooks');
    await user.type(within(dialog).getByLabelText('Description (optional)'), 'ERP');
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    const shown = await screen.findByRole('dialog', { name: 'Your endpoint’s signing secret' });
    expect(server.callsOf('CreateWebhookEndpoint').at(-1)?.variables).toEqual({ input: { url: 'https://erp.example.com/hooks', events: ['member.added'], description: 'ERP' } });
    expect(within(shown).getByLabelText('Webhook signing secret')).toHaveTextContent('whsec_c2lnbmluZy1zZWNyZXQ=');
    await user.click(within(shown).getByRole('button', { name: 'Copy secret: Webhook signing secret' }));
    expect(await navigator.clipboard.readText()).toBe('whsec_c2lnbmluZy1zZWNyZXQ=');
    await user.click(within(shown).getByLabelText('I have stored it somewhere safe'));
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    const table = await screen.findByRole('table', { name: 'Webhook endpoints' });
    expect(await within(table).findByText('https://erp.example.com/hooks')).toBeInTheDocument();
    expect(within(table).getByText('member.added')).toBeInTheDocument();
  });

  it('shows the delivery log with details, and redelivers', async () => {
    const { handlers } = webhookHandlers();
    const { user, server } = renderPortal('/developers/deliveries', { stored: true, me: developerMe(), handlers });
    const table = await screen.findByRole('table', { name: 'Webhook deliveries' });
    await within(table).findByText('ticket.created');
    expect(within(table).getByText('Failed')).toBeInTheDocument();
    expect(within(table).getByText('HTTP 500')).toBeInTheDocument();
    expect(within(table).getByText('42 ms')).toBeInTheDocument();
    expect(within(table).getByText('8 / 8')).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Details of ticket.created msg_2f1c' }));
    const detail = await screen.findByRole('dialog', { name: 'Delivery of ticket.created' });
    expect(within(detail).getByLabelText('Response of attempt 1')).toHaveTextContent('upstream exploded');
    expect(within(detail).getByText('msg_2f1c')).toBeInTheDocument();
    await user.click(within(detail).getByRole('button', { name: 'Redeliver' }));
    expect(await screen.findByText(/is being sent to https:\/\/erp.example.com\/hooks again/)).toBeInTheDocument();
    expect(server.callsOf('RedeliverWebhook')[0]?.variables).toEqual({ deliveryId: 'V2ViaG9va0RlbGl2ZXJ5OjE=' });
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Webhook deliveries' })).getByText('Redelivery')).toBeInTheDocument());
  });

  it('filters the delivery log through the URL', async () => {
    const { handlers } = webhookHandlers();
    const { user, server, location } = renderPortal('/developers/deliveries', { stored: true, me: developerMe(), handlers });
    await screen.findByRole('table', { name: 'Webhook deliveries' });
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Failed' }));
    await waitFor(() => expect(server.callsOf('DeveloperWebhookDeliveries').at(-1)?.variables.filter).toEqual({ status: 'FAILED' }));
    expect(location()).toBe('/developers/deliveries?status=FAILED');
  });

  it('documents calls with this origin, and the schema', async () => {
    const { handlers } = webhookHandlers();
    renderPortal('/developers/docs', { stored: true, me: developerMe(), handlers });
    expect(await screen.findByLabelText('curl example')).toHaveTextContent(`${window.location.origin}/graphql`);
    expect(screen.getByLabelText('Node example')).toHaveTextContent('Bearer');
    expect(screen.getByLabelText('Webhook verification example')).toHaveTextContent("from 'standardwebhooks'");
    expect(screen.getByRole('link', { name: 'Download schema.graphql' })).toHaveAttribute('href', '/api/schema.graphql');
    expect(await screen.findByText('member.added')).toBeInTheDocument();
    expect(screen.getByText(/Retry-After/)).toBeInTheDocument();
  });
});
