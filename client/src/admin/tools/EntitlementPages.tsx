import Add from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteInput,
  Create,
  DataTable,
  DateInput,
  List,
  ListButton,
  NumberInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  Show,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useDataProvider,
  useRecordContext,
} from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { ListLoadError } from '../integrations/IntegrationUi';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { EntitlementRecord } from '../providers/entitlements.provider';
import { RESOURCES } from '../resource-names';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { FormDialog } from '../ui/FormDialog';
import { formatDate, formatDateTime } from '../ui/format';
import { RecordLink } from '../ui/RecordLink';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { EntitlementStateChip } from './toolUi';

const entitlementFilters = [
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: { xs: 0, sm: 220 } }} helperText={false} />
  </ReferenceInput>,
  <ReferenceInput key="toolId" source="toolId" reference={RESOURCES.tools} alwaysOn>
    <AutocompleteInput label="Tool" optionText="name" sx={{ minWidth: { xs: 0, sm: 220 } }} helperText={false} />
  </ReferenceInput>,
  <SelectInput
    key="active"
    source="active"
    label="State"
    choices={[
      { id: 'true', name: 'Active now' },
      { id: 'false', name: 'Inactive (expired, future, revoked)' },
    ]}
    alwaysOn
    helperText={false}
    sx={{ minWidth: { xs: 0, sm: 180 } }}
  />,
];

/** What a grant is for: the tool's name, or the feature key. */
function Grantee({ e }: { e: EntitlementRecord }) {
  return e.tool ? <>{e.tool.name}</> : <Box component="span" sx={mono}>{e.feature}</Box>;
}

/** "Grant a tool" for staff with platform:entitlement:manage; the tenant prefilled when given. */
export function GrantButton({ tenantId, size = 'medium' }: { tenantId?: string; size?: 'small' | 'medium' }) {
  const { canAccess } = useCanAccess({ resource: RESOURCES.entitlements, action: 'create' });
  const createPath = useCreatePath();
  if (!canAccess) return null;
  const path = createPath({ resource: RESOURCES.entitlements, type: 'create' });
  return (
    <Button component={RouterLink} to={tenantId ? `${path}?source=${encodeURIComponent(JSON.stringify({ tenantId }))}` : path} variant={size === 'small' ? 'text' : 'contained'} size={size} startIcon={<Add />}>
      Grant a tool
    </Button>
  );
}

/** Entitlements of every tenant: tenant, tool and state filters. */
export function EntitlementList() {
  return (
    <>
      <AdminPageHeading title="Entitlements" subtitle="Which tenant may run which tool, under which plan, quota and dates." actions={<GrantButton />} />
      <List perPage={25} filters={entitlementFilters} exporter={false} title="Entitlements" actions={false} empty={false} error={<ListLoadError />} sx={PHONE_SAFE_LIST_SX}>
        <ResponsiveRows<EntitlementRecord>
          empty="No entitlements match these filters."
          card={(e) => (
            <Box sx={{ minWidth: 0 }}>
              <Typography sx={{ fontWeight: 600 }}>
                <Grantee e={e} /> · {e.tenant.name}
              </Typography>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
                <EntitlementStateChip e={e} />
                <Typography variant="body2" color="text.secondary">
                  {e.plan} · {e.runsPerMonth === null ? 'no run limit' : `${e.runsPerMonth} runs / month`}
                </Typography>
              </Box>
            </Box>
          )}
          table={
            <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary" sx={{ p: 3 }}>No entitlements match these filters.</Typography>}>
              <DataTable.Col
                source="feature"
                label="Tool or feature"
                disableSort
                render={(e: EntitlementRecord) => (
                  <RowLink id={e.id}>
                    <Grantee e={e} />
                  </RowLink>
                )}
              />
              <DataTable.Col source="tenantId" label="Tenant" disableSort render={(e: EntitlementRecord) => <TenantBadge tenant={e.tenant} link={false} />} />
              <DataTable.Col source="plan" label="Plan" disableSort />
              <DataTable.Col source="runsPerMonth" label="Runs / month" disableSort render={(e: EntitlementRecord) => e.runsPerMonth ?? 'No limit'} />
              <DataTable.Col
                source="validFrom"
                label="Valid"
                disableSort
                render={(e: EntitlementRecord) => `${formatDate(e.validFrom)} → ${e.validUntil ? formatDate(e.validUntil) : 'open-ended'}`}
              />
              <DataTable.Col source="active" label="State" disableSort render={(e: EntitlementRecord) => <EntitlementStateChip e={e} />} />
            </DataTable>
          }
        />
      </List>
    </>
  );
}

const quotaRule = (value: unknown) =>
  value === null || value === undefined || value === '' || (Number.isInteger(Number(value)) && Number(value) >= 0) ? undefined : 'A whole number of runs, 0 or more; empty for no limit.';
const planRule = (value: unknown) => (typeof value === 'string' && /^[a-z][a-z0-9_-]{0,63}$/.test(value.trim()) ? undefined : 'A lowercase word, e.g. "pro" or "trial".');
const untilRule = (value: unknown, all: Record<string, unknown>) => {
  const end = typeof value === 'string' || value instanceof Date ? new Date(value) : null;
  const start = typeof all.validFrom === 'string' || all.validFrom instanceof Date ? new Date(all.validFrom) : null;
  if (!end || !start) return undefined;
  return end.getTime() > start.getTime() ? undefined : 'The end must be after the start.';
};

