import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { EditButton, ListButton, Show, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { AuditTrail } from '../auditLogs/AuditTrail';
import type { FeatureFlagRecord } from '../providers/featureFlags.provider';
import { RESOURCES } from '../resource-names';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { formatDateTime, formatRelative } from '../ui/format';
import { TenantBadge } from '../ui/TenantBadge';
import { FeatureFlagTitle } from './FeatureFlagEdit';
import { FlagState } from './FlagState';

function FeatureFlagShowLayout() {
  const flag = useRecordContext<FeatureFlagRecord>();
  const { canAccess: canReadAudit } = useCanAccess({ resource: RESOURCES.auditLogs, action: 'list' });
  if (!flag) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent>
              <Typography variant="overline" color="text.secondary">
                Feature flag
              </Typography>
              <Typography variant="h2" component="h1" sx={{ ...mono, fontSize: '1.35rem', fontWeight: 700, mb: 1 }}>
                {flag.key}
              </Typography>
              <Typography color="text.secondary" sx={{ mb: 2 }}>
                {flag.description || 'No description.'}
              </Typography>
              <DetailList
                items={[
                  { label: 'Global default', value: <FlagState enabled={flag.defaultEnabled} /> },
                  { label: 'Created', value: formatDateTime(flag.createdAt) },
                  { label: 'Last change', value: formatDateTime(flag.updatedAt) },
                ]}
              />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <SectionTitle count={flag.overrides.length}>Tenant overrides</SectionTitle>
              {flag.overrides.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  Every tenant follows the global default.
                </Typography>
              ) : (
                <Table size="small" aria-label="Tenant overrides">
                  <TableHead>
                    <TableRow>
                      <TableCell>Tenant</TableCell>
                      <TableCell>Setting</TableCell>
                      <TableCell>Since</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {flag.overrides.map((o) => (
                      <TableRow key={o.tenantId}>
                        <TableCell>
                          <TenantBadge tenant={o.tenant} />
                        </TableCell>
                        <TableCell>
                          <FlagState enabled={o.enabled} />
                        </TableCell>
                        <TableCell>{formatRelative(o.updatedAt)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </Stack>
      </Grid>
      {canReadAudit && (
        <Grid size={{ xs: 12, md: 4 }}>
          <Card>
            <CardContent>
              <SectionTitle>
                <HistoryOutlined fontSize="small" color="action" /> History
              </SectionTitle>
              <AuditTrail empty="Not changed since it was created." />
            </CardContent>
          </Card>
        </Grid>
      )}
    </Grid>
  );
}

export function FeatureFlagShow() {
  return (
    <Show
      title={<FeatureFlagTitle />}
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="All flags" />
          <EditButton label="Edit flag" variant="contained" />
        </TopToolbar>
      }
    >
      <FeatureFlagShowLayout />
    </Show>
  );
}
