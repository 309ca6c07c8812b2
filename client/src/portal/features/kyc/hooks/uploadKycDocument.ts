/**
 * Sends one KYC document to the server's upload route (POST multipart/form-data with a "kind" and
 * a "file" field and the bearer token), over XMLHttpRequest because fetch reports no upload
 * progress. Resolves with the created document or the server's refusal in words; never rejects.
 */

export interface UploadedKycDocument {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  status: string;
  createdAt: string;
}

export type UploadOutcome =
  | { ok: true; document: UploadedKycDocument }
  | { ok: false; status: number; message: string; reason: string | null; code: string | null };

export interface UploadRequest {
  path: string;
  token: string | null;
  kind: string;
  file: File;
  /** Fraction sent, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

const NETWORK = 'The upload did not reach Atrium. Check your connection and try again.';

function refusalOf(status: number, text: string): UploadOutcome {
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

export function uploadKycDocument(req: UploadRequest): Promise<UploadOutcome> {
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
          resolve({ ok: true, document: JSON.parse(xhr.responseText) as UploadedKycDocument });
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
    form.append('kind', req.kind);
    form.append('file', req.file, req.file.name);
    xhr.send(form);
  });
}
