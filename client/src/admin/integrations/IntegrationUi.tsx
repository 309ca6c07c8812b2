import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useCanAccess, useDataProvider, useListContext } from 'react-admin';
import type { ApiKeyStatus, WebhookDeliveryStatus } from '../../gql/graphql';
import type { ApiKeyRecord } from '../providers/apiKeys.provider';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { WebhookEndpointRecord } from '../providers/webhooks.provider';
import { RESOURCES } from '../resource-names';
import { SoftChip } from '../ui/chips';
import { ConfirmButton } from '../ui/ConfirmButton';
import { mono } from '../ui/DetailList';
import { formatDateTime, formatRelative } from '../ui/format';

export const API_KEY_STATUS_META: Record<ApiKeyStatus, { label: string; colour: string }> = {
  ACTIVE: { label: 'Active', colour: '#15803d' },
  EXPIRED: { label: 'Expired', colour: '#b45309' },
  REVOKED: { label: 'Revoked', colour: '#64748b' },
};

export function ApiKeyStatusChip({ status }: { status: ApiKeyStatus }) {
  const meta = API_KEY_STATUS_META[status];
  return <SoftChip label={meta.label} colour={meta.colour} />;
}

export const DELIVERY_STATUS_META: Record<WebhookDeliveryStatus, { label: string; colour: string }> = {
  FAILED: { label: 'Failed', colour: '#b91c1c' },
  RETRYING: { label: 'Retrying', colour: '#b45309' },
  PENDING: { label: 'Pending', colour: '#0369a1' },
  SENDING: { label: 'Sending', colour: '#0369a1' },
  SUCCEEDED: { label: 'Delivered', colour: '#15803d' },
};

export function DeliveryStatusChip({ status }: { status: WebhookDeliveryStatus }) {
  const meta = DELIVERY_STATUS_META[status];
  return <SoftChip label={meta.label} colour={meta.colour} />;
}

/** Enabled, or disabled (with the reason on hover). */
export function EndpointStateChip({ endpoint }: { endpoint: Pick<WebhookEndpointRecord, 'enabled' | 'disabledReason' | 'disabledAt'> }) {
  if (endpoint.enabled) return <SoftChip label="Enabled" colour="#15803d" />;
  return (
    <Tooltip title={`${endpoint.disabledReason ?? 'Disabled'}${endpoint.disabledAt ? ` (${formatDateTime(endpoint.disabledAt)})` : ''}`}>
      <span>
        <SoftChip label="Disabled" colour="#b91c1c" />
      </span>
    </Tooltip>
  );
}

/** A permission or event type as a small monospace chip. */
export function CodeChips({ values, max, empty = '—' }: { values: readonly string[]; max?: number; empty?: string }) {
  if (values.length === 0) return <Typography variant="body2" color="text.secondary">{empty}</Typography>;
  const shown = max === undefined ? values : values.slice(0, max);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {shown.map((v) => (
        <SoftChip key={v} label={v} colour="#475569" mono />
      ))}
      {shown.length < values.length && (
        <Tooltip title={values.slice(shown.length).join(', ')}>
          <span>
            <SoftChip label={`+${values.length - shown.length}`} colour="#475569" />
          </span>
        </Tooltip>
      )}
    </Box>
  );
}

/** A time as "3 hours ago", exact on hover; `never` when there is none. */
export function When({ iso, never = '—' }: { iso: string | null; never?: string }) {
  if (!iso) return <Typography variant="body2" color="text.secondary" component="span">{never}</Typography>;
  return (
    <Tooltip title={formatDateTime(iso)}>
      <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
        {formatRelative(iso)}
      </Typography>
    </Tooltip>
  );
}

/** A URL in monospace, cut with an ellipsis in narrow cells (whole on hover). */
export function UrlText({ url, maxWidth = 360 }: { url: string; maxWidth?: number | string }) {
  return (
    <Tooltip title={url}>
      <Box component="span" sx={{ ...mono, display: 'block', maxWidth, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {url}
      </Box>
    </Tooltip>
  );
}

/** A list that could not load: the server's own message and a retry (react-admin shows nothing by default). */
export function ListLoadError() {
  const { error, refetch } = useListContext();
  const message = error instanceof Error && error.message ? error.message : 'Something went wrong.';
  return (
    <Alert
      severity="error"
      variant="outlined"
      sx={{ m: 2 }}
      action={
        <Button color="inherit" size="small" onClick={() => void refetch()}>
          Retry
        </Button>
      }
    >
      {message}
    </Alert>
  );
}

/** Re-reads every record of a resource (lists, pages, references) after a change. */
function useReload(resource: string): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: [resource] });
}

/**
 * Revokes an API key after a confirmation, for staff with platform:integration:manage; nothing
 * for others, nor for a key already revoked. The server's refusal is the notification.
 */
export function RevokeApiKeyButton({ apiKey, size = 'medium' }: { apiKey: ApiKeyRecord; size?: 'small' | 'medium' }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useReload(RESOURCES.apiKeys);
  const { canAccess } = useCanAccess({ resource: RESOURCES.apiKeys, action: 'revoke' });
  if (!canAccess || apiKey.status === 'REVOKED') return null;
  return (
    <ConfirmButton
      label="Revoke"
      variant="outlined"
      color="error"
      size={size}
      aria-label={`Revoke the API key ${apiKey.name}`}
      title={`Revoke the API key “${apiKey.name}” of ${apiKey.tenant.name}?`}
      content={`Every request with ${apiKey.prefix}… is refused from now on (UNAUTHENTICATED). ${apiKey.tenant.name} must create a new key to call the API again; this cannot be undone.`}
      confirmLabel="Revoke key"
      action={async () => {
        const { data } = await dataProvider.revokeApiKey(RESOURCES.apiKeys, { id: apiKey.id });
        return `API key “${data.name}” of ${data.tenant.name} revoked.`;
      }}
      onDone={reload}
    />
  );
}

/**
 * Disables a webhook endpoint after a confirmation, for staff with platform:integration:manage;
 * nothing for others, nor for an endpoint already disabled. Only its tenant can enable it again.
 */
export function DisableEndpointButton({ endpoint, size = 'medium' }: { endpoint: WebhookEndpointRecord; size?: 'small' | 'medium' }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reloadEndpoints = useReload(RESOURCES.webhookEndpoints);
  const reloadDeliveries = useReload(RESOURCES.webhookDeliveries);
  const { canAccess } = useCanAccess({ resource: RESOURCES.webhookEndpoints, action: 'disable' });
  if (!canAccess || !endpoint.enabled) return null;
  return (
    <ConfirmButton
      label="Disable"
      variant="outlined"
      color="error"
      size={size}
      aria-label={`Disable the webhook endpoint ${endpoint.url}`}
      title={`Disable this webhook endpoint of ${endpoint.tenant.name}?`}
      content={
        <>
          <Box component="span" sx={{ ...mono, wordBreak: 'break-all' }}>
            {endpoint.url}
          </Box>{' '}
          receives no more events, and its waiting deliveries fail. Only {endpoint.tenant.name} can enable it again.
        </>
      }
      confirmLabel="Disable endpoint"
      action={async () => {
        await dataProvider.disableWebhookEndpoint(RESOURCES.webhookEndpoints, { id: endpoint.id });
        return `Webhook endpoint of ${endpoint.tenant.name} disabled.`;
      }}
      onDone={() => {
        reloadEndpoints();
        reloadDeliveries();
      }}
    />
  );
}
