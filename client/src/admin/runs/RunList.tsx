import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { AutocompleteInput, DataTable, DateInput, FilterButton, List, ReferenceInput, SelectArrayInput, SelectInput, TopToolbar, useDataProvider } from 'react-admin';
import { ListLoadError } from '../integrations/IntegrationUi';
import type { AdminDataProvider } from '../providers/dataProvider';
import { runFilterOf, type RunRecord } from '../providers/runs.provider';
import { RESOURCES } from '../resource-names';
import { ExportCsvButton } from '../ui/ExportCsvButton';
import { formatDateTime, formatRelative } from '../ui/format';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { RUN_STATUS_CHOICES, RunStatusChip } from './runUi';

/** The tool filter: the catalog's tools, read once (the catalog is small). */
function ToolFilter(props: { source: string; alwaysOn?: boolean }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const tools = useQuery({ queryKey: [RESOURCES.runs, 'toolChoices'], queryFn: ({ signal }) => dataProvider.toolChoices(RESOURCES.runs, { signal }) });
  return (
    <SelectInput
      {...props}
      label="Tool"
      choices={tools.data?.data ?? []}
      isPending={tools.isPending}
      emptyText="Any tool"
      helperText={tools.isError ? 'Tools could not be loaded.' : false}
      sx={{ minWidth: { xs: 180, sm: 200 } }}
    />
  );
}

const runFilters = [
  <SelectArrayInput key="status" source="status" label="Status" choices={RUN_STATUS_CHOICES} alwaysOn helperText={false} sx={{ minWidth: { xs: 0, sm: 160 } }} />,
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: { xs: 0, sm: 220 } }} helperText={false} />
  </ReferenceInput>,
  <ToolFilter key="toolId" source="toolId" alwaysOn />,
  <DateInput key="from" source="from" label="From" helperText={false} />,
  <DateInput key="to" source="to" label="To" helperText={false} />,
];

function When({ iso }: { iso: string }) {
  return (
    <Tooltip title={formatDateTime(iso)}>
      <Typography variant="body2" color="text.secondary" component="span" sx={{ whiteSpace: 'nowrap' }}>
        {formatRelative(iso)}
      </Typography>
    </Tooltip>
  );
}

function RunCard({ run }: { run: RunRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 600 }}>{run.tool.name}</Typography>
        <RunStatusChip status={run.status} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {run.tenant.name} · {formatRelative(run.createdAt)} · attempt {run.attempts}/{run.maxAttempts}
      </Typography>
      {run.error && (
        <Typography variant="body2" color="error" noWrap>
          {run.error}
        </Typography>
      )}
    </Box>
  );
}

/** More filters (the dates) and the CSV export of every run that matches them. */
function RunListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <ExportCsvButton list="runs" filterOf={runFilterOf} />
    </TopToolbar>
  );
}

/** Runs of every tenant, newest first: status, tenant, tool and date filters; each opens its page. */
export function RunList() {
  return (
    <>
      <AdminPageHeading title="Runs" subtitle="Tool runs across tenants: what ran, how it ended, and what to retry." />
      <List perPage={25} filters={runFilters} exporter={false} title="Runs" actions={<RunListActions />} empty={false} error={<ListLoadError />} sx={PHONE_SAFE_LIST_SX}>
        <ResponsiveRows<RunRecord>
          empty="No runs match these filters."
          card={(r) => <RunCard run={r} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary" sx={{ p: 3 }}>No runs match these filters.</Typography>}>
              <DataTable.Col source="toolId" label="Tool" disableSort render={(r: RunRecord) => <RowLink id={r.id}>{r.tool.name}</RowLink>} />
              <DataTable.Col source="status" label="Status" disableSort render={(r: RunRecord) => <RunStatusChip status={r.status} />} />
              <DataTable.Col source="tenantId" label="Tenant" disableSort render={(r: RunRecord) => <TenantBadge tenant={r.tenant} />} />
              <DataTable.Col source="attempts" label="Attempts" disableSort render={(r: RunRecord) => `${r.attempts}/${r.maxAttempts}`} />
              <DataTable.Col
                source="error"
                label="Error"
                disableSort
                render={(r: RunRecord) => (
                  <Typography variant="body2" color={r.error ? 'error' : 'text.secondary'} noWrap sx={{ maxWidth: 260 }} title={r.error ?? undefined}>
                    {r.error ?? '—'}
                  </Typography>
                )}
              />
              <DataTable.Col source="createdAt" label="Started" disableSort render={(r: RunRecord) => <When iso={r.createdAt} />} />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
