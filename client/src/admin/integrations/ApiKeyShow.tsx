import KeyOutlined from '@mui/icons-material/KeyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ListButton, Show, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { HistoryCard } from '../auditLogs/AuditTrail';
import type { ApiKeyRecord } from '../providers/apiKeys.provider';
import { RESOURCES } from '../resource-names';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { formatDateTime } from '../ui/format';
import { PersonCell } from '../ui/People';
import { TenantBadge } from '../ui/TenantBadge';
import { KeyLifetime } from './ApiKeyList';
import { ApiKeyStatusChip, CodeChips, RevokeApiKeyButton, When } from './IntegrationUi';

function ApiKeyTitle() {
  const apiKey = useRecordContext<ApiKeyRecord>();
  return <span>{apiKey ? `API key ${apiKey.name}` : 'API key'}</span>;
}

function ApiKeyShowLayout() {
  const apiKey = useRecordContext<ApiKeyRecord>();
  const { canAccess: canReadAudit } = useCanAccess({ resource: RESOURCES.auditLogs, action: 'list' });
  if (!apiKey) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent sx={{ display: 'flex', gap: 2.5, alignItems: 'center', flexWrap: 'wrap' }}>
              <Box sx={{ width: 56, height: 56, borderRadius: 3, bgcolor: '#eef2ff', color: '#4338ca', display: 'grid', placeItems: 'center' }}>
                <KeyOutlined />
              </Box>
              <Box sx={{ flex: 1, minWidth: 200 }}>
                <Typography variant="h2" component="h1">
                  {apiKey.name}
                </Typography>
                <Typography color="text.secondary" sx={mono}>
                  {apiKey.prefix}…
                </Typography>
              </Box>
              <ApiKeyStatusChip status={apiKey.status} />
              <RevokeApiKeyButton apiKey={apiKey} />
            </CardContent>
            {apiKey.status === 'REVOKED' && apiKey.revokedAt && (
              <Alert severity="info" sx={{ borderRadius: 0 }}>
                Revoked {formatDateTime(apiKey.revokedAt)}: the API refuses this key.
              </Alert>
            )}
            {apiKey.status === 'EXPIRED' && apiKey.expiresAt && (
              <Alert severity="warning" sx={{ borderRadius: 0 }}>
                Expired {formatDateTime(apiKey.expiresAt)}: the API refuses this key.
              </Alert>
            )}
          </Card>
          <Card>
            <CardContent>
              <SectionTitle>Key</SectionTitle>
              <DetailList
                items={[
                  { label: 'Tenant', value: <TenantBadge tenant={apiKey.tenant} showSlug /> },
                  { label: 'Created by', value: <PersonCell person={apiKey.createdBy} showEmail nobody="Deleted account" /> },
                  { label: 'Created', value: formatDateTime(apiKey.createdAt) },
                  { label: 'Last used', value: <When iso={apiKey.lastUsedAt} never="Never" /> },
                  { label: 'Expiry', value: <KeyLifetime apiKey={apiKey} /> },
                  { label: 'Permissions', value: <CodeChips values={apiKey.permissions} empty="None" /> },
                  { label: 'Key id', value: <Box component="span" sx={{ ...mono, color: 'text.secondary', wordBreak: 'break-all' }}>{apiKey.id}</Box> },
                ]}
              />
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2, mb: 0 }}>
                A key acts with these permissions only while its creator’s current role in {apiKey.tenant.name} still holds them.
              </Typography>
            </CardContent>
          </Card>
        </Stack>
      </Grid>
      {canReadAudit && (
        <Grid size={{ xs: 12, lg: 4 }}>
          <HistoryCard empty="No recorded changes." />
        </Grid>
      )}
    </Grid>
  );
}

/** One API key: what it may do, who made it, when it was used; revoking it for platform:integration:manage. */
export function ApiKeyShow() {
  return (
    <Show
      title={<ApiKeyTitle />}
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="All API keys" />
        </TopToolbar>
      }
    >
      <ApiKeyShowLayout />
    </Show>
  );
}
