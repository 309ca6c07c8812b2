import CloudUpload from '@mui/icons-material/CloudUploadOutlined';
import CheckCircle from '@mui/icons-material/CheckCircleOutline';
import ErrorOutline from '@mui/icons-material/ErrorOutline';
import InsertDriveFile from '@mui/icons-material/InsertDriveFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Close from '@mui/icons-material/Close';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type FileRejection, useDropzone } from 'react-dropzone';
import { formatBytes } from '../format';
import { type UploadedFile, type UploadOutcome, uploadFile } from './uploadFile';

/** What the server accepts (KycCase.documentUpload, Ticket.attachmentUpload). */
export interface UploadRules {
  path: string;
  maxBytes: number;
  contentTypes: readonly string[];
}

/** The bearer token for the upload, and a fresh one after the server refused it (401). */
export interface UploadAuth {
  token: () => Promise<string | null>;
  renew: (rejected: string | null) => Promise<string | null>;
}

const EXTENSIONS: Record<string, { label: string; ext: string[] }> = {
  'application/pdf': { label: 'PDF', ext: ['.pdf'] },
  'image/png': { label: 'PNG', ext: ['.png'] },
  'image/jpeg': { label: 'JPEG', ext: ['.jpg', '.jpeg'] },
};

interface Item {
  key: number;
  name: string;
  size: number;
  state: 'uploading' | 'done' | 'refused';
  progress: number;
  message?: string;
}

