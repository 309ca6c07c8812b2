import AddLink from '@mui/icons-material/AddLink';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import TimelineOutlined from '@mui/icons-material/TimelineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { ListButton, Show, TopToolbar, useCanAccess, useDataProvider, useNotify, useRecordContext } from 'react-admin';
import type { AdminDataProvider } from '../providers/dataProvider';
import { type IncidentRecord, nextIncidentStatus } from '../providers/incidents.provider';
import { RESOURCES } from '../resource-names';
import { StatusChip } from '../ui/chips';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { FormDialog } from '../ui/FormDialog';
import { formatDateTime, formatRelative } from '../ui/format';
import { RecordLink } from '../ui/RecordLink';
import { TenantBadge } from '../ui/TenantBadge';
import { LinkEventsDialog, LinkTicketsDialog } from './IncidentLinks';
import { EventSeverityChip, INCIDENT_STATUS_META, IncidentStatusChip, SeverityChip, TRANSITION_LABEL } from './incidentUi';
import { useIncidentReload } from './useIncidentReload';
import { SoftChip } from '../ui/chips';

function IncidentTitle() {
  const incident = useRecordContext<IncidentRecord>();
  return <span>{incident ? `Incident: ${incident.title}` : 'Incident'}</span>;
}

function useCanManage(): boolean {
  const { canAccess } = useCanAccess({ resource: RESOURCES.incidents, action: 'manage' });
  return Boolean(canAccess);
}

/** Moves the incident one step on (OPEN → MITIGATED → RESOLVED), with an optional note customers see. */
function TransitionButton({ incident }: { incident: IncidentRecord }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useIncidentReload();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const next = nextIncidentStatus(incident.status);
  if (!next) return null;
  return (
    <>
      <Button variant="contained" color={next === 'RESOLVED' ? 'success' : 'warning'} onClick={() => setOpen(true)}>
        {TRANSITION_LABEL[next]}
      </Button>
      {/* Mounted only while open: a closing dialog unmounted by the reload would leave the page aria-hidden. */}
      {open && (
      <FormDialog
        open
        onClose={() => setOpen(false)}
        title={`${TRANSITION_LABEL[next]}?`}
        submitLabel={TRANSITION_LABEL[next]}
        action={async () => {
          const { data } = await dataProvider.transitionIncident(RESOURCES.incidents, { id: incident.id, to: next, note });
          return `Incident ${INCIDENT_STATUS_META[data.status].label.toLowerCase()}.`;
        }}
        onDone={() => {
          setNote('');
          reload();
        }}
      >
        <Typography variant="body2" color="text.secondary">
          {incident.status} → {next}. The affected tenants are told (webhook and portal banner).
        </Typography>
        <TextField label="Note for customers (optional)" value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} />
      </FormDialog>
      )}
    </>
  );
}

function NoteForm({ incident }: { incident: IncidentRecord }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const notify = useNotify();
  const reload = useIncidentReload();
  const [body, setBody] = useState('');
  const [isPublic, setPublic] = useState(false);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim() || saving) return;
    setSaving(true);
    try {
      const { data } = await dataProvider.addIncidentNote(RESOURCES.incidents, { incidentId: incident.id, body: body.trim(), internal: !isPublic });
      notify(data.internal ? 'Internal note added.' : 'Public note added; the affected customers see it.', { type: 'success' });
      setBody('');
      setPublic(false);
      reload();
    } catch (err) {
      notify(err instanceof Error ? err.message : 'Something went wrong.', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} sx={{ display: 'flex', flexDirection: 'column', gap: 1, mb: 2 }} aria-label="New note">
      <TextField label="Add a note" value={body} onChange={(e) => setBody(e.target.value)} multiline minRows={2} fullWidth />
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
        <FormControlLabel control={<Switch checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />} label={isPublic ? 'Public: affected customers see it' : 'Internal: staff only'} />
        <Button type="submit" variant="outlined" disabled={!body.trim() || saving}>
          {isPublic ? 'Add public note' : 'Add internal note'}
        </Button>
      </Box>
    </Box>
  );
}

