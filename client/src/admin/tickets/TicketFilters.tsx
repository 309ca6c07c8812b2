import AssignmentIndOutlined from '@mui/icons-material/AssignmentIndOutlined';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import LabelImportantOutline from '@mui/icons-material/LabelImportantOutline';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import { AutocompleteInput, FilterList, FilterListItem, ReferenceInput, NullableBooleanInput, SearchInput, SelectArrayInput } from 'react-admin';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../providers/tickets.provider';
import { RESOURCES } from '../resource-names';
import { PRIORITY_CHOICES, PRIORITY_META, STATUS_CHOICES, STATUS_META } from '../ui/chips';

/** The filter bar: text search, tenant, status, priority and assignee (staff see every tenant). */
export const ticketFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search subject and description" sx={{ minWidth: 280 }} />,
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: 220 }} helperText={false} />
  </ReferenceInput>,
  <SelectArrayInput key="status" source="status" label="Status" choices={STATUS_CHOICES} alwaysOn helperText={false} sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="priority" source="priority" label="Priority" choices={PRIORITY_CHOICES} helperText={false} sx={{ minWidth: 160 }} />,
  <NullableBooleanInput key="unassigned" source="unassigned" label="Unassigned" trueLabel="Unassigned only" falseLabel="Assigned only" nullLabel="Either" helperText={false} sx={{ minWidth: 180 }} />,
  <ReferenceInput key="assigneeId" source="assigneeId" reference={RESOURCES.users}>
    <AutocompleteInput label="Assignee" optionText="name" sx={{ minWidth: 220 }} helperText={false} />
  </ReferenceInput>,
];

type Filters = Record<string, unknown>;
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** Sidebar items add to or remove from the same multi-value filter the filter bar edits. */
function multi(key: 'status' | 'priority') {
  return {
    isSelected: (value: Filters, filters: Filters) => asList(filters[key]).includes(String(value[key])),
    toggleFilter: (value: Filters, filters: Filters) => {
      const current = asList(filters[key]);
      const v = String(value[key]);
      const next = current.includes(v) ? current.filter((x) => x !== v) : [...current, v];
      const { [key]: _dropped, ...rest } = filters;
      return next.length ? { ...rest, [key]: next } : rest;
    },
  };
}

const Dot = ({ colour }: { colour: string }) => <Box component="span" sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: colour, display: 'inline-block' }} />;

/** Quick filters beside the list on wide screens: statuses, priorities, assigned or not. */
export function TicketFilterSidebar() {
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 220, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', xl: 'block' } }}>
      <CardContent sx={{ pt: 1, '&:last-child': { pb: 1 } }}>
        <FilterList label="Status" icon={<LabelImportantOutline />}>
          {TICKET_STATUSES.map((s) => (
            <FilterListItem key={s} label={<Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}><Dot colour={STATUS_META[s].colour} />{STATUS_META[s].label}</Box>} value={{ status: s }} {...multi('status')} />
          ))}
        </FilterList>
        <FilterList label="Priority" icon={<FlagOutlined />}>
          {TICKET_PRIORITIES.map((p) => (
            <FilterListItem key={p} label={PRIORITY_META[p].label} value={{ priority: p }} {...multi('priority')} />
          ))}
        </FilterList>
        <FilterList label="Assignment" icon={<AssignmentIndOutlined />}>
          <FilterListItem label="Unassigned" value={{ unassigned: true }} />
          <FilterListItem label="Assigned" value={{ unassigned: false }} />
        </FilterList>
      </CardContent>
    </Card>
  );
}