function listOf(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * Drag-and-drop upload to one of the server's upload routes: drop files (or choose them). A file
 * of the wrong type or over the limit is refused here, before any byte is sent; the others upload
 * one after another with their progress, and what the server refuses (it checks the content, not
 * the name) shows beside the file in the server's words. `fields` are the form's text fields as
 * they stand when the files are dropped.
 */
export function FileDropzone<T extends UploadedFile = UploadedFile>({
  rules,
  auth,
  fields,
  onUploaded,
  disabled,
  inputLabel,
  note,
  testId,
  compact,
}: {
  rules: UploadRules;
  auth: UploadAuth;
  fields?: Record<string, string>;
  onUploaded: (file: T) => void;
  disabled?: boolean;
  /** The file input's accessible name ("Upload documents"). */
  inputLabel: string;
  /** A sentence after the types and limit ("They are uploaded as “Passport”."). */
  note?: ReactNode;
  testId?: string;
  /** Less padding, for a section inside a page. */
  compact?: boolean;
}) {
  const [items, setItems] = useState<Item[]>([]);
  const nextKey = useRef(1);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const aborts = useRef(new Set<AbortController>());
  useEffect(() => {
    const pending = aborts.current;
    return () => pending.forEach((a) => a.abort());
  }, []);

  const typeWords = useMemo(() => listOf(rules.contentTypes.map((t) => EXTENSIONS[t]?.label ?? t)), [rules.contentTypes]);
  const accept = useMemo(() => Object.fromEntries(rules.contentTypes.map((t) => [t, EXTENSIONS[t]?.ext ?? []])), [rules.contentTypes]);
  const limit = formatBytes(rules.maxBytes);

  const patch = (key: number, change: Partial<Item>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const send = useCallback(
    async (file: File, key: number, form: Record<string, string>) => {
      const abort = new AbortController();
      aborts.current.add(abort);
      const attempt = (token: string | null): Promise<UploadOutcome<T>> =>
        uploadFile<T>({ path: rules.path, token, fields: form, file, signal: abort.signal, onProgress: (f) => patch(key, { progress: Math.round(f * 100) }) });
      try {
        const token = await auth.token();
        let outcome = await attempt(token);
        if (!outcome.ok && outcome.status === 401) {
          // The access token expired meanwhile: once more with a fresh one.
          patch(key, { progress: 0 });
          outcome = await attempt(await auth.renew(token));
        }
        if (outcome.ok) {
          patch(key, { state: 'done', progress: 100 });
          onUploaded(outcome.document);
        } else if (outcome.reason !== 'ABORTED') {
          patch(key, { state: 'refused', message: outcome.message });
        }
      } catch {
        patch(key, { state: 'refused', message: 'The upload did not reach Atrium. Check your connection and try again.' });
      } finally {
        aborts.current.delete(abort);
      }
    },
    [auth, onUploaded, rules.path],
  );

  const onDrop = useCallback(
    (accepted: File[], rejections: FileRejection[]) => {
      const refused: Item[] = rejections.map(({ file, errors }) => {
        const code = errors[0]?.code;
        const message =
          code === 'file-too-large'
            ? `“${file.name}” is ${formatBytes(file.size)}; the limit is ${limit}. Upload a smaller scan or photo.`
            : code === 'file-too-small'
              ? `“${file.name}” is empty.`
              : code === 'file-invalid-type'
                ? `“${file.name}” is not a ${typeWords} file. Upload a scan or photo in one of those formats.`
                : `“${file.name}” cannot be uploaded: ${errors[0]?.message ?? 'unknown reason'}.`;
        return { key: nextKey.current++, name: file.name, size: file.size, state: 'refused', progress: 0, message };
      });
      const queued: Item[] = accepted.map((file) => ({ key: nextKey.current++, name: file.name, size: file.size, state: 'uploading', progress: 0 }));
      setItems((list) => [...queued, ...refused, ...list]);
      accepted.forEach((file, i) => {
        const key = queued[i]?.key ?? 0;
        const form = { ...fields };
        queue.current = queue.current.then(() => send(file, key, form));
      });
    },
    [fields, limit, send, typeWords],
  );

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop,
    accept,
    maxSize: rules.maxBytes,
    minSize: 1,
    multiple: true,
    disabled,
    noClick: true,
    noKeyboard: true,
  });

  return (
    <Stack spacing={2}>
      <Box
        {...getRootProps()}
        data-testid={testId}
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: isDragActive ? 'primary.main' : 'divider',
          bgcolor: isDragActive ? '#eef2ff' : '#fbfcfe',
          borderRadius: 3,
          p: compact ? { xs: 2, sm: 2.5 } : { xs: 2.5, sm: 4 },
          textAlign: 'center',
          transition: 'border-color .15s, background-color .15s',
          opacity: disabled ? 0.6 : 1,
        }}
      >
        <input {...getInputProps({ 'aria-label': inputLabel })} />
        <CloudUpload sx={{ fontSize: compact ? 28 : 36, color: 'primary.main' }} aria-hidden />
        <Typography sx={{ fontWeight: 600, mt: 1 }}>{isDragActive ? 'Drop the files to upload them' : 'Drag files here to upload them'}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {typeWords}, up to {limit} each.{note ? ' ' : ''}
          {note}
        </Typography>
        <Button variant="outlined" onClick={open} disabled={disabled} sx={{ mt: compact ? 1.5 : 2 }}>
          Choose files
        </Button>
      </Box>
      {items.length > 0 && (
        <Stack component="ul" spacing={1} aria-label="Uploads" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {items.map((item) => (
            <Box component="li" key={item.key} aria-label={`Upload of ${item.name}`} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 1.5 }}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25, minWidth: 0 }}>
                {item.state === 'done' ? (
                  <CheckCircle color="success" fontSize="small" aria-hidden />
                ) : item.state === 'refused' ? (
                  <ErrorOutline color="error" fontSize="small" aria-hidden />
                ) : (
                  <InsertDriveFile color="action" fontSize="small" aria-hidden />
                )}
                <Typography variant="body2" sx={{ fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, flex: 1 }}>
                  {item.name}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ flexShrink: 0 }}>
                  {item.state === 'uploading' ? `${item.progress}%` : item.state === 'done' ? 'Uploaded' : formatBytes(item.size)}
                </Typography>
                {item.state !== 'uploading' && (
                  <IconButton size="small" aria-label={`Dismiss ${item.name}`} onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}>
                    <Close fontSize="small" />
                  </IconButton>
                )}
              </Box>
              {item.state === 'uploading' && <LinearProgress variant="determinate" value={item.progress} aria-label={`Uploading ${item.name}`} sx={{ mt: 1, borderRadius: 1 }} />}
              {item.state === 'refused' && (
                <Alert severity="error" role="alert" sx={{ mt: 1 }}>
                  {item.message}
                </Alert>
              )}
            </Box>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
