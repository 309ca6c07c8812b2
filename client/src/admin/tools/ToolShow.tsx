import Edit from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { DataTable, ListButton, ReferenceManyField, Show, TopToolbar, useCanAccess, useCreatePath, useRecordContext } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { EntitlementRecord } from '../providers/entitlements.provider';
import type { ToolRecord } from '../providers/tools.provider';
import { RESOURCES } from '../resource-names';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { formatDate, formatDateTime } from '../ui/format';
import { AdminPageHeading } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { SchemaFormPreview } from '../lazyWidgets';
import { EntitlementStateChip, ToolStatusChip } from './toolUi';

function ToolActions() {
  const tool = useRecordContext<ToolRecord>();
  const { canAccess } = useCanAccess({ resource: RESOURCES.tools, action: 'edit' });
  const createPath = useCreatePath();
  if (!tool || !canAccess) return null;
  return (
    <Button component={RouterLink} to={createPath({ resource: RESOURCES.tools, id: tool.id, type: 'edit' })} variant="contained" startIcon={<Edit />}>
      Edit tool
    </Button>
  );
}

function ToolShowLayout() {
  const tool = useRecordContext<ToolRecord>();
  const { canAccess: canReadGrants } = useCanAccess({ resource: RESOURCES.entitlements, action: 'list' });
  if (!tool) return null;
  return (
    <>
      <AdminPageHeading title={tool.name} subtitle={<Box component="span" sx={mono}>{tool.key}</Box>} actions={<ToolActions />} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Card>
            <CardContent>
              <SectionTitle>Details</SectionTitle>
              <DetailList
                items={[
                  { label: 'Status', value: <ToolStatusChip status={tool.status} /> },
                  { label: 'Category', value: tool.category },
                  { label: 'Description', value: tool.description || '—' },
                  { label: 'Added', value: formatDateTime(tool.createdAt) },
                  { label: 'Last change', value: formatDateTime(tool.updatedAt) },
                ]}
              />
            </CardContent>
          </Card>
          <Card sx={{ mt: 2 }}>
            <CardContent>
              <SectionTitle>Input schema</SectionTitle>
              <Box component="pre" sx={{ ...mono, m: 0, p: 1.5, bgcolor: '#f8fafc', borderRadius: 1, overflow: 'auto', maxHeight: 420 }} tabIndex={0} aria-label="Input schema (JSON)">
                {tool.inputSchemaText}
              </Box>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Card>
            <CardContent>
              <SectionTitle>Form customers see</SectionTitle>
              <SchemaFormPreview schema={tool.inputSchema} />
            </CardContent>
          </Card>
          {canReadGrants && (
            <Card sx={{ mt: 2 }}>
              <CardContent>
                <SectionTitle>Tenants entitled</SectionTitle>
                <ReferenceManyField reference={RESOURCES.entitlements} target="toolId" perPage={25}>
                  <DataTable bulkActionButtons={false} rowClick="show" empty={<Typography color="text.secondary">No tenant holds this tool.</Typography>}>
                    <DataTable.Col source="tenantId" label="Tenant" disableSort render={(e: EntitlementRecord) => <TenantBadge tenant={e.tenant} link={false} />} />
                    <DataTable.Col source="plan" label="Plan" disableSort />
                    <DataTable.Col source="runsPerMonth" label="Runs / month" disableSort render={(e: EntitlementRecord) => e.runsPerMonth ?? 'No limit'} />
                    <DataTable.Col source="validUntil" label="Until" disableSort render={(e: EntitlementRecord) => (e.validUntil ? formatDate(e.validUntil) : 'Open-ended')} />
                    <DataTable.Col source="active" label="State" disableSort render={(e: EntitlementRecord) => <EntitlementStateChip e={e} />} />
                  </DataTable>
                </ReferenceManyField>
              </CardContent>
            </Card>
          )}
        </Grid>
      </Grid>
    </>
  );
}

/** A tool: its details, schema, the form generated from it, and the tenants entitled to it. */
export function ToolShow() {
  return (
    <Show
      title="Tool"
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="All tools" />
        </TopToolbar>
      }
    >
      <ToolShowLayout />
    </Show>
  );
}
