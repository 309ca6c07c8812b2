import Add from '@mui/icons-material/Add';
import Key from '@mui/icons-material/KeyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { ApiKeyStatus } from '../../../../gql/graphql';
import { messageOf } from '../../../../shared/errors';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { type Column, DataTable } from '../../../../shared/ui/DataTable';
import { useListParams } from '../../../../shared/ui/useListParams';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { urls } from '../../../urls';
import { useApiKeys, useRevokeApiKey } from '../hooks/useApiKeys';
import { MONO } from './CopyableText';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { SecretDialog, type ShownSecret } from './SecretDialog';
import { StatusChip } from './StatusChip';

type SortField = 'created';
const SORT_FIELDS: readonly SortField[] = ['created'];
const DEFAULT_SORT = { field: 'created', direction: 'desc' } as const;
const NO_FILTERS: readonly never[] = [];

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  status: ApiKeyStatus;
  createdAt: string;
  lastUsedAt?: string | null;
  expiresAt?: string | null;
  revokedAt?: string | null;
  createdBy?: { id: string; name: string } | null;
}

const STATUS: Record<ApiKeyStatus, { label: string; tone: 'green' | 'amber' | 'grey' }> = {
  ACTIVE: { label: 'Active', tone: 'green' },
  EXPIRED: { label: 'Expired', tone: 'amber' },
  REVOKED: { label: 'Revoked', tone: 'grey' },
};

/** When something happened, relative, with the exact time on hover; "—" for never. */
function When({ iso, never = '—' }: { iso?: string | null; never?: string }) {
  if (!iso) return <Typography component="span" color="text.secondary">{never}</Typography>;
  return (
    <Tooltip title={formatDateTime(iso)}>
      <span>{timeAgo(iso)}</span>
    </Tooltip>
  );
}

/** The tenant's API keys: list, create (the secret shown once) and revoke. */
export function ApiKeysSection() {
  const params = useListParams<SortField, never>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: NO_FILTERS });
  const keys = useApiKeys(params.page);
  const [revoke, revoking] = useRevokeApiKey();
  const [createOpen, setCreateOpen] = useState(false);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [toRevoke, setToRevoke] = useState<KeyRow | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const columns = useMemo<Column<KeyRow, SortField>[]>(
    () => [
      {
        id: 'name',
        header: 'Key',
        render: (k) => (
          <Box>
            <Typography sx={{ fontWeight: 600 }}>{k.name}</Typography>
            <Typography component="code" sx={{ fontFamily: MONO, fontSize: '0.78rem', color: 'text.secondary' }}>
              {k.prefix}…
            </Typography>
          </Box>
        ),
      },
      {
        id: 'permissions',
        header: 'Permissions',
        render: (k) => (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, maxWidth: 340 }} aria-label={`Permissions of ${k.name}`}>
            {k.permissions.map((p) => (
              <Chip key={p} size="small" label={p} variant="outlined" sx={{ fontFamily: MONO, fontSize: '0.72rem' }} />
            ))}
          </Box>
        ),
      },
      {
        id: 'created',
        header: 'Created',
        hideBelow: 'md',
        render: (k) => (
          <Box>
            <When iso={k.createdAt} />
            <Typography variant="body2" color="text.secondary">
              by {k.createdBy?.name ?? 'a deleted account'}
            </Typography>
          </Box>
        ),
      },
      { id: 'lastUsed', header: 'Last used', hideBelow: 'md', render: (k) => <When iso={k.lastUsedAt} never="Never" /> },
      { id: 'expires', header: 'Expires', hideBelow: 'lg', render: (k) => (k.expiresAt ? <When iso={k.expiresAt} /> : <Typography component="span" color="text.secondary">Never</Typography>) },
      {
        id: 'status',
        header: 'Status',
        render: (k) => (
          <Tooltip title={k.revokedAt ? `Revoked ${formatDateTime(k.revokedAt)}` : ''}>
            <span>
              <StatusChip label={STATUS[k.status].label} tone={STATUS[k.status].tone} />
            </span>
          </Tooltip>
        ),
      },
      {
        id: 'actions',
        header: '',
        align: 'right',
        render: (k) =>
          k.status === 'REVOKED' ? null : (
            <Button
              size="small"
              color="error"
              variant="outlined"
              aria-label={`Revoke ${k.name}`}
              onClick={() => {
                setRevokeError(null);
                setToRevoke(k);
              }}
            >
              Revoke
            </Button>
          ),
      },
    ],
    [],
  );

  const onRevoke = async () => {
    if (!toRevoke) return;
    setRevokeError(null);
    try {
      await revoke({ variables: { id: toRevoke.id } });
      setNotice(`${toRevoke.name} was revoked: requests with it are refused from now on.`);
      setToRevoke(null);
    } catch (err) {
      setRevokeError(messageOf(err instanceof Error ? err : null));
    }
  };

  return (
    <Stack spacing={2} component="section" aria-labelledby="keys-heading">
      <Box sx={{ display: 'flex', alignItems: { sm: 'center' }, gap: 2, flexDirection: { xs: 'column', sm: 'row' } }}>
        <Box sx={{ flex: 1 }}>
          <Typography id="keys-heading" variant="h4">
            API keys
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Long-lived keys for your own systems and partners, each with the permissions it needs. See the <RouterLink to={urls.developers('docs')}>documentation</RouterLink> for how to call the API with one.
          </Typography>
        </Box>
        <Button variant="contained" startIcon={<Add />} onClick={() => setCreateOpen(true)}>
          Create API key
        </Button>
      </Box>
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <DataTable<KeyRow, SortField>
        label="API keys"
        columns={columns}
        rows={keys.data?.apiKeys.nodes}
        rowKey={(k) => k.id}
        loading={keys.loading}
        error={keys.error}
        onRetry={() => void keys.refetch()}
        params={params}
        pageInfo={keys.data?.apiKeys.pageInfo}
        totalCount={keys.data?.apiKeys.totalCount}
        skeletonRows={3}
        empty={{
          title: 'No API keys yet',
          description:
            'An API key lets a program — your ERP, a partner’s integration, a script — call the Atrium API for your organisation without a person signing in. Each key gets only the permissions you choose, and you can revoke it at any time.',
          action: (
            <Button variant="contained" startIcon={<Key />} onClick={() => setCreateOpen(true)}>
              Create your first key
            </Button>
          ),
        }}
      />
      <CreateApiKeyDialog
        open={createOpen}
        onClose={() => setCreateOpen(false)}
        onCreated={({ name, secret }) => {
          setCreateOpen(false);
          setShown({
            title: `Your new API key: ${name}`,
            label: 'API key secret',
            secret,
            intro: 'Send it as “Authorization: Bearer <secret>” with each request. It acts for you, in this organisation, with the permissions you chose.',
          });
        }}
      />
      <SecretDialog shown={shown} onClose={() => setShown(null)} />
      <ConfirmDialog
        open={toRevoke !== null}
        title={`Revoke ${toRevoke?.name ?? 'this key'}?`}
        confirmLabel="Revoke key"
        pendingLabel="Revoking…"
        destructive
        pending={revoking.loading}
        error={revokeError}
        onConfirm={() => void onRevoke()}
        onClose={() => setToRevoke(null)}
      >
        Every request with <strong>{toRevoke?.prefix}…</strong> is refused from now on. This cannot be undone: whatever uses it needs a new key.
      </ConfirmDialog>
    </Stack>
  );
}
