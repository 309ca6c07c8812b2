import type { SessionStore } from '../session/session-store';

/**
 * Reads a stored file (a KYC document, a ticket attachment) with the session's bearer token: the
 * download routes want the token, so a plain link cannot open them. A token that expired on the
 * way is renewed once. Only the paths of those routes and the types the API accepts are read.
 */

/** A refused or failed read, with the server's code and words. */
export class StoredFileError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'StoredFileError';
  }
}

const PATHS = [/^\/api\/kyc\/documents\/[^/?#]+\/content$/, /^\/api\/tickets\/attachments\/[^/?#]+\/content$/];
const TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

export async function fetchStoredFile(store: Pick<SessionStore, 'validAccessToken' | 'renew'> | undefined, path: string, signal?: AbortSignal): Promise<Blob> {
  if (!store) throw new StoredFileError('Files cannot be read without a session.', 401, 'UNAUTHENTICATED');
  if (!PATHS.some((p) => p.test(path))) throw new StoredFileError('Not a stored file path.', 400, 'BAD_USER_INPUT');
  const get = async (token: string | null) => fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal, cache: 'no-store' });
  let res: Response;
  try {
    const token = await store.validAccessToken();
    res = await get(token);
    if (res.status === 401) res = await get(await store.renew(token));
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new StoredFileError('The server could not be reached. Check your connection and retry.', 503, 'NETWORK');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw new StoredFileError(body?.message ?? `The file could not be read (HTTP ${res.status}).`, res.status, body?.error ?? 'INTERNAL_SERVER_ERROR');
  }
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!TYPES.includes(type)) throw new StoredFileError(`Unexpected file type "${type}".`, 415, 'UNSUPPORTED_FILE_TYPE');
  return new Blob([await res.arrayBuffer()], { type });
}

/** Hands a read file to the browser as a download under its uploaded name. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
