import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { NotificationKind } from '../../../../gql/graphql';
import { messageOf } from '../../../../shared/errors';
import { NOTIFICATION_KIND_LABEL } from '../../../../shared/notifications';
import { NOTIFICATION_PREFERENCES_QUERY, UPDATE_NOTIFICATION_PREFERENCE_MUTATION } from '../../../../shared/notifications/notifications.graphql';
import { ErrorState } from '../../../../shared/ui/StateViews';

/** Per kind of notification: in the app (the bell) and by mail (batched: at most one mail a minute). */
export function NotificationPreferencesSection() {
  const prefs = useQuery(NOTIFICATION_PREFERENCES_QUERY, { fetchPolicy: 'cache-and-network' });
  const [update, updating] = useMutation(UPDATE_NOTIFICATION_PREFERENCE_MUTATION);
  const [error, setError] = useState<string | null>(null);
  const rows = prefs.data?.notificationPreferences ?? [];

  const onChange = async (kind: NotificationKind, channel: 'inApp' | 'email', value: boolean) => {
    const current = rows.find((r) => r.kind === kind);
    if (!current) return;
    setError(null);
    const input = { kind, inApp: current.inApp, email: current.email, [channel]: value };
    try {
      await update({
        variables: { input },
        update(cache, { data }) {
          if (!data) return;
          cache.updateQuery({ query: NOTIFICATION_PREFERENCES_QUERY }, (old) =>
            old ? { notificationPreferences: old.notificationPreferences.map((p) => (p.kind === kind ? data.updateNotificationPreference : p)) } : old,
          );
        },
      });
    } catch (err) {
      setError(`Your choice was not saved. ${messageOf(err instanceof Error ? err : null)}`);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, borderRadius: 3 }} component="section" aria-labelledby="notification-preferences-heading">
      <Typography id="notification-preferences-heading" variant="h4">
        Notifications
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        How you hear about what concerns you. Mail is batched: several notifications close together arrive as one mail.
      </Typography>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {prefs.error && !prefs.data ? (
        <ErrorState message={messageOf(prefs.error)} onRetry={() => void prefs.refetch()} />
      ) : !prefs.data ? (
        <Box aria-busy="true">
          <Skeleton height={40} />
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Box>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Notification preferences">
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                <TableCell align="center">In the app</TableCell>
                <TableCell align="center">By mail</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((p) => (
                <TableRow key={p.kind}>
                  <TableCell sx={{ minWidth: 160 }}>{NOTIFICATION_KIND_LABEL[p.kind]}</TableCell>
                  <TableCell align="center">
                    <Switch
                      checked={p.inApp}
                      disabled={updating.loading}
                      onChange={(e) => void onChange(p.kind, 'inApp', e.target.checked)}
                      slotProps={{ input: { 'aria-label': `In the app: ${NOTIFICATION_KIND_LABEL[p.kind]}` } }}
                    />
                  </TableCell>
                  <TableCell align="center">
                    <Switch
                      checked={p.email}
                      disabled={updating.loading}
                      onChange={(e) => void onChange(p.kind, 'email', e.target.checked)}
                      slotProps={{ input: { 'aria-label': `By mail: ${NOTIFICATION_KIND_LABEL[p.kind]}` } }}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}
