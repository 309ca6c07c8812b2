import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import MailOutline from '@mui/icons-material/MailOutline';
import ShieldOutlined from '@mui/icons-material/ShieldOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataTable, ListButton, ReferenceManyField, Show, TopToolbar, useCanAccess, useGetList, useRecordContext } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { AuditTrailCard } from '../auditLogs/AuditTrail';
import { TenantIntegrationsCard } from '../integrations/TenantIntegrations';
import type { FeatureFlagRecord } from '../providers/featureFlags.provider';
import type { MembershipRecord } from '../providers/memberships.provider';
import { RESOURCES } from '../resource-names';
import type { TenantRecord } from '../providers/tenants.provider';
import type { TicketRecord } from '../providers/tickets.provider';
import { PriorityChip, SoftChip, StatusChip } from '../ui/chips';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { colourOf, formatDate, formatRelative } from '../ui/format';
import { PersonCell } from '../ui/People';
import { RecordLink, useFilteredListPath } from '../ui/RecordLink';
import { RoleChip } from '../memberships/RoleChip';
import { TenantInvitations } from './TenantInvitations';
import { TenantRoles } from './TenantRoles';
import { TenantEntitlementsCard } from '../tools/TenantEntitlementsCard';

function TenantTitle() {
  const tenant = useRecordContext<TenantRecord>();
  return <span>{tenant?.name ?? 'Tenant'}</span>;
}