/** Grants a tool to a tenant: plan, monthly run quota and validity dates. An overlapping grant is refused (revoke it first). */
export function EntitlementCreate() {
  return (
    <>
      <AdminPageHeading title="Grant a tool" subtitle="The tenant can run the tool from its start date; each grant is audited." />
      <Create
        redirect="show"
        title="Grant a tool"
        actions={
          <TopToolbar>
            <ListButton label="All entitlements" />
          </TopToolbar>
        }
      >
        <SimpleForm
          noValidate
          defaultValues={{ plan: 'pro', runsPerMonth: null, validFrom: new Date().toISOString().slice(0, 10), validUntil: null }}
          toolbar={
            <Toolbar>
              <SaveButton label="Grant" />
            </Toolbar>
          }
        >
          <Box sx={{ width: '100%', maxWidth: 640 }}>
            <ReferenceInput source="tenantId" reference={RESOURCES.tenants} perPage={50}>
              <AutocompleteInput label="Tenant" optionText="name" validate={required('Choose the tenant.')} fullWidth />
            </ReferenceInput>
            <ReferenceInput source="toolId" reference={RESOURCES.tools} perPage={50} filter={{ status: ['ACTIVE', 'BETA'] }}>
              <AutocompleteInput label="Tool" optionText="name" validate={required('Choose the tool.')} helperText="Retired tools cannot be granted" fullWidth />
            </ReferenceInput>
            <TextInput source="plan" label="Plan" validate={[required(), planRule]} helperText='e.g. "pro", "trial", "manual"' fullWidth />
            <NumberInput source="runsPerMonth" label="Quota: runs per month" min={0} step={1} validate={quotaRule} helperText="Empty for no limit; counted per calendar month (UTC)" fullWidth />
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
              <DateInput source="validFrom" label="Valid from" helperText="Today when empty" fullWidth />
              <DateInput source="validUntil" label="Valid until" validate={untilRule} helperText="Open-ended when empty" fullWidth />
            </Box>
          </Box>
        </SimpleForm>
      </Create>
    </>
  );
}

/** Revokes a grant with an optional reason, for staff with platform:entitlement:manage; nothing when already revoked. */
export function RevokeEntitlementButton({ entitlement, size = 'medium' }: { entitlement: EntitlementRecord; size?: 'small' | 'medium' }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const queryClient = useQueryClient();
  const { canAccess } = useCanAccess({ resource: RESOURCES.entitlements, action: 'revoke' });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!canAccess || entitlement.revokedAt) return null;
  const what = entitlement.tool?.name ?? entitlement.feature;
  return (
    <>
      <Button variant="outlined" color="error" size={size} onClick={() => setOpen(true)} aria-label={`Revoke ${what} for ${entitlement.tenant.name}`}>
        Revoke
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Revoke ${what} for ${entitlement.tenant.name}?`}
        submitLabel="Revoke"
        destructive
        action={async () => {
          const { data } = await dataProvider.revokeEntitlement(RESOURCES.entitlements, { id: entitlement.id, reason });
          return `${data.tool?.name ?? data.feature} revoked for ${data.tenant.name}.`;
        }}
        onDone={() => {
          setReason('');
          void queryClient.invalidateQueries({ queryKey: [RESOURCES.entitlements] });
          void queryClient.invalidateQueries({ queryKey: ['quotaUsage'] });
        }}
      >
        <Typography>New runs of {what} are refused at once; runs already queued still run. The grant stays in the history.</Typography>
        <TextField label="Reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} multiline minRows={2} fullWidth />
      </FormDialog>
    </>
  );
}

function EntitlementShowLayout() {
  const e = useRecordContext<EntitlementRecord>();
  if (!e) return null;
  const what = e.tool?.name ?? e.feature;
  return (
    <>
      <AdminPageHeading title={`${what} for ${e.tenant.name}`} subtitle={`Plan ${e.plan}`} actions={<RevokeEntitlementButton entitlement={e} />} />
      <Card sx={{ maxWidth: 720 }}>
        <CardContent>
          <SectionTitle>Grant</SectionTitle>
          <DetailList
            items={[
              { label: 'State', value: <EntitlementStateChip e={e} /> },
              { label: 'Tenant', value: <TenantBadge tenant={e.tenant} /> },
              {
                label: e.tool ? 'Tool' : 'Feature',
                value: e.tool ? (
                  <RecordLink resource={RESOURCES.tools} id={e.tool.id}>
                    {e.tool.name}
                  </RecordLink>
                ) : (
                  <Box component="span" sx={mono}>
                    {e.feature}
                  </Box>
                ),
              },
              { label: 'Plan', value: e.plan },
              { label: 'Quota', value: e.runsPerMonth === null ? 'No run limit' : `${e.runsPerMonth} runs per month` },
              {
                label: 'Other limits',
                value: Object.entries(e.limits).filter(([k]) => k !== 'runsPerMonth').map(([k, v]) => `${k}: ${v}`).join(', ') || '—',
              },
              { label: 'Valid from', value: formatDateTime(e.validFrom) },
              { label: 'Valid until', value: e.validUntil ? formatDateTime(e.validUntil) : 'Open-ended' },
              ...(e.revokedAt ? [{ label: 'Revoked', value: `${formatDateTime(e.revokedAt)}${e.revokeReason ? ` — ${e.revokeReason}` : ''}` }] : []),
              { label: 'Granted', value: formatDateTime(e.createdAt) },
            ]}
          />
        </CardContent>
      </Card>
    </>
  );
}

export function EntitlementShow() {
  return (
    <Show
      title="Entitlement"
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="All entitlements" />
        </TopToolbar>
      }
    >
      <EntitlementShowLayout />
    </Show>
  );
}
