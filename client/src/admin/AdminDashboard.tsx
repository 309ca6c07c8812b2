import ArrowForward from '@mui/icons-material/ArrowForward';
import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import PriorityHigh from '@mui/icons-material/PriorityHigh';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactElement } from 'react';
import { Title, useCanAccess, useGetIdentity, useGetList, usePermissions } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { ActionChip } from './auditLogs/ActionChip';
import { changeLine } from './auditLogs/changes';
import type { AuditLogRecord } from './providers/auditLogs.provider';
import { RESOURCES } from './resource-names';
import type { TicketRecord } from './providers/tickets.provider';
import { PriorityChip, STAFF_ROLE_LABEL, StatusChip } from './ui/chips';
import { formatDateTime, formatRelative } from './ui/format';
import { PersonAvatar, PersonCell } from './ui/People';
import { AdminPageHeading } from './ui/ResponsiveList';
import { RecordLink, useFilteredListPath } from './ui/RecordLink';

const ACTIVE = ['OPEN', 'PENDING'];

/** The number of rows a filter matches: a one-row page, reading only totalCount. */
function useCount(resource: string, filter: Record<string, unknown>, enabled: boolean): number | undefined {
  const { total } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter, sort: { field: 'createdAt', order: 'DESC' } }, { enabled });
  return total;
}

