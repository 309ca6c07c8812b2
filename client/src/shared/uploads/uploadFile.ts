/**
 * Sends one file to one of the server's upload routes (POST multipart/form-data with the form's
 * text fields, a "file" field and the bearer token: KYC documents, ticket attachments), over
 * XMLHttpRequest because fetch reports no upload progress. Resolves with what the server created
 * or its refusal in words; never rejects.
 */

/** What every upload route answers with on 201: the stored file's row. */
export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  createdAt: string;
  [field: string]: unknown;
}

export type UploadOutcome<T extends UploadedFile = UploadedFile> =
  | { ok: true; document: T }
  | { ok: false; status: number; message: string; reason: string | null; code: string | null };

export interface UploadRequest {
  path: string;
  token: string | null;
  /** Text fields sent before the file ("kind", "internal"). */
  fields?: Record<string, string>;
  file: File;
  /** Fraction sent, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

const NETWORK = 'The upload did not reach Atrium. Check your connection and try again.';

function refusalOf(status: number, text: string): UploadOutcome<never> {
  try {
    const body = JSON.parse(text) as { message?: unknown; reason?: unknown; error?: unknown };
    if (typeof body.message === 'string') {
      return { ok: false, status, message: body.message, reason: typeof body.reason === 'string' ? body.reason : null, code: typeof body.error === 'string' ? body.error : null };
    }
  } catch {
    // Not JSON: a proxy's page, say.
  }
  const message = status === 413 ? 'The file is too large for the server.' : `The server refused the upload (HTTP ${status}).`;
  return { ok: false, status, message, reason: null, code: null };
}

export function uploadFile<T extends UploadedFile = UploadedFile>(req: UploadRequest): Promise<UploadOutcome<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', req.path);
    if (req.token) xhr.setRequestHeader('Authorization', `Bearer ${req.token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) req.onProgress?.(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve({ ok: true, document: JSON.parse(xhr.responseText) as T });
        } catch {
          resolve({ ok: false, status: xhr.status, message: 'The server answered in a way we did not understand.', reason: null, code: null });
        }
        return;
      }
      resolve(refusalOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, message: NETWORK, reason: null, code: 'NETWORK' });
    xhr.onabort = () => resolve({ ok: false, status: 0, message: 'Upload cancelled.', reason: 'ABORTED', code: null });
    req.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    for (const [name, value] of Object.entries(req.fields ?? {})) form.append(name, value);
    form.append('file', req.file, req.file.name);
    xhr.send(form);
  });
}
