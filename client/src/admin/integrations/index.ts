import KeyOutlined from '@mui/icons-material/KeyOutlined';
import SmsFailedOutlined from '@mui/icons-material/SmsFailedOutlined';
import WebhookOutlined from '@mui/icons-material/WebhookOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { type ApiKeyRecord, createApiKeysProvider } from '../providers/apiKeys.provider';
import { createWebhookDeliveriesProvider, createWebhookEndpointsProvider, type WebhookDeliveryRecord, type WebhookEndpointRecord } from '../providers/webhooks.provider';
import { RESOURCES } from '../resource-names';

const ApiKeyList = lazyPage(() => import('./ApiKeyList'), 'ApiKeyList');
const ApiKeyShow = lazyPage(() => import('./ApiKeyShow'), 'ApiKeyShow');
const WebhookDeliveryList = lazyPage(() => import('./WebhookDeliveryList'), 'WebhookDeliveryList');
const WebhookDeliveryShow = lazyPage(() => import('./WebhookDeliveryShow'), 'WebhookDeliveryShow');
const WebhookEndpointList = lazyPage(() => import('./WebhookEndpointList'), 'WebhookEndpointList');
const WebhookEndpointShow = lazyPage(() => import('./WebhookEndpointShow'), 'WebhookEndpointShow');

/**
 * Every tenant's partner API keys: the list and a page per key. Staff with
 * platform:integration:manage revoke a key; platform:integration:read (compliance too) only reads.
 */
export const apiKeys = defineAdminResource<ApiKeyRecord>({
  name: RESOURCES.apiKeys,
  label: 'API keys',
  provider: createApiKeysProvider,
  access: { list: 'platform:integration:read', show: 'platform:integration:read' },
  operations: { revoke: 'platform:integration:manage' },
  list: ApiKeyList,
  show: ApiKeyShow,
  icon: KeyOutlined,
  recordRepresentation: 'name',
});

/**
 * Every tenant's webhook endpoints: the list and a page per endpoint with its recent deliveries.
 * Staff with platform:integration:manage disable one (the API lets staff do nothing else to it).
 */
export const webhookEndpoints = defineAdminResource<WebhookEndpointRecord>({
  name: RESOURCES.webhookEndpoints,
  label: 'Webhooks',
  provider: createWebhookEndpointsProvider,
  access: { list: 'platform:integration:read', show: 'platform:integration:read' },
  operations: { disable: 'platform:integration:manage' },
  list: WebhookEndpointList,
  show: WebhookEndpointShow,
  icon: WebhookOutlined,
  recordRepresentation: 'url',
});

/** The webhook delivery log across tenants, failures first (its menu entry): read-only. */
export const webhookDeliveries = defineAdminResource<WebhookDeliveryRecord>({
  name: RESOURCES.webhookDeliveries,
  label: 'Delivery failures',
  provider: createWebhookDeliveriesProvider,
  access: { list: 'platform:integration:read', show: 'platform:integration:read' },
  list: WebhookDeliveryList,
  show: WebhookDeliveryShow,
  icon: SmsFailedOutlined,
  recordRepresentation: 'eventType',
});
