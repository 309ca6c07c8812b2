import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { AuditLogRecord } from '../providers/auditLogs.provider';
import { RESOURCES } from '../resource-names';
import { CorrelationLink } from '../ui/CorrelationLink';
import { StaffRoleChip } from '../ui/chips';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { formatDateTime, humanizeAction } from '../ui/format';
import { PersonCell } from '../ui/People';
import { useFilteredListPath } from '../ui/RecordLink';
import { TenantBadge } from '../ui/TenantBadge';
import { ActionChip } from './ActionChip';
import { displayValue, summarizeDiff } from './changes';
import { TargetCell } from './TargetCell';

function AuditLogTitle() {
  const entry = useRecordContext<AuditLogRecord>();
  return <span>{entry ? `${humanizeAction(entry.action)} · ${formatDateTime(entry.createdAt)}` : 'Audit entry'}</span>;
}

function ChangesCard({ entry }: { entry: AuditLogRecord }) {
  const { changes, details } = summarizeDiff(entry.diff);
  const detailKeys = Object.keys(details);
  return (
    <Card>
      <CardContent>
        <SectionTitle count={changes.length}>Changes</SectionTitle>
        {changes.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            This entry records an event, not a change of values.
          </Typography>
        ) : (
          <Table size="small" aria-label="Changes">
            <TableHead>
              <TableRow>
                <TableCell>Field</TableCell>
                <TableCell>Before</TableCell>
                <TableCell>After</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changes.map((c) => (
                <TableRow key={c.field}>
                  <TableCell sx={{ fontWeight: 600 }}>{c.field}</TableCell>
                  <TableCell sx={{ ...mono, color: '#b91c1c', bgcolor: '#fef2f2', wordBreak: 'break-all' }}>{displayValue(c.before)}</TableCell>
                  <TableCell sx={{ ...mono, color: '#15803d', bgcolor: '#f0fdf4', wordBreak: 'break-all' }}>{displayValue(c.after)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {detailKeys.length > 0 && (
          <Box sx={{ mt: 3 }}>
            <Typography variant="subtitle2" gutterBottom>
              Details
            </Typography>
            <Box component="pre" sx={{ ...mono, m: 0, p: 1.5, bgcolor: '#f8fafc', border: '1px solid', borderColor: 'divider', borderRadius: 2, overflowX: 'auto', whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(details, null, 2)}
            </Box>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

function AuditLogShowLayout() {
  const entry = useRecordContext<AuditLogRecord>();
  const listPath = useFilteredListPath();
  if (!entry) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent>
              <Typography variant="overline" color="text.secondary">
                Audit entry
              </Typography>
              <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1 }}>
                <Typography variant="h2" component="h1">
                  {humanizeAction(entry.action)}
                </Typography>
                <ActionChip action={entry.action} />
              </Stack>
              <Typography color="text.secondary">{formatDateTime(entry.createdAt)}</Typography>
            </CardContent>
          </Card>
          <ChangesCard entry={entry} />
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Card>
          <CardContent>
            <SectionTitle>Context</SectionTitle>
            <DetailList
              items={[
                {
                  label: 'Actor',
                  value: (
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <PersonCell person={entry.actor} showEmail nobody="System" />
                      {entry.actor?.staffRole && <StaffRoleChip role={entry.actor.staffRole} />}
                    </Stack>
                  ),
                },
                { label: 'Tenant', value: <TenantBadge tenant={entry.tenant} /> },
                { label: 'Target', value: <TargetCell entry={entry} full /> },
                { label: 'IP address', value: <Box component="span" sx={mono}>{entry.ip ?? '—'}</Box> },
                {
                  label: 'Request id',
                  value: entry.correlationId ? (
                    <Stack spacing={0.25}>
                      <CorrelationLink id={entry.correlationId} />
                      <Link component={RouterLink} to={listPath(RESOURCES.auditLogs, { correlationId: entry.correlationId })} variant="caption" title="Every audit entry of this request">
                        Audit entries of this request
                      </Link>
                    </Stack>
                  ) : (
                    '—'
                  ),
                },
                { label: 'Entry id', value: <Box component="span" sx={{ ...mono, wordBreak: 'break-all', color: 'text.secondary' }}>{entry.id}</Box> },
              ]}
            />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}

export function AuditLogShow() {
  return (
    <Show
      title={<AuditLogTitle />}
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="Audit log" />
        </TopToolbar>
      }
    >
      <AuditLogShowLayout />
    </Show>
  );
}
