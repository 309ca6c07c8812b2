import AttachFileOutlined from '@mui/icons-material/AttachFileOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutline';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import ImageOutlined from '@mui/icons-material/ImageOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import SupportAgentOutlined from '@mui/icons-material/SupportAgentOutlined';
import VisibilityOffOutlined from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Confirm, useCanAccess, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { formatBytes } from '../../shared/format';
import { FileDropzone, type UploadAuth } from '../../shared/uploads/FileDropzone';
import { saveBlob } from '../../shared/uploads/fetchStoredFile';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { TicketAttachmentRecord, TicketAttachmentUploadRules, TicketRecord } from '../providers/tickets.provider';
import { RESOURCES } from '../resource-names';
import { SectionTitle } from '../ui/DetailList';
import { formatDateTime } from '../ui/format';
import { StoredFilePreview } from '../ui/StoredFilePreview';
import { InternalChip, NOTE_BG, NOTE_BORDER } from './ticketUi';

const messageOf = (err: unknown) => (err instanceof Error && err.message ? err.message : 'Something went wrong. Try again.');

/**
 * The file inline: a PDF in a frame, an image as an image. It is read with the staff member's
 * token (the download route wants it) into a local object URL, freed when the preview closes.
 */
function AttachmentPreview({ attachment }: { attachment: TicketAttachmentRecord }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  return (
    <StoredFilePreview
      queryKey={[RESOURCES.tickets, 'attachmentFile', attachment.id]}
      read={(signal) => dataProvider.ticketAttachmentFile(RESOURCES.tickets, { path: attachment.downloadPath, signal }).then((r) => r.data)}
      label={attachment.filename}
      loadingHeight={240}
    />
  );
}

function AttachmentRow({ attachment: a, ticketNumber, canRemove }: { attachment: TicketAttachmentRecord; ticketNumber: number; canRemove: boolean }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [previewing, setPreviewing] = useState(false);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const reads = useRef<AbortController | null>(null);
  useEffect(() => () => reads.current?.abort(), []);

  const download = async () => {
    if (reading) return;
    const abort = new AbortController();
    reads.current = abort;
    setReading(true);
    setReadError(null);
    try {
      const { data } = await dataProvider.ticketAttachmentFile(RESOURCES.tickets, { path: a.downloadPath, signal: abort.signal });
      saveBlob(data, a.filename);
    } catch (err) {
      if (!abort.signal.aborted) setReadError(messageOf(err));
    } finally {
      if (!abort.signal.aborted) setReading(false);
    }
  };

  const remove = async () => {
    setRemoving(true);
    try {
      await dataProvider.deleteTicketAttachment(RESOURCES.tickets, { id: a.id });
      notify(`${a.filename} removed.`, { type: 'success' });
      setConfirming(false);
      refresh();
    } catch (err) {
      notify(messageOf(err), { type: 'error' });
      setConfirming(false);
    } finally {
      setRemoving(false);
    }
  };

  const Icon = a.contentType === 'application/pdf' ? PictureAsPdfOutlined : ImageOutlined;
  return (
    <Box
      component="li"
      aria-label={a.internal ? `Internal file ${a.filename}` : `File ${a.filename}`}
      sx={{
        listStyle: 'none',
        border: 1,
        borderColor: 'divider',
        borderRadius: 2,
        p: 1.25,
        ...(a.internal ? { bgcolor: NOTE_BG, borderColor: NOTE_BORDER, borderLeft: `3px solid ${NOTE_BORDER}` } : {}),
      }}
    >
      <Box sx={{ display: 'flex', gap: 1.25, alignItems: 'flex-start' }}>
        <Icon color="action" sx={{ mt: 0.25, flexShrink: 0 }} aria-hidden />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
            {a.filename}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
            {formatBytes(a.size)} · {a.uploaderName} · {formatDateTime(a.createdAt)}
          </Typography>
          {(a.internal || a.fromSupport) && (
            <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', mt: 0.5 }}>
              {a.internal && <InternalChip label="Internal" />}
              {a.fromSupport && <Chip size="small" variant="outlined" color="primary" icon={<SupportAgentOutlined />} label="From support" />}
            </Box>
          )}
        </Box>
        <Box sx={{ display: 'flex', flexShrink: 0, alignItems: 'center' }}>
          <IconButton size="small" aria-label={`${previewing ? 'Hide' : 'View'} ${a.filename}`} aria-expanded={previewing} onClick={() => setPreviewing((p) => !p)}>
            {previewing ? <VisibilityOffOutlined fontSize="small" /> : <VisibilityOutlined fontSize="small" />}
          </IconButton>
          <IconButton size="small" aria-label={`Download ${a.filename}`} aria-busy={reading} onClick={() => void download()}>
            {reading ? <CircularProgress size={18} aria-label={`Reading ${a.filename}`} /> : <FileDownloadOutlined fontSize="small" />}
          </IconButton>
          {canRemove && (
            <IconButton size="small" aria-label={`Remove ${a.filename}`} disabled={removing} onClick={() => setConfirming(true)} sx={{ color: 'error.main' }}>
              <DeleteOutline fontSize="small" />
            </IconButton>
          )}
        </Box>
      </Box>
      {readError && (
        <Alert severity="error" role="alert" onClose={() => setReadError(null)} sx={{ mt: 1 }}>
          {readError}
        </Alert>
      )}
      {previewing && (
        <Box sx={{ mt: 1.25 }}>
          <AttachmentPreview attachment={a} />
        </Box>
      )}
      {canRemove && (
        <Confirm
          isOpen={confirming}
          loading={removing}
          title={`Remove ${a.filename}?`}
          content={`The file is removed from ticket #${ticketNumber} for everyone${a.internal ? '' : ', the customer included'}. The removal is recorded in the audit trail.`}
          confirm="Remove file"
          confirmColor="warning"
          onConfirm={() => void remove()}
          onClose={() => {
            if (!removing) setConfirming(false);
          }}
        />
      )}
    </Box>
  );
}

