import Add from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, List, ReferenceInput, SearchInput, SelectArrayInput, useCanAccess, useCreatePath } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { ListLoadError } from '../integrations/IntegrationUi';
import { INCIDENT_DEFAULT_SORT, type IncidentRecord } from '../providers/incidents.provider';
import { RESOURCES } from '../resource-names';
import { formatDateTime, formatRelative } from '../ui/format';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { INCIDENT_SEVERITY_CHOICES, INCIDENT_STATUS_CHOICES, IncidentStatusChip, SeverityChip } from './incidentUi';

const incidentFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search title and summary" sx={{ minWidth: { xs: 0, sm: 240 } }} />,
  <SelectArrayInput key="status" source="status" label="Status" choices={INCIDENT_STATUS_CHOICES} alwaysOn helperText={false} sx={{ minWidth: { xs: 0, sm: 160 } }} />,
  <SelectArrayInput key="severity" source="severity" label="Severity" choices={INCIDENT_SEVERITY_CHOICES} alwaysOn helperText={false} sx={{ minWidth: { xs: 0, sm: 160 } }} />,
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Affected tenant" optionText="name" sx={{ minWidth: { xs: 0, sm: 220 } }} helperText={false} />
  </ReferenceInput>,
];

function Tenants({ incident, max = 2 }: { incident: IncidentRecord; max?: number }) {
  const shown = incident.affectedTenants.slice(0, max);
  const more = incident.affectedTenants.length - shown.length;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      {shown.map((t) => (
        <TenantBadge key={t.id} tenant={t} />
      ))}
      {more > 0 && (
        <Typography variant="caption" color="text.secondary">
          and {more} more
        </Typography>
      )}
    </Box>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <Tooltip title={formatDateTime(iso)}>
      <Typography variant="body2" color="text.secondary" component="span" sx={{ whiteSpace: 'nowrap' }}>
        {formatRelative(iso)}
      </Typography>
    </Tooltip>
  );
}

function IncidentCard({ incident }: { incident: IncidentRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body1" sx={{ fontWeight: 600 }}>
        {incident.title}
      </Typography>
      <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', my: 0.5 }}>
        <IncidentStatusChip status={incident.status} />
        <SeverityChip severity={incident.severity} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {incident.affectedTenants.map((t) => t.name).join(', ')} · opened {formatRelative(incident.createdAt)}
      </Typography>
    </Box>
  );
}

function OpenIncidentButton() {
  const { canAccess } = useCanAccess({ resource: RESOURCES.incidents, action: 'create' });
  const createPath = useCreatePath();
  if (!canAccess) return null;
  return (
    <Button component={RouterLink} to={createPath({ resource: RESOURCES.incidents, type: 'create' })} variant="contained" startIcon={<Add />}>
      Open an incident
    </Button>
  );
}

/** Platform incidents, newest first: status, severity, tenant and text filters. */
export function IncidentList() {
  return (
    <>
      <AdminPageHeading title="Incidents" subtitle="What is broken for customers, from opening to resolution." actions={<OpenIncidentButton />} />
      <List sort={INCIDENT_DEFAULT_SORT} perPage={25} filters={incidentFilters} exporter={false} title="Incidents" actions={false} empty={false} error={<ListLoadError />} sx={PHONE_SAFE_LIST_SX}>
        <ResponsiveRows<IncidentRecord>
          empty="No incidents match these filters."
          card={(i) => <IncidentCard incident={i} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary" sx={{ p: 3 }}>No incidents match these filters.</Typography>}>
              <DataTable.Col
                source="title"
                label="Incident"
                disableSort
                render={(i: IncidentRecord) => (
                  <Typography variant="body2" component="div" sx={{ maxWidth: 360 }}>
                    <RowLink id={i.id}>{i.title}</RowLink>
                  </Typography>
                )}
              />
              <DataTable.Col source="severity" label="Severity" disableSort render={(i: IncidentRecord) => <SeverityChip severity={i.severity} />} />
              <DataTable.Col source="status" label="Status" disableSort render={(i: IncidentRecord) => <IncidentStatusChip status={i.status} />} />
              <DataTable.Col source="tenantIds" label="Affected" disableSort render={(i: IncidentRecord) => <Tenants incident={i} />} />
              <DataTable.Col source="createdAt" label="Opened" sortByOrder="DESC" render={(i: IncidentRecord) => <When iso={i.createdAt} />} />
              <DataTable.Col source="updatedAt" label="Updated" sortByOrder="DESC" render={(i: IncidentRecord) => <When iso={i.updatedAt} />} />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