function Members() {
  return (
    // On a phone the table scrolls inside its card, never the page.
    <Box sx={{ overflowX: 'auto' }}>
      <ReferenceManyField reference={RESOURCES.memberships} target="tenantId" perPage={10} sort={{ field: 'createdAt', order: 'ASC' }}>
        <DataTable bulkActionButtons={false} rowClick={false} empty={<Typography color="text.secondary">No members.</Typography>}>
          <DataTable.Col source="userId" label="Member" disableSort render={(m: MembershipRecord) => <PersonCell person={m.user} showEmail />} />
          <DataTable.Col source="roleId" label="Role" disableSort render={(m: MembershipRecord) => <RoleChip role={m.role} />} />
          <DataTable.Col source="createdAt" label="Since" disableSort render={(m: MembershipRecord) => formatDate(m.createdAt)} />
          <DataTable.Col
            label=""
            disableSort
            render={(m: MembershipRecord) => (
              <RecordLink resource={RESOURCES.memberships} id={m.id} type="edit" hideWhenDenied>
                Change role
              </RecordLink>
            )}
          />
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
}

function RecentTickets() {
  return (
    // On a phone the table scrolls inside its card, never the page.
    <Box sx={{ overflowX: 'auto' }}>
      <ReferenceManyField reference={RESOURCES.tickets} target="tenantId" perPage={6} sort={{ field: 'createdAt', order: 'DESC' }}>
        <DataTable bulkActionButtons={false} rowClick="show" empty={<Typography color="text.secondary">No tickets yet.</Typography>}>
          <DataTable.Col
            source="subject"
            label="Ticket"
            disableSort
            render={(t: TicketRecord) => (
              <Box sx={{ maxWidth: 320 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
                  {t.subject}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  #{t.number} · {formatRelative(t.createdAt)}
                </Typography>
              </Box>
            )}
          />
          <DataTable.Col source="status" disableSort render={(t: TicketRecord) => <StatusChip status={t.status} />} />
          <DataTable.Col source="priority" disableSort render={(t: TicketRecord) => <PriorityChip priority={t.priority} />} />
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
}

/** Each flag as it applies to this tenant: its override, else the global default. */
function TenantFlags({ tenant }: { tenant: TenantRecord }) {
  const { data, isPending } = useGetList<FeatureFlagRecord>(RESOURCES.featureFlags, { pagination: { page: 1, perPage: 100 }, sort: { field: 'createdAt', order: 'ASC' } });
  if (isPending) return <Typography color="text.secondary">Loading…</Typography>;
  return (
    <Stack spacing={1.25}>
      {(data ?? []).map((flag) => {
        const override = flag.overrides.find((o) => o.tenantId === tenant.id);
        const enabled = override ? override.enabled : flag.defaultEnabled;
        return (
          <Box key={flag.id} sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
            <Box sx={{ minWidth: 0 }}>
              <RecordLink resource={RESOURCES.featureFlags} id={flag.id}>
                <Box component="span" sx={mono}>
                  {flag.key}
                </Box>
              </RecordLink>
              <Typography variant="caption" color="text.secondary" component="div">
                {override ? 'Overridden for this tenant' : 'Global default'}
              </Typography>
            </Box>
            <SoftChip label={enabled ? 'On' : 'Off'} colour={enabled ? '#15803d' : '#64748b'} />
          </Box>
        );
      })}
    </Stack>
  );
}

function TenantShowLayout() {
  const tenant = useRecordContext<TenantRecord>();
  const listPath = useFilteredListPath();
  const { canAccess: canReadAudit } = useCanAccess({ resource: RESOURCES.auditLogs, action: 'list' });
  const { canAccess: canReadFlags } = useCanAccess({ resource: RESOURCES.featureFlags, action: 'list' });
  const { canAccess: canReadTickets } = useCanAccess({ resource: RESOURCES.tickets, action: 'list' });
  if (!tenant) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={12} sx={{ minWidth: 0 }}>
        <Card>
          <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2.5, flexWrap: 'wrap' }}>
            <Box sx={{ width: 56, height: 56, borderRadius: 3, bgcolor: colourOf(tenant.slug), color: '#fff', fontSize: 24, fontWeight: 800, display: 'grid', placeItems: 'center' }}>
              {tenant.name[0]?.toUpperCase()}
            </Box>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="h2" component="h1" sx={{ overflowWrap: 'anywhere' }}>
                {tenant.name}
              </Typography>
              <Typography color="text.secondary" sx={mono}>
                {tenant.slug}
              </Typography>
            </Box>
            <DetailList
              items={[
                { label: 'Customer since', value: formatDate(tenant.createdAt) },
                { label: 'Last change', value: formatRelative(tenant.updatedAt) },
                {
                  label: 'Two-factor sign-in',
                  value: tenant.requireTwoFactor ? <SoftChip label="Required" colour="#15803d" /> : <SoftChip label="Not required" colour="#64748b" />,
                },
              ]}
            />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 8 }} sx={{ minWidth: 0 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent>
              <SectionTitle>
                <GroupOutlined fontSize="small" color="action" /> Members
              </SectionTitle>
              <Members />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <SectionTitle>
                <MailOutline fontSize="small" color="action" /> Invitations
              </SectionTitle>
              <TenantInvitations tenant={tenant} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <SectionTitle>
                <ShieldOutlined fontSize="small" color="action" /> Roles
              </SectionTitle>
              <TenantRoles tenant={tenant} />
            </CardContent>
          </Card>
          {canReadTickets && (
            <Card>
              <CardContent>
                <SectionTitle
                  action={
                    <Button component={RouterLink} to={listPath(RESOURCES.tickets, { tenantId: tenant.id })} size="small">
                      All tickets of {tenant.name}
                    </Button>
                  }
                >
                  <ConfirmationNumberOutlined fontSize="small" color="action" /> Recent tickets
                </SectionTitle>
                <RecentTickets />
              </CardContent>
            </Card>
          )}
          <TenantIntegrationsCard tenantId={tenant.id} />
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }} sx={{ minWidth: 0 }}>
        <Stack spacing={2}>
          <TenantEntitlementsCard tenantId={tenant.id} tenantName={tenant.name} />
          {canReadFlags && (
            <Card>
              <CardContent>
                <SectionTitle>
                  <FlagOutlined fontSize="small" color="action" /> Feature flags
                </SectionTitle>
                <TenantFlags tenant={tenant} />
              </CardContent>
            </Card>
          )}
          {canReadAudit && (
            <AuditTrailCard title="Recent activity" target="tenantId" id={tenant.id} empty="No changes recorded recently." />
          )}
        </Stack>
      </Grid>
    </Grid>
  );
}

export function TenantShow() {
  return (
    <Show
      title={<TenantTitle />}
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="All tenants" />
        </TopToolbar>
      }
    >
      <TenantShowLayout />
    </Show>
  );
}