/** Staff attach files as Atrium support (the customer sees them) or as internal files (they never do). */
function AttachmentUpload({ rules, count }: { rules: TicketAttachmentUploadRules; count: number }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const refresh = useRefresh();
  const labelId = useId();
  const [internal, setInternal] = useState(false);
  const auth = useMemo<UploadAuth>(
    () => ({
      token: () => dataProvider.uploadToken(RESOURCES.tickets, {}).then((r) => r.data),
      renew: (rejected) => dataProvider.uploadToken(RESOURCES.tickets, { renew: true, rejected }).then((r) => r.data),
    }),
    [dataProvider],
  );
  const fields = useMemo(() => ({ internal: internal ? 'true' : 'false' }), [internal]);
  const onUploaded = useCallback(() => refresh(), [refresh]);
  if (count >= rules.maxFiles) {
    return (
      <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>
        This ticket holds the most files it can ({rules.maxFiles}). Remove one to attach another.
      </Alert>
    );
  }
  const remaining = rules.maxFiles - count;
  return (
    <Box
      sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 1, borderRadius: 1, ...(internal ? { bgcolor: NOTE_BG, p: 1.5, border: `1px solid ${NOTE_BORDER}` } : {}) }}
    >
      <Typography id={labelId} variant="body2" sx={{ fontWeight: 600 }}>
        Visible to
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={internal ? 'internal' : 'public'}
        onChange={(_e, v: string | null) => v && setInternal(v === 'internal')}
        aria-labelledby={labelId}
        sx={{ '& .MuiToggleButton-root': { flex: { xs: 1, sm: 'initial' } } }}
      >
        <ToggleButton value="public">Customer and agents</ToggleButton>
        <ToggleButton value="internal">Internal (agents and staff only)</ToggleButton>
      </ToggleButtonGroup>
      {internal && (
        <Typography variant="body2" sx={{ color: '#713f12', fontWeight: 600, display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <LockOutlined fontSize="inherit" /> Internal files — customers don&apos;t see them
        </Typography>
      )}
      <FileDropzone
        rules={rules}
        auth={auth}
        fields={fields}
        onUploaded={onUploaded}
        inputLabel="Attach files"
        testId="admin-ticket-dropzone"
        compact
        note={`${internal ? "Only the tenant's agents and Atrium staff see them." : 'The customer sees them from “Atrium support”.'} ${remaining === 1 ? '1 more file fits' : `${remaining} more files fit`} on this ticket.`}
      />
    </Box>
  );
}

/**
 * The ticket's files, oldest first (internal ones included: staff see them), each viewable,
 * downloadable and, for staff allowed to reply, removable; those staff also attach files.
 */
export function TicketAttachmentsCard({ ticket }: { ticket: TicketRecord }) {
  const { canAccess: canReply } = useCanAccess({ resource: RESOURCES.tickets, action: 'reply' });
  // Opened from the list, the record shows at once without its files; they follow.
  const attachments = ticket.attachments;
  const rules = ticket.attachmentUpload;
  return (
    <Card>
      <CardContent>
        <SectionTitle
          action={
            attachments && rules ? (
              <Typography variant="body2" color="text.secondary" sx={{ flexShrink: 0 }}>
                {attachments.length} of {rules.maxFiles} files
              </Typography>
            ) : undefined
          }
        >
          <AttachFileOutlined fontSize="small" color="action" /> Attachments
        </SectionTitle>
        {attachments === undefined ? (
          <Stack spacing={1} aria-label="Loading the attachments">
            <Skeleton variant="rounded" height={48} />
          </Stack>
        ) : attachments.length === 0 ? (
          <Typography color="text.secondary" variant="body2">
            No files attached.
          </Typography>
        ) : (
          <Stack component="ul" spacing={1} aria-label="Attached files" sx={{ m: 0, p: 0 }}>
            {attachments.map((a) => (
              <AttachmentRow key={a.id} attachment={a} ticketNumber={ticket.number} canRemove={Boolean(canReply)} />
            ))}
          </Stack>
        )}
        {canReply && attachments !== undefined && rules && <AttachmentUpload rules={rules} count={attachments.length} />}
      </CardContent>
    </Card>
  );
}
