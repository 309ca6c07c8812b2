import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, DateTimeInput, List, ReferenceInput, SelectInput, TextInput, TopToolbar } from 'react-admin';
import { ListLoadError } from '../integrations/IntegrationUi';
import { EVENT_SEVERITIES, systemEventFilterOf, type SystemEventRecord } from '../providers/systemEvents.provider';
import { RESOURCES } from '../resource-names';
import { CorrelationLink } from '../ui/CorrelationLink';
import { mono } from '../ui/DetailList';
import { ExportCsvButton } from '../ui/ExportCsvButton';
import { formatDateTime, formatRelative } from '../ui/format';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { EventHistogram } from '../lazyWidgets';
import { EventSeverityChip, SEVERITY_META } from './eventUi';

const eventFilters = [
  <TextInput key="type" source="type" label="Type" alwaysOn helperText='Exact, or a prefix ending in "." (e.g. "run.")' sx={{ minWidth: { xs: 0, sm: 200 } }} />,
  <SelectInput
    key="minSeverity"
    source="minSeverity"
    label="Severity"
    choices={EVENT_SEVERITIES.map((id) => ({ id, name: `${SEVERITY_META[id].label} or worse` }))}
    alwaysOn
    helperText={false}
    sx={{ minWidth: { xs: 0, sm: 170 } }}
  />,
  <TextInput key="source" source="source" label="Source" alwaysOn helperText={false} sx={{ minWidth: { xs: 0, sm: 150 } }} />,
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" helperText={false} sx={{ minWidth: { xs: 0, sm: 200 } }} />
  </ReferenceInput>,
  <DateTimeInput key="from" source="from" label="From" alwaysOn helperText={false} />,
  <DateTimeInput key="to" source="to" label="To" alwaysOn helperText={false} />,
  <TextInput key="correlationId" source="correlationId" label="Request id" helperText={false} sx={{ minWidth: { xs: 0, sm: 280 } }} />,
];

function EventCard({ e }: { e: SystemEventRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography sx={{ ...mono, fontWeight: 700, wordBreak: 'break-all' }}>{e.type}</Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
        <EventSeverityChip severity={e.severity} />
        <Typography variant="body2" color="text.secondary">
          {e.source} · {e.tenant?.name ?? 'Platform'} · {formatRelative(e.occurredAt)}
        </Typography>
      </Box>
    </Box>
  );
}

/** The events explorer: filters (type prefix, severity, source, tenant, time range), a histogram of what they match, the events newest first. */
export function SystemEventList() {
  return (
    <>
      <AdminPageHeading title="System events" subtitle="What the platform and every tenant did, newest first." />
      <List
        perPage={25}
        filters={eventFilters}
        exporter={false}
        title="System events"
        actions={
          <TopToolbar>
            <ExportCsvButton list="system-events" filterOf={systemEventFilterOf} />
          </TopToolbar>
        }
        empty={false}
        error={<ListLoadError />}
        sx={PHONE_SAFE_LIST_SX}
      >
        <EventHistogram />
        <ResponsiveRows<SystemEventRecord>
          empty="No events match these filters."
          card={(e) => <EventCard e={e} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary" sx={{ p: 3 }}>No events match these filters.</Typography>}>
              <DataTable.Col
                source="type"
                label="Event"
                disableSort
                render={(e: SystemEventRecord) => (
                  <Box sx={{ ...mono, maxWidth: 320, wordBreak: 'break-all' }}>
                    <RowLink id={e.id}>{e.type}</RowLink>
                  </Box>
                )}
              />
              <DataTable.Col source="severity" label="Severity" disableSort render={(e: SystemEventRecord) => <EventSeverityChip severity={e.severity} />} />
              <DataTable.Col source="source" label="Source" disableSort />
              <DataTable.Col source="tenant" label="Tenant" disableSort render={(e: SystemEventRecord) => <TenantBadge tenant={e.tenant} link={false} />} />
              <DataTable.Col source="correlationId" label="Request id" disableSort render={(e: SystemEventRecord) => <CorrelationLink id={e.correlationId} short />} />
              <DataTable.Col
                source="occurredAt"
                label="When"
                disableSort
                render={(e: SystemEventRecord) => (
                  <Tooltip title={formatDateTime(e.occurredAt)}>
                    <Typography variant="body2" color="text.secondary" component="span" sx={{ whiteSpace: 'nowrap' }}>
                      {formatRelative(e.occurredAt)}
                    </Typography>
                  </Tooltip>
                )}
              />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
