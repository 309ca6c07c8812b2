import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, messageOf } from '../../../../shared/errors';
import { useInviteMember, useTeamRoles } from '../hooks/useTeam';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The role a new colleague most likely needs: "member" when the tenant has it. */
function defaultRoleId(roles: readonly { id: string; name: string }[]): string {
  return (roles.find((r) => r.name === 'member') ?? roles[0])?.id ?? '';
}

/**
 * Invites a colleague by email with a role of this tenant. The dialog keeps what was typed when
 * the server refuses (a member already, a role above the inviter's), with its reason.
 */
export function InviteMemberDialog({ open, onClose, onInvited }: { open: boolean; onClose: () => void; onInvited: (email: string) => void }) {
  const roles = useTeamRoles(!open);
  const [invite, { loading }] = useInviteMember();
  const [email, setEmail] = useState('');
  const [roleId, setRoleId] = useState('');
  const [errors, setErrors] = useState<{ email?: string; roleId?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const roleList = roles.data?.roles.nodes ?? [];
  const chosenRole = roleId || defaultRoleId(roleList);

  const close = () => {
    if (loading) return;
    setError(null);
    setErrors({});
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const value = email.trim();
    const found: { email?: string; roleId?: string } = {};
    if (!value) found.email = 'Enter their work email address.';
    else if (!EMAIL.test(value)) found.email = 'That does not look like an email address.';
    if (!chosenRole) found.roleId = 'Choose a role.';
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return;
    try {
      await invite({ variables: { input: { email: value, roleId: chosenRole } } });
    } catch (err) {
      const e = err instanceof Error ? err : null;
      const fields = fieldErrorsOf(e);
      setErrors({ email: fields.email, roleId: fields.roleId });
      setError(messageOf(e));
      return;
    }
    setEmail('');
    setRoleId('');
    onInvited(value);
  };

  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby="invite-title">
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <DialogTitle id="invite-title">Invite a colleague</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {roles.error && !roles.data && (
              <Alert severity="error" action={<Button onClick={() => void roles.refetch()}>Retry</Button>}>
                The roles could not be loaded: {messageOf(roles.error)}
              </Alert>
            )}
            <TextField
              label="Email"
              type="email"
              name="email"
              autoFocus
              fullWidth
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={Boolean(errors.email)}
              helperText={errors.email ?? 'We email them a link to join. It works for 7 days.'}
            />
            <TextField
              select
              label="Role"
              name="role"
              fullWidth
              value={roleList.length ? chosenRole : ''}
              onChange={(e) => setRoleId(e.target.value)}
              disabled={!roleList.length}
              error={Boolean(errors.roleId)}
              helperText={errors.roleId ?? (roles.loading && !roles.data ? 'Loading roles…' : 'What they may do once they join.')}
              slotProps={{ select: { renderValue: (id) => roleList.find((r) => r.id === id)?.name ?? '' } }}
            >
              {roleList.map((r) => (
                <MenuItem key={r.id} value={r.id}>
                  <ListItemText primary={r.name} secondary={r.description} slotProps={{ primary: { sx: { textTransform: 'capitalize' } } }} />
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close} disabled={loading} color="inherit">
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={loading || !roleList.length}>
            {loading ? 'Sending…' : 'Send invitation'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
