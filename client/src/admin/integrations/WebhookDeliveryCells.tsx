import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { WebhookDeliveryRecord } from '../providers/webhooks.provider';
import { mono } from '../ui/DetailList';
import { formatDateTime } from '../ui/format';
import { When } from './IntegrationUi';

/** Attempts made of those it gets, and when the next one is due. */
export function AttemptsCell({ delivery }: { delivery: WebhookDeliveryRecord }) {
  return (
    <Box>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'nowrap' }}>
        {delivery.attemptCount} of {delivery.maxAttempts}
      </Typography>
      {delivery.nextAttemptAt && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
          next <When iso={delivery.nextAttemptAt} />
        </Typography>
      )}
    </Box>
  );
}

/** The last attempt's HTTP status, or that it got no answer. */
export function ResponseCodeCell({ delivery }: { delivery: Pick<WebhookDeliveryRecord, 'responseStatus' | 'attemptCount'> }) {
  if (delivery.responseStatus === null) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {delivery.attemptCount === 0 ? '—' : 'No answer'}
      </Typography>
    );
  }
  const ok = delivery.responseStatus >= 200 && delivery.responseStatus < 300;
  return (
    <Box component="span" sx={{ ...mono, fontWeight: 700, color: ok ? '#15803d' : '#b91c1c' }}>
      {delivery.responseStatus}
    </Box>
  );
}

/** Why the last attempt failed, cut to one line in tables (whole on hover). */
export function ErrorCell({ error, maxWidth = 280 }: { error: string | null; maxWidth?: number }) {
  if (!error) return <Typography variant="body2" color="text.secondary" component="span">—</Typography>;
  return (
    <Tooltip title={error}>
      <Typography variant="body2" component="div" noWrap sx={{ maxWidth, color: '#b91c1c' }}>
        {error}
      </Typography>
    </Tooltip>
  );
}

/** The last change of a delivery (its latest attempt), exact on hover. */
export function DeliveryTimeCell({ delivery }: { delivery: WebhookDeliveryRecord }) {
  return (
    <Tooltip title={`Created ${formatDateTime(delivery.createdAt)} · last change ${formatDateTime(delivery.updatedAt)}`}>
      <span>
        <When iso={delivery.updatedAt} />
      </span>
    </Tooltip>
  );
}

/** The event type in monospace, and whether it was a test or a redelivery. */
export function EventTypeCell({ delivery }: { delivery: WebhookDeliveryRecord }) {
  return (
    <Box>
      <Box component="span" sx={{ ...mono, fontWeight: 600 }}>
        {delivery.eventType}
      </Box>
      {delivery.trigger !== 'EVENT' && (
        <Typography variant="caption" color="text.secondary" component="div">
          {delivery.trigger === 'TEST' ? 'Test event' : 'Redelivery'}
        </Typography>
      )}
    </Box>
  );
}
