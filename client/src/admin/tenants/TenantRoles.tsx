import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useDataProvider } from 'react-admin';
import { PermissionPicker } from '../../shared/permissions/PermissionPicker';
import { actionOf, groupPermissions } from '../../shared/permissions/permissions';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { RoleSummary } from '../providers/memberships.provider';
import { RESOURCES } from '../resource-names';
import { SoftChip } from '../ui/chips';
import { ConfirmButton } from '../ui/ConfirmButton';
import { FormDialog } from '../ui/FormDialog';
import { SectionError, SectionLoading } from '../ui/SectionState';

/** The server's rule for role names (CreateRoleInput.name). */
const ROLE_NAME = /^[a-z][a-z0-9-]{1,63}$/;
const PICKER_HELP = 'Staff may give a tenant role any tenant permission; the change is audited. Give a role no more than its holders need.';

/** "Tickets: read, write · Members: read": a role's permissions, by area. */
function PermissionSummary({ permissions }: { permissions: readonly string[] }) {
  if (permissions.length === 0) return <Typography variant="body2" color="text.secondary">No permissions</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {groupPermissions([...permissions].sort()).map((g) => (
        <Typography key={g.key} component="li" variant="body2">
          <Box component="span" sx={{ fontWeight: 600 }}>
            {g.label}:
          </Box>{' '}
          {g.permissions.map(actionOf).join(', ')}
        </Typography>
      ))}
    </Box>
  );
}

/** The dialog that makes a role (no `role`) or changes one: name (new roles only), description, permissions. */
function RoleDialog({ tenantId, role, catalog, open, onClose, onDone }: { tenantId: string; role?: RoleSummary; catalog: readonly string[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [permissions, setPermissions] = useState<string[]>(role?.permissions ?? []);
  const nameProblem = role || name === '' || ROLE_NAME.test(name) ? null : 'Lowercase letters, digits and "-", starting with a letter (2 to 64 characters).';
  const ready = (role !== undefined || ROLE_NAME.test(name)) && permissions.length > 0;
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      onDone={onDone}
      title={role ? `Edit the role ${role.name}` : 'New role'}
      submitLabel={role ? 'Save role' : 'Create role'}
      canSubmit={ready}
      action={async () => {
        const text = description.trim() || null;
        if (role) {
          await dataProvider.updateRole(RESOURCES.tenants, { id: role.id, description: text, permissions });
          return `Role ${role.name} saved.`;
        }
        const { data } = await dataProvider.createRole(RESOURCES.tenants, { tenantId, name, description: text, permissions });
        return `Role ${data.name} created.`;
      }}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          disabled={role !== undefined}
          required
          error={nameProblem !== null}
          helperText={role ? 'A role keeps its name.' : (nameProblem ?? 'For example "billing-agent". Unique in the tenant.')}
          slotProps={{ htmlInput: { maxLength: 64, autoComplete: 'off' } }}
        />
        <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 500 } }} />
        <PermissionPicker available={catalog} value={permissions} onChange={setPermissions} help={PICKER_HELP} error={permissions.length === 0 ? 'Choose at least one permission.' : undefined} />
      </Stack>
    </FormDialog>
  );
}

/**
 * A tenant's roles: the system roles (owner, admin, agent, member, viewer) as they are, and its
 * custom roles, which staff with platform:role:manage create, change and delete (each audited;
 * a role members still hold cannot be deleted, the server says so).
 */
export function TenantRoles({ tenant }: { tenant: { id: string; name: string } }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const queryClient = useQueryClient();
  const { canAccess: canManage } = useCanAccess({ resource: RESOURCES.tenants, action: 'manageRoles' });
  const queryKey = [RESOURCES.tenants, 'rolesOfTenant', tenant.id];
  const roles = useQuery({ queryKey, queryFn: () => dataProvider.rolesOfTenant(RESOURCES.tenants, { tenantId: tenant.id }) });
  const catalog = useQuery({
    queryKey: [RESOURCES.tenants, 'tenantPermissions'],
    queryFn: ({ signal }) => dataProvider.tenantPermissions(RESOURCES.tenants, { signal }),
    enabled: Boolean(canManage),
    staleTime: Infinity,
  });
  const [editing, setEditing] = useState<RoleSummary | 'new' | null>(null);
  const reload = () => void queryClient.invalidateQueries({ queryKey });

  if (roles.isPending) return <SectionLoading label="roles" />;
  if (roles.error) return <SectionError error={roles.error} onRetry={() => void roles.refetch()} />;
  const list = [...roles.data.data].sort((a, b) => Number(b.system) - Number(a.system) || a.name.localeCompare(b.name));
  const canEdit = Boolean(canManage) && catalog.isSuccess;
  return (
    <Box>
      {canManage && (
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 1, mb: 1 }}>
          {catalog.isError && (
            <Typography variant="body2" color="error">
              The permission list could not be loaded.{' '}
              <Button size="small" onClick={() => void catalog.refetch()}>
                Retry
              </Button>
            </Typography>
          )}
          <Button size="small" variant="outlined" disabled={!canEdit} onClick={() => setEditing('new')}>
            New role
          </Button>
        </Box>
      )}
      <Box component="ul" aria-label={`Roles of ${tenant.name}`} sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, alignItems: 'start' }}>
        {list.map((role) => (
          <Box component="li" key={role.id} aria-label={`Role ${role.name}`} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 1.5 }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Typography sx={{ fontWeight: 600 }}>{role.name}</Typography>
              <SoftChip label={role.system ? 'System' : 'Custom'} colour={role.system ? '#64748b' : '#4338ca'} />
              <Box sx={{ flex: 1 }} />
              {canEdit && !role.system && (
                <Stack direction="row" spacing={1}>
                  <Button size="small" onClick={() => setEditing(role)} aria-label={`Edit the role ${role.name}`}>
                    Edit
                  </Button>
                  <ConfirmButton
                    label="Delete"
                    size="small"
                    color="error"
                    aria-label={`Delete the role ${role.name}`}
                    title={`Delete the role ${role.name}?`}
                    content={`The role is removed from ${tenant.name}. A role that members still hold cannot be deleted: give them another role first.`}
                    confirmLabel="Delete role"
                    action={async () => {
                      await dataProvider.deleteRole(RESOURCES.tenants, { id: role.id });
                      return `Role ${role.name} deleted.`;
                    }}
                    onDone={reload}
                  />
                </Stack>
              )}
            </Box>
            {role.description && (
              <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
                {role.description}
              </Typography>
            )}
            <PermissionSummary permissions={role.permissions} />
          </Box>
        ))}
      </Box>
      {editing !== null && catalog.data && (
        <RoleDialog
          key={editing === 'new' ? 'new' : editing.id}
          tenantId={tenant.id}
          role={editing === 'new' ? undefined : editing}
          catalog={catalog.data.data}
          open
          onClose={() => setEditing(null)}
          onDone={reload}
        />
      )}
    </Box>
  );
}
