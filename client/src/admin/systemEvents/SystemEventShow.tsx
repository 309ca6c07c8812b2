import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import type { SystemEventRecord } from '../providers/systemEvents.provider';
import { CorrelationLink } from '../ui/CorrelationLink';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { formatDateTime } from '../ui/format';
import { AdminPageHeading } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { EventSeverityChip } from './eventUi';

function SystemEventLayout() {
  const e = useRecordContext<SystemEventRecord>();
  if (!e) return null;
  return (
    <>
      <AdminPageHeading title={<Box component="span" sx={{ ...mono, fontSize: 'inherit', wordBreak: 'break-all' }}>{e.type}</Box>} subtitle={`From ${e.source}, ${formatDateTime(e.occurredAt)}`} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Card>
            <CardContent>
              <SectionTitle>Event</SectionTitle>
              <DetailList
                items={[
                  { label: 'Severity', value: <EventSeverityChip severity={e.severity} /> },
                  { label: 'Source', value: e.source },
                  { label: 'Tenant', value: <TenantBadge tenant={e.tenant} /> },
                  { label: 'Occurred', value: formatDateTime(e.occurredAt) },
                  { label: 'Request id', value: <CorrelationLink id={e.correlationId} /> },
                ]}
              />
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Card>
            <CardContent>
              <SectionTitle>Payload</SectionTitle>
              <Box component="pre" tabIndex={0} aria-label="Payload (JSON)" sx={{ ...mono, m: 0, p: 1.5, bgcolor: '#f8fafc', borderRadius: 1, overflow: 'auto', maxHeight: 480 }}>
                {JSON.stringify(e.payload, null, 2)}
              </Box>
            </CardContent>
          </Card>
        </Grid>
      </Grid>
    </>
  );
}

/** One system event: what, where from, which tenant, its request (linking to the chain) and its payload. */
export function SystemEventShow() {
  return (
    <Show
      title="System event"
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="All events" />
        </TopToolbar>
      }
    >
      <SystemEventLayout />
    </Show>
  );
}
