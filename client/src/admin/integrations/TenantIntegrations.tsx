import KeyOutlined from '@mui/icons-material/KeyOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { DataTable, ReferenceManyField, useCanAccess } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { ApiKeyRecord } from '../providers/apiKeys.provider';
import { RESOURCES } from '../resource-names';
import { mono, SectionTitle } from '../ui/DetailList';
import { useFilteredListPath } from '../ui/RecordLink';
import { ApiKeyStatusChip, When } from './IntegrationUi';

/**
 * A tenant page's card of its API keys (newest first), with links to its webhook endpoints and
 * its failing webhook deliveries; for staff who may read integrations, nothing for others.
 */
export function TenantIntegrationsCard({ tenantId }: { tenantId: string }) {
  const listPath = useFilteredListPath();
  const { canAccess } = useCanAccess({ resource: RESOURCES.apiKeys, action: 'list' });
  const { canAccess: canReadDeliveries } = useCanAccess({ resource: RESOURCES.webhookDeliveries, action: 'list' });
  const { canAccess: canReadEndpoints } = useCanAccess({ resource: RESOURCES.webhookEndpoints, action: 'list' });
  if (!canAccess) return null;
  return (
    <Card>
      <CardContent>
        <SectionTitle
          action={
            <Box sx={{ display: 'flex', gap: 1 }}>
              {canReadEndpoints && (
                <Button component={RouterLink} to={listPath(RESOURCES.webhookEndpoints, { tenantId })} size="small">
                  Webhook endpoints
                </Button>
              )}
              {canReadDeliveries && (
                <Button component={RouterLink} to={listPath(RESOURCES.webhookDeliveries, { tenantId, status: 'FAILED' })} size="small">
                  Failed webhook deliveries
                </Button>
              )}
            </Box>
          }
        >
          <KeyOutlined fontSize="small" color="action" /> API keys
        </SectionTitle>
        <ReferenceManyField reference={RESOURCES.apiKeys} target="tenantId" perPage={10}>
          <DataTable bulkActionButtons={false} rowClick="show" empty={<Typography color="text.secondary">No API keys.</Typography>}>
            <DataTable.Col
              source="name"
              label="Key"
              disableSort
              render={(k: ApiKeyRecord) => (
                <Box>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {k.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" component="div" sx={mono}>
                    {k.prefix}…
                  </Typography>
                </Box>
              )}
            />
            <DataTable.Col source="lastUsedAt" label="Last used" disableSort render={(k: ApiKeyRecord) => <When iso={k.lastUsedAt} never="Never" />} />
            <DataTable.Col source="status" label="Status" disableSort render={(k: ApiKeyRecord) => <ApiKeyStatusChip status={k.status} />} />
          </DataTable>
        </ReferenceManyField>
      </CardContent>
    </Card>
  );
}
