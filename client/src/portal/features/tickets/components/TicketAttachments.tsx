import DeleteOutline from '@mui/icons-material/DeleteOutline';
import Download from '@mui/icons-material/FileDownloadOutlined';
import ImageOutlined from '@mui/icons-material/ImageOutlined';
import InsertDriveFile from '@mui/icons-material/InsertDriveFileOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import PictureAsPdf from '@mui/icons-material/PictureAsPdfOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../../../../gql';
import { errorCodeOf, messageOf } from '../../../../shared/errors';
import { formatBytes, formatDateTime } from '../../../../shared/format';
import type { SessionStore } from '../../../../shared/session';
import { fetchStoredFile, saveBlob, StoredFileError } from '../../../../shared/uploads/fetchStoredFile';
import { FileDropzone, type UploadAuth } from '../../../../shared/uploads/FileDropzone';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { removeAttachmentFromCache, useDeleteTicketAttachment } from '../hooks/useTicketMutations';
import { InternalChip, NOTE_BG, NOTE_BORDER } from './TicketChips';

export const TICKET_ATTACHMENT_ITEM_FRAGMENT = graphql(`
  fragment TicketAttachmentItem on TicketAttachment {
    id
    filename
    contentType
    size
    sha256
    internal
    fromSupport
    uploaderName
    uploadedBy {
      id
      name
    }
    downloadPath
    createdAt
  }
`);

/** What the section needs of a ticket: its files and where and what to upload. */
export const TICKET_ATTACHMENTS_FRAGMENT = graphql(`
  fragment TicketAttachmentsSection on Ticket {
    id
    attachmentUpload {
      path
      maxBytes
      contentTypes
      maxFiles
    }
    attachments {
      id
      ...TicketAttachmentItem
    }
  }
`);

/**
 * The ticket's files again, after an upload: written into the cache by the ticket's id, so the
 * page shows the new file without reading the whole ticket again (which would drop the earlier
 * comments the user loaded).
 */
const TICKET_ATTACHMENTS_QUERY = graphql(`
  query TicketAttachments($id: ID!) {
    ticket(id: $id) {
      id
      ...TicketAttachmentsSection
    }
  }
`);

type SessionTokens = Pick<SessionStore, 'validAccessToken' | 'renew'>;

function FileIcon({ contentType }: { contentType: string }) {
  const sx = { mt: 0.25, flexShrink: 0 } as const;
  if (contentType === 'application/pdf') return <PictureAsPdf color="action" aria-hidden sx={sx} />;
  if (contentType.startsWith('image/')) return <ImageOutlined color="action" aria-hidden sx={sx} />;
  return <InsertDriveFile color="action" aria-hidden sx={sx} />;
}

/**
 * The files on a ticket: each with its size, who attached it and when, a download (read with the
 * session's token: a plain link would not carry it) and, where allowed, a remove. Those who may
 * comment attach files here too; the tenant's agents may mark them internal.
 */
