import '../../test/jsdom-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gqlError } from '../../../test/fake-graphql';
import type { ApiKeyRecord } from '../../providers/apiKeys.provider';
import type { WebhookEndpointRecord } from '../../providers/webhooks.provider';
import { RESOURCES } from '../../resource-names';
import { COMPLIANCE_PERMISSIONS, renderAdminPage, SUPERADMIN_PERMISSIONS, SUPPORT_PERMISSIONS } from '../../test/render-admin';
import { ApiKeyList } from '../ApiKeyList';
import { DisableEndpointButton, RevokeApiKeyButton } from '../IntegrationUi';
import { WebhookDeliveryList } from '../WebhookDeliveryList';

/**
 * What staff may do to a tenant's API keys and webhook endpoints: the buttons follow the platform
 * permissions in `me` (through the access map), ask before acting, call the API and say how it
 * went; the lists show the server's refusal instead of an empty page.
 */

const acme = { id: 'VGVuYW50OmFjbWU', slug: 'acme', name: 'Acme Corporation' };

const erpKey: ApiKeyRecord = {
  id: 'QXBpS2V5OjE',
  name: 'ERP sync',
  prefix: 'atr_Ab3dE9xY',
  permissions: ['ticket:read'],
  status: 'ACTIVE',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  createdBy: { id: 'VXNlcjpvbGl2aWE', name: 'Olivia Owner', email: 'owner@acme.test' },
  tenantId: acme.id,
  tenant: acme,
};

const hook: WebhookEndpointRecord = {
  id: 'V2ViaG9va0VuZHBvaW50OjE',
  url: 'https://erp.acme.test/atrium',
  description: 'ERP bridge',
  events: ['ticket.created'],
  enabled: true,
  disabledAt: null,
  disabledReason: null,
  consecutiveFailures: 3,
  failingSince: '2026-11-01T09:00:00.000Z',
  lastFailureAt: '2026-11-01T10:00:00.000Z',
  lastSuccessAt: null,
  secretRotatedAt: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  tenantId: acme.id,
  tenant: acme,
};

const keyNode = (k: ApiKeyRecord) => {
  const { tenantId: _t, ...rest } = k;
  return { __typename: 'ApiKey', ...rest, createdBy: k.createdBy && { __typename: 'User', ...k.createdBy }, tenant: { __typename: 'Tenant', ...k.tenant } };
};
const endpointNode = (e: WebhookEndpointRecord) => {
  const { tenantId: _t, ...rest } = e;
  return { __typename: 'WebhookEndpoint', ...rest, tenant: { __typename: 'Tenant', ...e.tenant } };
};

function renderButtons(permissions: readonly string[], handlers: Parameters<typeof renderAdminPage>[1]['handlers'] = {}, key = erpKey, endpoint = hook) {
  return renderAdminPage(
    <>
      <RevokeApiKeyButton apiKey={key} />
      <DisableEndpointButton endpoint={endpoint} />
      <span>rendered</span>
    </>,
    { resource: RESOURCES.apiKeys, permissions, handlers },
  );
}

/** The tenant filter's choices (none here). */
const tenantFilterHandlers = {
  AdminTenants: () => ({ data: { tenants: { __typename: 'TenantConnection', totalCount: 0, nodes: [] } } }),
  AdminTenantsByIds: () => ({ data: { nodes: [] } }),
};

beforeEach(() => localStorage.clear());
afterEach(() => jest.restoreAllMocks());

/** react-admin logs every rejected data provider call in development; expected here. */
const quietDataProviderErrors = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

