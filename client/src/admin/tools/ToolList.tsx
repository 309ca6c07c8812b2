import Add from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { DataTable, List, SearchInput, SelectArrayInput, useCanAccess, useCreatePath } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { ListLoadError } from '../integrations/IntegrationUi';
import type { ToolRecord } from '../providers/tools.provider';
import { RESOURCES } from '../resource-names';
import { mono } from '../ui/DetailList';
import { formatRelative } from '../ui/format';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
import { TOOL_STATUS_META, ToolStatusChip } from './toolUi';

const toolFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search key, name, description" sx={{ minWidth: { xs: 0, sm: 260 } }} />,
  <SelectArrayInput
    key="status"
    source="status"
    label="Status"
    choices={(['ACTIVE', 'BETA', 'RETIRED'] as const).map((id) => ({ id, name: TOOL_STATUS_META[id].label }))}
    alwaysOn
    helperText={false}
    sx={{ minWidth: { xs: 0, sm: 160 } }}
  />,
];

function NewToolButton() {
  const { canAccess } = useCanAccess({ resource: RESOURCES.tools, action: 'create' });
  const createPath = useCreatePath();
  if (!canAccess) return null;
  return (
    <Button component={RouterLink} to={createPath({ resource: RESOURCES.tools, type: 'create' })} variant="contained" startIcon={<Add />}>
      New tool
    </Button>
  );
}

function ToolCard({ tool }: { tool: ToolRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography sx={{ fontWeight: 600 }}>{tool.name}</Typography>
      <Typography variant="body2" sx={{ ...mono, color: 'text.secondary' }} noWrap>
        {tool.key}
      </Typography>
      <Box sx={{ display: 'flex', gap: 0.75, mt: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <ToolStatusChip status={tool.status} />
        <Typography variant="caption" color="text.secondary">
          {tool.category}
        </Typography>
      </Box>
    </Box>
  );
}

/** The global tools catalog: every tool with its status; staff with platform:tool:manage add and edit tools. */
export function ToolList() {
  return (
    <>
      <AdminPageHeading title="Tools" subtitle="The catalog tenants run tools from, when entitled to them." actions={<NewToolButton />} />
      <List sort={{ field: 'key', order: 'ASC' }} perPage={25} filters={toolFilters} exporter={false} title="Tools" actions={false} empty={false} error={<ListLoadError />} sx={PHONE_SAFE_LIST_SX}>
        <ResponsiveRows<ToolRecord>
          empty="No tools match these filters."
          card={(t) => <ToolCard tool={t} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary" sx={{ p: 3 }}>No tools match these filters.</Typography>}>
              <DataTable.Col
                source="key"
                label="Tool"
                render={(t: ToolRecord) => (
                  <Box sx={{ maxWidth: 420 }}>
                    <RowLink id={t.id}>{t.name}</RowLink>
                    <Typography variant="caption" component="div" sx={{ ...mono, color: 'text.secondary' }}>
                      {t.key}
                    </Typography>
                  </Box>
                )}
              />
              <DataTable.Col source="category" label="Category" disableSort />
              <DataTable.Col source="status" label="Status" disableSort render={(t: ToolRecord) => <ToolStatusChip status={t.status} />} />
              <DataTable.Col
                source="createdAt"
                label="Added"
                sortByOrder="DESC"
                render={(t: ToolRecord) => (
                  <Typography variant="body2" color="text.secondary">
                    {formatRelative(t.createdAt)}
                  </Typography>
                )}
              />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