export function TicketAttachments({
  ticket,
  meId,
  canAttach,
  canManage,
  store,
}: {
  ticket: FragmentType<typeof TICKET_ATTACHMENTS_FRAGMENT>;
  /** The signed-in user: their own files they may remove. */
  meId: string | undefined;
  /** ticket:comment: attach files, remove one's own. */
  canAttach: boolean;
  /** ticket:assign: internal files, and removing anyone's. */
  canManage: boolean;
  /** The session's tokens, for the upload and the downloads. */
  store: SessionTokens;
}) {
  const t = getFragmentData(TICKET_ATTACHMENTS_FRAGMENT, ticket);
  const files = getFragmentData(TICKET_ATTACHMENT_ITEM_FRAGMENT, t.attachments);
  const rules = t.attachmentUpload;
  const full = files.length >= rules.maxFiles;
  const client = useApolloClient();

  const [internal, setInternal] = useState(false);
  const fields = useMemo((): Record<string, string> => (canManage && internal ? { internal: 'true' } : {}), [canManage, internal]);
  const auth = useMemo<UploadAuth>(() => ({ token: () => store.validAccessToken(), renew: (rejected) => store.renew(rejected) }), [store]);
  const onUploaded = useCallback(() => {
    // The list shows the file as the server has it (uploader's name and all). A failed read leaves
    // the list as it was; the next visit shows the file.
    client.query({ query: TICKET_ATTACHMENTS_QUERY, variables: { id: t.id }, fetchPolicy: 'network-only' }).catch(() => undefined);
  }, [client, t.id]);

  // Downloads: one at a time per file, each with its own spinner and error.
  const [reading, setReading] = useState<ReadonlySet<string>>(new Set());
  const [readErrors, setReadErrors] = useState<Record<string, string>>({});
  const aborts = useRef(new Set<AbortController>());
  useEffect(() => {
    const pending = aborts.current;
    return () => pending.forEach((a) => a.abort());
  }, []);
  const setReadError = (id: string, message: string | null) =>
    setReadErrors((all) => {
      const { [id]: _previous, ...rest } = all;
      return message ? { ...rest, [id]: message } : rest;
    });

  const download = async (file: { id: string; filename: string; downloadPath: string }) => {
    if (reading.has(file.id)) return;
    setReading((s) => new Set(s).add(file.id));
    setReadError(file.id, null);
    const abort = new AbortController();
    aborts.current.add(abort);
    try {
      saveBlob(await fetchStoredFile(store, file.downloadPath, abort.signal), file.filename);
    } catch (err) {
      if (abort.signal.aborted) return;
      setReadError(file.id, err instanceof StoredFileError ? err.message : 'The file could not be read. Try again.');
    } finally {
      aborts.current.delete(abort);
      setReading((s) => {
        const next = new Set(s);
        next.delete(file.id);
        return next;
      });
    }
  };

  // Removing: the uploader their own (not support's), agents any.
  const canRemove = (f: { fromSupport: boolean; uploadedBy?: { id: string } | null }) =>
    canAttach && (canManage || (!f.fromSupport && meId !== undefined && f.uploadedBy?.id === meId));
  const [removing, setRemoving] = useState<{ id: string; filename: string } | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [deleteAttachment, del] = useDeleteTicketAttachment(t.id);
  const confirmRemove = async () => {
    if (!removing) return;
    setRemoveError(null);
    try {
      await deleteAttachment({ variables: { id: removing.id } });
      setRemoving(null);
    } catch (err) {
      const e = err instanceof Error ? err : null;
      if (errorCodeOf(e) === 'NOT_FOUND') {
        // Someone removed it meanwhile: it is gone either way.
        removeAttachmentFromCache(client.cache, t.id, removing.id);
        setRemoving(null);
        return;
      }
      setRemoveError(messageOf(e));
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="attachments-heading" sx={{ p: { xs: 2, sm: 3 }, borderRadius: 3, minWidth: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap', columnGap: 2, rowGap: 0.5, mb: 1 }}>
        <Typography id="attachments-heading" variant="h4" component="h2">
          Attachments
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="attachment-count">
          {files.length} of {rules.maxFiles} files
        </Typography>
      </Box>

      {files.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 1 }}>
          No files attached.
        </Typography>
      ) : (
        <Box component="ul" aria-label="Attached files" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {files.map((f) => {
            const busy = reading.has(f.id);
            const readError = readErrors[f.id];
            return (
              <Box
                component="li"
                key={f.id}
                aria-label={f.filename}
                sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', py: 1.5, borderTop: 1, borderColor: 'divider', '&:first-of-type': { borderTop: 0 } }}
              >
                <FileIcon contentType={f.contentType} />
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.5 }}>
                    <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere', minWidth: 0 }}>{f.filename}</Typography>
                    {f.internal && <InternalChip label="Internal" />}
                  </Box>
                  <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                    {formatBytes(f.size)} · {f.uploaderName} · {formatDateTime(f.createdAt)}
                  </Typography>
                  {readError && (
                    <Alert severity="error" role="alert" onClose={() => setReadError(f.id, null)} sx={{ mt: 1 }}>
                      {readError}
                    </Alert>
                  )}
                </Box>
                <Box sx={{ display: 'flex', flexShrink: 0, mt: -0.5 }}>
                  <Tooltip title="Download">
                    <IconButton aria-label={`Download ${f.filename}`} aria-busy={busy || undefined} onClick={() => void download(f)}>
                      {busy ? <CircularProgress size={20} aria-label={`Reading ${f.filename}`} /> : <Download />}
                    </IconButton>
                  </Tooltip>
                  {canRemove(f) && (
                    <Tooltip title="Remove">
                      <IconButton aria-label={`Remove ${f.filename}`} onClick={() => setRemoving({ id: f.id, filename: f.filename })}>
                        <DeleteOutline />
                      </IconButton>
                    </Tooltip>
                  )}
                </Box>
              </Box>
            );
          })}
        </Box>
      )}

      {canAttach &&
        (full ? (
          <Typography variant="body2" color="text.secondary" role="status" sx={{ mt: 2 }}>
            This ticket holds the most files it can ({rules.maxFiles}). Remove one to attach another.
          </Typography>
        ) : (
          <Stack
            spacing={1}
            sx={{ mt: 2, ...(canManage && internal ? { bgcolor: NOTE_BG, border: `1px solid ${NOTE_BORDER}`, borderRadius: 3, p: 1.5 } : {}) }}
          >
            {canManage && (
              <FormControlLabel
                control={<Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)} />}
                label="Internal (only your team sees it)"
                sx={{ alignSelf: 'flex-start', mr: 0 }}
              />
            )}
            {canManage && internal && (
              <Typography variant="body2" sx={{ color: '#713f12', fontWeight: 600, display: 'flex', alignItems: 'center', gap: 0.5 }}>
                <LockOutlined fontSize="inherit" aria-hidden /> Files you attach now are internal: customers don&apos;t see them
              </Typography>
            )}
            <FileDropzone rules={rules} auth={auth} fields={fields} onUploaded={onUploaded} inputLabel="Attach files" testId="ticket-dropzone" compact />
          </Stack>
        ))}

      <ConfirmDialog
        open={removing !== null}
        title="Remove this file?"
        confirmLabel="Remove"
        pendingLabel="Removing…"
        destructive
        pending={del.loading}
        error={removeError}
        onConfirm={() => void confirmRemove()}
        onClose={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
      >
        “{removing?.filename}” will be removed from the ticket for everyone who can see it.
      </ConfirmDialog>
    </Paper>
  );
}
