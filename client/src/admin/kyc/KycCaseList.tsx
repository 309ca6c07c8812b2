import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, List, ReferenceInput, SearchInput, SelectArrayInput, SelectInput } from 'react-admin';
import { ListLoadError } from '../integrations/IntegrationUi';
import { KYC_DEFAULT_SORT, KYC_WAITING_DAYS, type KycCaseRecord } from '../providers/kyc.provider';
import { RESOURCES } from '../resource-names';
import { formatDateTime } from '../ui/format';
import { PersonCell } from '../ui/People';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { KYC_STATUS_CHOICES, KycStatusChip, nextStepOf, SUBJECT_KIND_CHOICES, SUBJECT_KIND_LABEL, waitingSince } from './kycUi';

const WAITING_CHOICES = KYC_WAITING_DAYS.map((d) => ({ id: String(d), name: `Waiting more than ${d} day${d === 1 ? '' : 's'}` }));

const kycFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search subject name" sx={{ minWidth: { xs: 0, sm: 240 } }} />,
  <SelectArrayInput key="status" source="status" label="State" choices={KYC_STATUS_CHOICES} alwaysOn helperText={false} sx={{ minWidth: { xs: 0, sm: 170 } }} />,
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: { xs: 0, sm: 220 } }} helperText={false} />
  </ReferenceInput>,
  <SelectInput key="subjectKind" source="subjectKind" label="Subject" choices={SUBJECT_KIND_CHOICES} helperText={false} emptyText="People and businesses" sx={{ minWidth: { xs: 0, sm: 180 } }} />,
  <SelectInput key="waitingDays" source="waitingDays" label="Waiting" choices={WAITING_CHOICES} alwaysOn helperText={false} emptyText="Any age" sx={{ minWidth: { xs: 160, sm: 200 } }} />,
];

function SubjectCell({ c }: { c: KycCaseRecord }) {
  return (
    <Box sx={{ minWidth: 0, maxWidth: 280 }}>
      <Typography variant="body2" noWrap title={c.subjectName} component="div">
        <RowLink id={c.id}>{c.subjectName}</RowLink>
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" noWrap>
        {SUBJECT_KIND_LABEL[c.subjectKind]} · {c.documentCount} document{c.documentCount === 1 ? '' : 's'}
      </Typography>
    </Box>
  );
}

function NextStep({ c }: { c: KycCaseRecord }) {
  const awaiting = c.status === 'SUBMITTED' || c.status === 'IN_REVIEW';
  return (
    <Typography variant="body2" sx={{ fontWeight: awaiting ? 600 : 400 }} color={awaiting ? 'text.primary' : 'text.secondary'}>
      {nextStepOf(c)}
    </Typography>
  );
}

function Waiting({ c }: { c: KycCaseRecord }) {
  const since = waitingSince(c);
  return (
    <Tooltip title={formatDateTime(since.iso)}>
      <Typography variant="body2" color="text.secondary" component="span" sx={{ whiteSpace: 'nowrap' }}>
        {since.label}
      </Typography>
    </Tooltip>
  );
}

function KycCaseCard({ c }: { c: KycCaseRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="body1" sx={{ fontWeight: 600, minWidth: 0 }} noWrap>
          {c.subjectName}
        </Typography>
        <KycStatusChip status={c.status} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {c.tenant.name} · {SUBJECT_KIND_LABEL[c.subjectKind]} · {waitingSince(c).label}
      </Typography>
      <NextStep c={c} />
    </Box>
  );
}

/**
 * Every tenant's KYC cases as a review queue: the cases waiting for staff (submitted, in review)
 * first, the longest waiting at the top; then the rest. Filters: state, tenant, subject, name.
 */
export function KycCaseList() {
  return (
    <>
      <AdminPageHeading title="KYC review queue" subtitle="Cases waiting for staff come first, the longest waiting at the top." />
      <List sort={KYC_DEFAULT_SORT} perPage={25} filters={kycFilters} exporter={false} title="KYC review" empty={false} error={<ListLoadError />} sx={PHONE_SAFE_LIST_SX}>
        <ResponsiveRows<KycCaseRecord>
          empty="No KYC cases match these filters."
          card={(c) => <KycCaseCard c={c} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary" sx={{ p: 3 }}>No KYC cases match these filters.</Typography>}>
              <DataTable.Col source="subjectName" label="Subject" sortByOrder="ASC" render={(c: KycCaseRecord) => <SubjectCell c={c} />} />
              <DataTable.Col source="tenantId" label="Tenant" disableSort render={(c: KycCaseRecord) => <TenantBadge tenant={c.tenant} />} />
              <DataTable.Col source="status" label="State" disableSort render={(c: KycCaseRecord) => <KycStatusChip status={c.status} />} />
              <DataTable.Col source="nextStep" label="Next step" disableSort render={(c: KycCaseRecord) => <NextStep c={c} />} />
              <DataTable.Col source="reviewer" label="Reviewer" disableSort render={(c: KycCaseRecord) => <PersonCell person={c.reviewer} nobody="Nobody yet" />} />
              <DataTable.Col source="createdAt" label="Waiting" sortByOrder="ASC" render={(c: KycCaseRecord) => <Waiting c={c} />} />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