describe('revoking keys and disabling endpoints', () => {
  it('offers compliance neither Revoke nor Disable', async () => {
    const { server } = renderButtons(COMPLIANCE_PERMISSIONS);
    await screen.findByText('rendered');
    // The access check (`me`) has answered: support would see both buttons by now.
    await waitFor(() => expect(server.callsOf('SessionMe').length).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: /Revoke/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Disable/ })).toBeNull();
  });

  it('lets support revoke a key only after confirming, and says so', async () => {
    const { server } = renderButtons(SUPPORT_PERMISSIONS, {
      AdminRevokeApiKey: (v) => ({ data: { revokeApiKey: keyNode({ ...erpKey, id: String(v.id), status: 'REVOKED', revokedAt: '2026-11-04T09:00:00.000Z' }) } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke the API key ERP sync' }));
    let dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Revoke the API key “ERP sync” of Acme Corporation?');
    expect(dialog).toHaveTextContent('atr_Ab3dE9xY');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(server.callsOf('AdminRevokeApiKey')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Revoke the API key ERP sync' }));
    dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    await screen.findByText('API key “ERP sync” of Acme Corporation revoked.');
    expect(server.callsOf('AdminRevokeApiKey').map((c) => c.variables)).toEqual([{ id: erpKey.id }]);
  });

  it('lets a superadmin disable an endpoint with enabled: false after confirming', async () => {
    const { server } = renderButtons(SUPERADMIN_PERMISSIONS, {
      AdminDisableWebhookEndpoint: () => ({ data: { updateWebhookEndpoint: endpointNode({ ...hook, enabled: false, disabledReason: 'Disabled by Atrium staff.' }) } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: `Disable the webhook endpoint ${hook.url}` }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Disable this webhook endpoint of Acme Corporation?');
    expect(dialog).toHaveTextContent(hook.url);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disable endpoint' }));
    await screen.findByText('Webhook endpoint of Acme Corporation disabled.');
    expect(server.callsOf('AdminDisableWebhookEndpoint').map((c) => c.variables)).toEqual([{ input: { id: hook.id, enabled: false } }]);
  });

  it('shows the server’s refusal as the notification', async () => {
    quietDataProviderErrors();
    renderButtons(SUPERADMIN_PERMISSIONS, { AdminRevokeApiKey: () => gqlError('NOT_FOUND', 'API key not found.') });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke the API key ERP sync' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke key' }));
    await screen.findByText('API key not found.');
  });

  it('offers nothing for a key already revoked or an endpoint already disabled', async () => {
    renderButtons(SUPERADMIN_PERMISSIONS, {}, { ...erpKey, status: 'REVOKED', revokedAt: '2026-11-04T09:00:00.000Z' }, { ...hook, enabled: false, disabledReason: 'Disabled by Olivia Owner.' });
    await screen.findByText('rendered');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByRole('button', { name: /Revoke/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Disable/ })).toBeNull();
  });
});

describe('the integration lists', () => {
  it('lists every tenant’s keys with their tenant, creator and status', async () => {
    renderAdminPage(<ApiKeyList />, {
      resource: RESOURCES.apiKeys,
      permissions: COMPLIANCE_PERMISSIONS,
      handlers: {
        AdminApiKeys: () => ({ data: { apiKeys: { __typename: 'ApiKeyConnection', totalCount: 2, nodes: [keyNode(erpKey), keyNode({ ...erpKey, id: 'QXBpS2V5OjI', name: 'Old key', status: 'REVOKED', revokedAt: '2026-11-02T09:00:00.000Z' })] } } }),
        ...tenantFilterHandlers,
      },
    });
    const row = (await screen.findByText('ERP sync')).closest('tr')!;
    for (const text of ['Acme Corporation', 'atr_Ab3dE9xY…', 'ticket:read', 'Olivia Owner', 'Never', 'Never expires', 'Active']) expect(row).toHaveTextContent(text);
    expect((await screen.findByText('Old key')).closest('tr')).toHaveTextContent('Revoked');
  });

  it('shows the server’s message when the list cannot load, not an empty page', async () => {
    quietDataProviderErrors();
    renderAdminPage(<WebhookDeliveryList />, {
      resource: RESOURCES.webhookDeliveries,
      permissions: COMPLIANCE_PERMISSIONS,
      handlers: { ...tenantFilterHandlers, AdminWebhookDeliveries: () => gqlError('FORBIDDEN', 'This needs the platform:integration:read permission.', { reason: 'MISSING_PERMISSION' }) },
    });
    const alerts = await screen.findAllByText('This needs the platform:integration:read permission.');
    expect(alerts.length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('lists failed deliveries by default', async () => {
    const { server } = renderAdminPage(<WebhookDeliveryList />, {
      resource: RESOURCES.webhookDeliveries,
      permissions: SUPPORT_PERMISSIONS,
      handlers: {
        AdminWebhookDeliveries: () => ({
          data: {
            webhookDeliveries: {
              __typename: 'WebhookDeliveryConnection',
              totalCount: 1,
              nodes: [
                {
                  __typename: 'WebhookDelivery',
                  id: 'RDox',
                  eventId: 'evt_1',
                  eventType: 'ticket.created',
                  status: 'FAILED',
                  trigger: 'EVENT',
                  attemptCount: 8,
                  maxAttempts: 8,
                  responseStatus: 503,
                  responseExcerpt: 'down',
                  error: 'HTTP 503',
                  durationMs: 40,
                  nextAttemptAt: null,
                  deliveredAt: null,
                  createdAt: '2026-11-01T09:00:00.000Z',
                  updatedAt: '2026-11-02T09:00:00.000Z',
                  tenant: { __typename: 'Tenant', ...acme },
                  endpoint: { __typename: 'WebhookEndpoint', id: hook.id, url: hook.url, enabled: true },
                },
              ],
            },
          },
        }),
        ...tenantFilterHandlers,
      },
    });
    const row = (await screen.findByText('ticket.created')).closest('tr')!;
    for (const text of ['Acme Corporation', hook.url, '8 of 8', '503', 'HTTP 503', 'Failed']) expect(row).toHaveTextContent(text);
    expect(server.callsOf('AdminWebhookDeliveries')[0]?.variables).toMatchObject({ filter: { status: 'FAILED' } });
  });
});
