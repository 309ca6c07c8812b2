import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import { useState } from 'react';
import { Edit, HttpError, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar, useEditContext, useNotify, useRecordContext } from 'react-admin';
import { adminErrorCode } from '../providers/graphql';
import type { TicketRecord } from '../providers/tickets.provider';
import { PriorityChip, StatusChip } from '../ui/chips';
import { DetailList, SectionTitle } from '../ui/DetailList';
import { formatDateTime } from '../ui/format';
import { PersonCell } from '../ui/People';
import { AdminPageHeading } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { useSavedNotice } from '../ui/useSavedNotice';
import { TicketInputs } from './TicketInputs';
import { TicketTitle } from './TicketTitle';

function TicketEditActions() {
  return (
    <TopToolbar>
      <ShowButton label="View ticket" />
    </TopToolbar>
  );
}

function TicketEditToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Save changes" />
    </Toolbar>
  );
}

function EditHeading() {
  const ticket = useRecordContext<TicketRecord>();
  return <AdminPageHeading title={ticket ? `Edit #${ticket.number} · ${ticket.subject}` : 'Edit ticket'} />;
}

function EditingNote() {
  const ticket = useRecordContext<TicketRecord>();
  if (!ticket) return null;
  return (
    <Alert severity="info" variant="outlined" sx={{ mb: 2, maxWidth: 720, width: '100%' }}>
      You are editing a ticket of <strong>{ticket.tenant.name}</strong> as platform staff. The change is recorded in the audit log.
    </Alert>
  );
}

/**
 * After a CONFLICT (someone saved first): say so where the person is looking, and load the
 * latest version on request. The form resets to it, with the new version to save against.
 */
function ConflictBanner({ onReloaded }: { onReloaded: () => void }) {
  const { refetch } = useEditContext<TicketRecord>();
  const [busy, setBusy] = useState(false);
  const reload = () => {
    setBusy(true);
    refetch()
      .then(() => onReloaded())
      .finally(() => setBusy(false))
      .catch(() => undefined);
  };
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2, maxWidth: 720, width: '100%' }}
      action={
        <Button color="inherit" size="small" onClick={reload} disabled={busy}>
          Load latest
        </Button>
      }
    >
      Someone else saved this ticket while you were editing. Load the latest version, then make your change again.
    </Alert>
  );
}

/** Notifies every failure except field errors (the form shows those); a conflict also opens the banner. */
function useTicketSaveErrors(onConflict: () => void) {
  const notify = useNotify();
  return (error: unknown) => {
    if (error instanceof HttpError && (error.body as { errors?: unknown } | null)?.errors) return;
    if (adminErrorCode(error) === 'CONFLICT') onConflict();
    notify(error instanceof Error ? error.message : 'The ticket could not be saved.', { type: 'error' });
  };
}

/** The ticket as it was loaded, beside the form: what the edit starts from. */
function TicketEditAside() {
  const ticket = useRecordContext<TicketRecord>();
  if (!ticket) return null;
  return (
    <Card sx={{ width: 320, ml: 2, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', lg: 'block' } }}>
      <CardContent>
        <SectionTitle>Currently</SectionTitle>
        <DetailList
          items={[
            { label: 'Status', value: <StatusChip status={ticket.status} /> },
            { label: 'Priority', value: <PriorityChip priority={ticket.priority} /> },
            { label: 'Requester', value: <PersonCell person={ticket.requester} /> },
            { label: 'Tenant', value: <TenantBadge tenant={ticket.tenant} /> },
            { label: 'Updated', value: formatDateTime(ticket.updatedAt) },
          ]}
        />
      </CardContent>
    </Card>
  );
}

/**
 * Pessimistic: the save waits for the server, so its validation errors land next to the fields
 * and a stale version (someone else saved first) is reported instead of silently overwritten.
 */
export function TicketEdit() {
  const [conflict, setConflict] = useState(false);
  const saved = useSavedNotice<TicketRecord>((t) => `Ticket #${t.number} saved.`);
  const onError = useTicketSaveErrors(() => setConflict(true));
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ ...saved, onError }} title={<TicketTitle />} actions={<TicketEditActions />} aside={<TicketEditAside />}>
      <SimpleForm toolbar={<TicketEditToolbar />} warnWhenUnsavedChanges>
        <EditHeading />
        {conflict ? <ConflictBanner onReloaded={() => setConflict(false)} /> : <EditingNote />}
        <TicketInputs />
      </SimpleForm>
    </Edit>
  );
}
