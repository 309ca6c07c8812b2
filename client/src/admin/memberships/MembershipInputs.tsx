import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { RadioButtonGroupInput, required, useDataProvider, useRecordContext } from 'react-admin';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { MembershipRecord, RoleSummary } from '../providers/memberships.provider';
import { RESOURCES } from '../resource-names';

function RoleOption({ role }: { role: RoleSummary }) {
  return (
    <Box>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {role.name}
        {!role.system && (
          <Typography component="span" variant="caption" color="text.secondary">
            {' '}
            · custom
          </Typography>
        )}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'normal', maxWidth: 420 }}>
        {role.description ?? role.permissions.join(', ')}
      </Typography>
    </Box>
  );
}

/** The role choice: the roles of the member's tenant (see rolesOfTenant for how they are found). */
export function MembershipInputs() {
  const membership = useRecordContext<MembershipRecord>();
  const dataProvider = useDataProvider<AdminDataProvider>();
  const tenantId = membership?.tenantId;
  const { data: roles, isPending } = useQuery({
    queryKey: [RESOURCES.memberships, 'rolesOfTenant', tenantId],
    queryFn: () => dataProvider.rolesOfTenant(RESOURCES.memberships, { tenantId: tenantId ?? '' }).then((r) => r.data),
    enabled: Boolean(tenantId),
  });
  const choices = roles ?? (membership ? [membership.role] : []);
  return (
    <RadioButtonGroupInput
      source="roleId"
      label="Role"
      choices={choices}
      optionText={(role: RoleSummary) => <RoleOption role={role} />}
      isPending={isPending}
      validate={required()}
      row={false}
      helperText={`The roles of ${membership?.tenant.name ?? 'this tenant'}`}
      sx={{ '& .MuiFormControlLabel-root': { alignItems: 'flex-start', py: 0.5 }, '& .MuiRadio-root': { pt: 0.25 } }}
    />
  );
}
