import CategoryOutlined from '@mui/icons-material/CategoryOutlined';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import { AutocompleteInput, DateInput, FilterList, FilterListItem, ReferenceInput, TextInput } from 'react-admin';
import { RESOURCES } from '../resource-names';

/**
 * Every filter the API has: action (exact, or a prefix ending in "."), actor, tenant, target,
 * correlation id and a date range (whole days).
 */
export const auditLogFilters = [
  <TextInput key="action" source="action" label="Action" alwaysOn helperText={false} placeholder="ticket.updated or ticket." sx={{ minWidth: 200 }} />,
  <ReferenceInput key="actorId" source="actorId" reference={RESOURCES.users} alwaysOn>
    <AutocompleteInput label="Actor" optionText="name" sx={{ minWidth: 200 }} helperText={false} />
  </ReferenceInput>,
  <DateInput key="from" source="from" label="From" alwaysOn helperText={false} />,
  <DateInput key="to" source="to" label="To" alwaysOn helperText={false} />,
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants}>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: 200 }} helperText={false} />
  </ReferenceInput>,
  <TextInput key="targetId" source="targetId" label="Target id" helperText={false} sx={{ minWidth: 260 }} />,
  <TextInput key="correlationId" source="correlationId" label="Correlation id" helperText={false} sx={{ minWidth: 300 }} />,
];

const CATEGORIES: { label: string; action: string }[] = [
  { label: 'Tickets', action: 'ticket.' },
  { label: 'Memberships', action: 'membership.' },
  { label: 'Roles', action: 'role.' },
  { label: 'Feature flags', action: 'flag.' },
  { label: 'Sign-ins & sessions', action: 'auth.' },
  { label: 'Staff access', action: 'platform.access' },
];

/** One-click action families beside the list, on wide screens. */
export function AuditLogFilterSidebar() {
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 220, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', xl: 'block' } }}>
      <CardContent sx={{ pt: 1, '&:last-child': { pb: 1 } }}>
        <FilterList label="Activity" icon={<CategoryOutlined />}>
          {CATEGORIES.map((c) => (
            <FilterListItem key={c.action} label={c.label} value={{ action: c.action }} />
          ))}
        </FilterList>
      </CardContent>
    </Card>
  );
}