function Timeline({ incident }: { incident: IncidentRecord }) {
  const entries = incident.detail?.timeline;
  if (!entries) return <Skeleton variant="rounded" height={96} />;
  if (!entries.length) return <Typography color="text.secondary">Nothing yet.</Typography>;
  return (
    <Box component="ol" aria-label="Timeline" sx={{ listStyle: 'none', m: 0, p: 0, position: 'relative', '&::before': { content: '""', position: 'absolute', left: 5, top: 10, bottom: 10, width: 2, bgcolor: 'divider' } }}>
      {entries.map((e) => (
        <Box component="li" key={e.id} sx={{ display: 'flex', gap: 1.5, py: 1, position: 'relative' }}>
          <Box sx={{ width: 12, height: 12, borderRadius: '50%', mt: 0.75, flexShrink: 0, bgcolor: e.toStatus ? INCIDENT_STATUS_META[e.toStatus].colour : e.internal ? '#94a3b8' : '#4338ca', border: '2px solid #fff' }} />
          <Box sx={{ minWidth: 0, flex: 1 }}>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {e.message}
            </Typography>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mt: 0.25 }}>
              <Typography variant="caption" color="text.secondary" title={formatDateTime(e.at)}>
                {formatRelative(e.at)}
                {e.author ? ` · ${e.author.name}` : ''}
              </Typography>
              {e.kind === 'NOTE' && <SoftChip label={e.internal ? 'Internal note' : 'Public note'} colour={e.internal ? '#475569' : '#4338ca'} />}
              {e.kind !== 'NOTE' && e.internal && <SoftChip label="Internal" colour="#475569" />}
            </Box>
          </Box>
        </Box>
      ))}
    </Box>
  );
}

