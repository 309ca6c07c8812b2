import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { CreateButton, DataTable, List, TopToolbar, useCanAccess } from 'react-admin';
import type { FeatureFlagRecord } from '../providers/featureFlags.provider';
import { RESOURCES } from '../resource-names';
import { mono } from '../ui/DetailList';
import { formatRelative } from '../ui/format';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
import { FlagState } from './FlagState';

function Overrides({ flag }: { flag: FeatureFlagRecord }) {
  if (!flag.overrides.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        None
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
      {flag.overrides.map((o) => (
        <Box key={o.tenantId} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, px: 1, py: 0.25, border: '1px solid', borderColor: 'divider', borderRadius: 5, fontSize: '0.78rem' }}>
          <strong>{o.tenant?.name ?? o.tenantId}</strong>
          <Box component="span" sx={{ color: o.enabled ? 'success.main' : 'text.secondary', fontWeight: 700 }}>
            {o.enabled ? 'on' : 'off'}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** The overrides in one line of text: "Acme on, Globex off". */
function overridesLine(flag: FeatureFlagRecord): string {
  if (!flag.overrides.length) return 'No tenant overrides';
  return flag.overrides.map((o) => `${o.tenant?.name ?? o.tenantId} ${o.enabled ? 'on' : 'off'}`).join(', ');
}

function FeatureFlagCard({ flag }: { flag: FeatureFlagRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography sx={{ ...mono, fontWeight: 700, color: 'text.primary', minWidth: 0, overflowWrap: 'anywhere' }}>{flag.key}</Typography>
        <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'center', flexShrink: 0 }}>
          <Typography variant="caption" color="text.secondary" component="span">
            Default
          </Typography>
          <FlagState enabled={flag.defaultEnabled} />
        </Box>
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {flag.description || 'No description'}
      </Typography>
      <Typography variant="body2" color="text.secondary" noWrap>
        {overridesLine(flag)} · changed {formatRelative(flag.updatedAt)}
      </Typography>
    </Box>
  );
}

/** Every flag with its global default and tenant overrides; oldest first (the API has no filters or sorting for flags). */
export function FeatureFlagList() {
  const { canAccess: canEdit } = useCanAccess({ resource: RESOURCES.featureFlags, action: 'edit' });
  return (
    <>
      <AdminPageHeading title="Feature flags" subtitle="What is switched on for everyone, and the tenants that differ." />
      <List
        sort={{ field: 'createdAt', order: 'ASC' }}
        perPage={25}
        exporter={false}
        title="Feature flags"
        actions={
          <TopToolbar>
            {canEdit ? <CreateButton label="New flag" variant="contained" /> : <Chip icon={<LockOutlined />} label="View only for your role" size="small" variant="outlined" />}
          </TopToolbar>
        }
        sx={PHONE_SAFE_LIST_SX}
      >
        <ResponsiveRows<FeatureFlagRecord>
          empty="No feature flags yet."
          card={(f) => <FeatureFlagCard flag={f} />}
          table={
            <DataTable rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false}>
              <DataTable.Col
                source="key"
                label="Flag"
                disableSort
                render={(f: FeatureFlagRecord) => (
                  <Box sx={{ maxWidth: 420 }}>
                    <Typography sx={{ ...mono, fontWeight: 700, color: 'text.primary' }}>
                      <RowLink id={f.id}>{f.key}</RowLink>
                    </Typography>
                    <Typography variant="caption" color="text.secondary" component="div">
                      {f.description || 'No description'}
                    </Typography>
                  </Box>
                )}
              />
              <DataTable.Col source="defaultEnabled" label="Default" disableSort render={(f: FeatureFlagRecord) => <FlagState enabled={f.defaultEnabled} />} />
              <DataTable.Col source="overrides" label="Tenant overrides" disableSort render={(f: FeatureFlagRecord) => <Overrides flag={f} />} />
              <DataTable.Col
                source="updatedAt"
                label="Changed"
                disableSort
                render={(f: FeatureFlagRecord) => (
                  <Typography variant="body2" color="text.secondary">
                    {formatRelative(f.updatedAt)}
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