function Kpi({ label, value, icon, colour, to, hint }: { label: string; value: number | undefined; icon: ReactElement; colour: string; to: string; hint: string }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }}>
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
          <Box sx={{ width: 42, height: 42, borderRadius: 2.5, display: 'grid', placeItems: 'center', bgcolor: `${colour}14`, color: colour, flexShrink: 0 }}>{icon}</Box>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
              {label}
            </Typography>
            <Typography sx={{ fontSize: '1.9rem', fontWeight: 750, letterSpacing: '-0.02em', lineHeight: 1.2 }} aria-label={`${label}: ${value ?? 'loading'}`}>
              {value ?? <Skeleton width={48} />}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {hint}
            </Typography>
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** Urgent and high-priority tickets nobody has picked up yet, most urgent first. */
function NeedsAttention() {
  const listPath = useFilteredListPath();
  const filter = { status: ACTIVE, priority: ['URGENT', 'HIGH'], unassigned: true };
  const { data, total, isPending } = useGetList<TicketRecord>(RESOURCES.tickets, { pagination: { page: 1, perPage: 6 }, filter, sort: { field: 'priority', order: 'DESC' } });
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Box>
            <Typography variant="h4" component="h2">
              Needs attention
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Urgent and high-priority tickets with no assignee
            </Typography>
          </Box>
          <Button component={RouterLink} to={listPath(RESOURCES.tickets, filter)} endIcon={<ArrowForward />} size="small">
            {total !== undefined ? `All ${total}` : 'All'}
          </Button>
        </Box>
        {isPending ? (
          <Stack spacing={1}>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={44} />
            ))}
          </Stack>
        ) : !data?.length ? (
          <Typography color="text.secondary" sx={{ py: 3, textAlign: 'center' }}>
            Nothing waiting. Every urgent ticket has an owner.
          </Typography>
        ) : (
          <Stack divider={<Box sx={{ borderTop: '1px solid', borderColor: 'divider' }} />}>
            {data.map((t) => (
              <Box key={t.id} sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto auto', gap: 1.5, alignItems: 'center', py: 1.25 }}>
                <Box sx={{ minWidth: 0 }}>
                  <Typography variant="body2" noWrap>
                    <RecordLink resource={RESOURCES.tickets} id={t.id}>
                      {t.subject}
                    </RecordLink>
                  </Typography>
                  <Typography variant="caption" color="text.secondary" component="div" noWrap>
                    #{t.number} · {t.tenant.name} · opened {formatRelative(t.createdAt)}
                  </Typography>
                </Box>
                <PriorityChip priority={t.priority} />
                <StatusChip status={t.status} />
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

/** Recent changes across the platform (staff reads left out: they have their own filter in the log). */
function RecentChanges() {
  const listPath = useFilteredListPath();
  const { data, isPending } = useGetList<AuditLogRecord>(RESOURCES.auditLogs, { pagination: { page: 1, perPage: 40 }, filter: {}, sort: { field: 'createdAt', order: 'DESC' } });
  const changes = (data ?? []).filter((e) => e.action !== 'platform.access').slice(0, 7);
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h4" component="h2">
            Recent changes
          </Typography>
          <Button component={RouterLink} to={listPath(RESOURCES.auditLogs, {})} endIcon={<ArrowForward />} size="small">
            Audit log
          </Button>
        </Box>
        {isPending ? (
          <Skeleton height={160} />
        ) : changes.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 3, textAlign: 'center' }}>
            No changes recorded yet.
          </Typography>
        ) : (
          <Stack spacing={1.5} sx={{ mt: 1 }}>
            {changes.map((e) => (
              <Box key={e.id} sx={{ display: 'flex', gap: 1.25, alignItems: 'flex-start' }}>
                {e.actor ? <PersonAvatar person={e.actor} size={28} /> : <Box sx={{ width: 28, height: 28, borderRadius: '50%', bgcolor: '#e2e8f0', flexShrink: 0 }} />}
                <Box sx={{ minWidth: 0, flex: 1 }}>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {e.actor?.name ?? 'System'}
                    </Typography>
                    <RecordLink resource={RESOURCES.auditLogs} id={e.id}>
                      <ActionChip action={e.action} />
                    </RecordLink>
                  </Box>
                  <Typography variant="caption" color="text.secondary" component="div" noWrap title={formatDateTime(e.createdAt)}>
                    {[changeLine(e.diff), e.tenant?.name, formatRelative(e.createdAt)].filter(Boolean).join(' · ')}
                  </Typography>
                </Box>
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

/** The back office's overview: the numbers that matter today, what needs an owner, what changed. */
export function AdminDashboard() {
  const { identity } = useGetIdentity();
  const listPath = useFilteredListPath();
  const { canAccess: tickets } = useCanAccess({ resource: RESOURCES.tickets, action: 'list' });
  const { canAccess: tenants } = useCanAccess({ resource: RESOURCES.tenants, action: 'list' });
  const { canAccess: users } = useCanAccess({ resource: RESOURCES.users, action: 'list' });
  const { canAccess: audit } = useCanAccess({ resource: RESOURCES.auditLogs, action: 'list' });
  const open = useCount(RESOURCES.tickets, { status: ACTIVE }, Boolean(tickets));
  const urgent = useCount(RESOURCES.tickets, { status: ACTIVE, priority: ['URGENT'] }, Boolean(tickets));
  const unassigned = useCount(RESOURCES.tickets, { status: ACTIVE, unassigned: true }, Boolean(tickets));
  const tenantCount = useCount(RESOURCES.tenants, {}, Boolean(tenants));
  const userCount = useCount(RESOURCES.users, {}, Boolean(users));
  const firstName = typeof identity?.fullName === 'string' ? identity.fullName.split(' ')[0] : '';
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Overview" />
      <Box sx={{ mb: 3 }}>
        <Typography variant="h1">{firstName ? `Good to see you, ${firstName}` : 'Overview'}</Typography>
        <Typography color="text.secondary">Across every tenant on Atrium, right now.</Typography>
      </Box>
      <Grid container spacing={2}>
        {tickets && (
          <>
            <Grid size={{ xs: 12, sm: 6, lg: 2.4 }}>
              <Kpi label="Active tickets" value={open} icon={<ConfirmationNumberOutlined />} colour="#4338ca" to={listPath(RESOURCES.tickets, { status: ACTIVE })} hint="Open or pending" />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, lg: 2.4 }}>
              <Kpi label="Urgent" value={urgent} icon={<PriorityHigh />} colour="#b91c1c" to={listPath(RESOURCES.tickets, { status: ACTIVE, priority: ['URGENT'] })} hint="Active, urgent priority" />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, lg: 2.4 }}>
              <Kpi label="Unassigned" value={unassigned} icon={<ReportProblemOutlined />} colour="#b45309" to={listPath(RESOURCES.tickets, { status: ACTIVE, unassigned: true })} hint="Active, no owner yet" />
            </Grid>
          </>
        )}
        {tenants && (
          <Grid size={{ xs: 12, sm: 6, lg: 2.4 }}>
            <Kpi label="Tenants" value={tenantCount} icon={<BusinessOutlined />} colour="#0e7490" to={listPath(RESOURCES.tenants, {})} hint="Customer organisations" />
          </Grid>
        )}
        {users && (
          <Grid size={{ xs: 12, sm: 6, lg: 2.4 }}>
            <Kpi label="Users" value={userCount} icon={<PeopleAltOutlined />} colour="#15803d" to={listPath(RESOURCES.users, {})} hint="Customers and staff" />
          </Grid>
        )}
        {tickets && (
          <Grid size={{ xs: 12, lg: audit ? 7 : 12 }}>
            <NeedsAttention />
          </Grid>
        )}
        {audit && (
          <Grid size={{ xs: 12, lg: tickets ? 5 : 12 }}>
            <RecentChanges />
          </Grid>
        )}
      </Grid>
    </Box>
  );
}

/** The signed-in staff member and the platform permissions they hold. */
export function AdminAccount() {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string[]>();
  const role = identity?.staffRole as keyof typeof STAFF_ROLE_LABEL | undefined;
  return (
    <Box sx={{ maxWidth: 720 }}>
      <Title title="Your account" />
      <AdminPageHeading title="Your account" subtitle="Who you are signed in as, and what your staff role lets you do here." />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 3 }}>
            {identity && <PersonCell person={{ id: String(identity.id), name: identity.fullName ?? '', email: typeof identity.email === 'string' ? identity.email : '' }} showEmail />}
            {role && role in STAFF_ROLE_LABEL && <Chip size="small" label={STAFF_ROLE_LABEL[role]} sx={{ bgcolor: '#ede9fe', color: '#5b21b6' }} />}
          </Box>
          <Typography variant="h6" component="h2" gutterBottom>
            What your role allows
          </Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
            {(permissions ?? []).map((p) => (
              <Chip key={p} label={p} size="small" variant="outlined" />
            ))}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            The back office shows only what these permissions allow; the server checks every request either way.
          </Typography>
        </CardContent>
      </Card>
    </Box>
  );
}