function LinkedTickets({ incident, canManage }: { incident: IncidentRecord; canManage: boolean }) {
  const [open, setOpen] = useState(false);
  const tickets = incident.detail?.tickets;
  return (
    <Card>
      <CardContent>
        <SectionTitle
          count={tickets?.length}
          action={
            canManage && incident.status !== 'RESOLVED' ? (
              <Button size="small" startIcon={<AddLink />} onClick={() => setOpen(true)}>
                Link tickets
              </Button>
            ) : undefined
          }
        >
          <ConfirmationNumberOutlined fontSize="small" color="action" /> Tickets
        </SectionTitle>
        {!tickets ? (
          <Skeleton variant="rounded" height={48} />
        ) : !tickets.length ? (
          <Typography color="text.secondary" variant="body2">
            No tickets linked.
          </Typography>
        ) : (
          <Stack spacing={1} component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {tickets.map((t) => (
              <Box component="li" key={t.id} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="body2" sx={{ flex: 1, minWidth: 160 }}>
                  <RecordLink resource={RESOURCES.tickets} id={t.id}>
                    #{t.number} {t.subject}
                  </RecordLink>
                  <Typography component="span" variant="caption" color="text.secondary">
                    {' '}
                    · {t.tenant.name}
                  </Typography>
                </Typography>
                <StatusChip status={t.status} />
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
      {open && <LinkTicketsDialog incident={incident} open onClose={() => setOpen(false)} />}
    </Card>
  );
}

function LinkedEvents({ incident, canManage }: { incident: IncidentRecord; canManage: boolean }) {
  const [open, setOpen] = useState(false);
  const events = incident.detail?.events;
  return (
    <Card>
      <CardContent>
        <SectionTitle
          count={events?.length}
          action={
            canManage && incident.status !== 'RESOLVED' ? (
              <Button size="small" startIcon={<AddLink />} onClick={() => setOpen(true)}>
                Link events
              </Button>
            ) : undefined
          }
        >
          <EventNoteOutlined fontSize="small" color="action" /> System events
        </SectionTitle>
        {!events ? (
          <Skeleton variant="rounded" height={48} />
        ) : !events.length ? (
          <Typography color="text.secondary" variant="body2">
            No events linked.
          </Typography>
        ) : (
          <Stack spacing={1} component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {events.map((e) => (
              <Box component="li" key={e.id} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Box sx={{ ...mono, flex: 1, minWidth: 140, wordBreak: 'break-all' }}>{e.type}</Box>
                <Typography variant="caption" color="text.secondary">
                  {e.tenant?.name ?? 'Platform'} · {formatDateTime(e.occurredAt)}
                </Typography>
                <EventSeverityChip severity={e.severity} />
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
      {open && <LinkEventsDialog incident={incident} open onClose={() => setOpen(false)} />}
    </Card>
  );
}

function IncidentShowLayout() {
  const incident = useRecordContext<IncidentRecord>();
  const canManage = useCanManage();
  if (!incident) return null;
  const detail = incident.detail;
  return (
    <Stack spacing={2} sx={{ mt: 0.5 }}>
      <Card>
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Box sx={{ width: 52, height: 52, borderRadius: 3, bgcolor: '#fef2f2', color: '#b91c1c', display: 'grid', placeItems: 'center', flexShrink: 0 }}>
            <ReportProblemOutlined />
          </Box>
          <Box sx={{ flex: 1, minWidth: 200 }}>
            <Typography variant="h1" sx={{ fontSize: { xs: '1.35rem', sm: '1.6rem' }, wordBreak: 'break-word' }}>
              {incident.title}
            </Typography>
            <Box sx={{ display: 'flex', gap: 0.75, mt: 0.75, flexWrap: 'wrap' }} aria-label="Status and severity">
              <IncidentStatusChip status={incident.status} />
              <SeverityChip severity={incident.severity} />
            </Box>
          </Box>
          {canManage && <TransitionButton incident={incident} />}
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <Card>
              <CardContent>
                <SectionTitle>
                  <CampaignOutlined fontSize="small" color="action" /> What customers are told
                </SectionTitle>
                {detail ? <Typography sx={{ whiteSpace: 'pre-wrap' }}>{detail.summary}</Typography> : <Skeleton variant="rounded" height={48} />}
              </CardContent>
            </Card>
            <Card>
              <CardContent>
                <SectionTitle count={detail?.timeline.length}>
                  <TimelineOutlined fontSize="small" color="action" /> Timeline
                </SectionTitle>
                {canManage && <NoteForm incident={incident} />}
                <Timeline incident={incident} />
              </CardContent>
            </Card>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <Card>
              <CardContent>
                <SectionTitle count={incident.affectedTenants.length}>Affected tenants</SectionTitle>
                <Stack spacing={1}>
                  {incident.affectedTenants.map((t) => (
                    <TenantBadge key={t.id} tenant={t} showSlug />
                  ))}
                </Stack>
              </CardContent>
            </Card>
            <LinkedTickets incident={incident} canManage={canManage} />
            <LinkedEvents incident={incident} canManage={canManage} />
            <Card>
              <CardContent>
                <SectionTitle>Incident</SectionTitle>
                <DetailList
                  items={[
                    { label: 'Opened', value: `${formatDateTime(incident.createdAt)}${incident.openedBy ? ` by ${incident.openedBy.name}` : ''}` },
                    { label: 'Mitigated', value: incident.mitigatedAt ? `${formatDateTime(incident.mitigatedAt)}${detail?.mitigatedBy ? ` by ${detail.mitigatedBy.name}` : ''}` : 'Not yet' },
                    { label: 'Resolved', value: incident.resolvedAt ? `${formatDateTime(incident.resolvedAt)}${detail?.resolvedBy ? ` by ${detail.resolvedBy.name}` : ''}` : 'Not yet' },
                    { label: 'Correlation id', value: <Box sx={{ ...mono, wordBreak: 'break-all' }}>{detail?.correlationId ?? '—'}</Box> },
                  ]}
                />
              </CardContent>
            </Card>
          </Stack>
        </Grid>
      </Grid>
    </Stack>
  );
}

/** One incident: its state and the next step, what customers are told, the timeline with notes, linked tickets and events. */
export function IncidentShow() {
  return (
    <Show
      title={<IncidentTitle />}
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="All incidents" />
        </TopToolbar>
      }
    >
      <IncidentShowLayout />
    </Show>
  );
}
