import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { FormDialog, submitForm } from '../../../../shared/ui/FormDialog';
import { useSession } from '../../../../shared/session';
import { useCreateApiKey } from '../hooks/useApiKeys';
import { keyablePermissions } from '../../../../shared/permissions/permissions';
import { PermissionPicker } from '../../../../shared/permissions/PermissionPicker';

type Errors = { name?: string; permissions?: string; expiresAt?: string };

/** "2027-03-01" (a date input's value) → the end of that day, local time, as ISO. */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Creates a key: a name, permissions picked from the caller's own, an optional expiry date. A
 * refusal keeps everything typed and shows the server's reason on its field.
 */
export function CreateApiKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (created: { name: string; secret: string }) => void }) {
  const session = useSession();
  const [create, { loading }] = useCreateApiKey();
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [expiry, setExpiry] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const available = keyablePermissions(session.me?.permissions ?? []);

  const close = () => {
    setErrors({});
    setError(null);
    onClose();
  };

  const onSubmit = async () => {
    const value = name.trim();
    const found: Errors = {};
    if (!value) found.name = 'Name the key after what uses it, e.g. “ERP sync”.';
    else if (value.length > 100) found.name = 'At most 100 characters.';
    if (!permissions.length) found.permissions = 'Choose at least one permission.';
    if (expiry && expiry < today()) found.expiresAt = 'Choose a date from today on, or none.';
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return;
    const created = await submitForm(
      ['name', 'permissions', 'expiresAt'] as const,
      async () => (await create({ variables: { input: { name: value, permissions, expiresAt: expiry ? endOfDay(expiry) : null } } })).data?.createApiKey,
      setErrors,
      setError,
    );
    if (!created) return;
    setName('');
    setPermissions([]);
    setExpiry('');
    onCreated({ name: created.apiKey.name, secret: created.secret });
  };

  return (
    <FormDialog open={open} onClose={close} title="Create an API key" maxWidth="md" error={error} busy={loading} submitLabel="Create key" busyLabel="Creating…" onSubmit={onSubmit}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Name"
          name="name"
          autoFocus
          fullWidth
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={Boolean(errors.name)}
          helperText={errors.name ?? 'What uses it, so you can tell keys apart.'}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <TextField
          label="Expires on (optional)"
          name="expiresAt"
          type="date"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
          error={Boolean(errors.expiresAt)}
          helperText={errors.expiresAt ?? 'Empty: it works until revoked.'}
          sx={{ minWidth: 220 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today() } }}
        />
      </Stack>
      <PermissionPicker available={available} value={permissions} onChange={setPermissions} error={errors.permissions} />
    </FormDialog>
  );
}
