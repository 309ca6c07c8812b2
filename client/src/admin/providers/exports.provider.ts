import { HttpError } from 'ra-core';
import type { SessionStore } from '../../shared/session';

/** The lists the server exports as CSV (server/src/modules/exports). */
export type ExportListName = 'tickets' | 'audit-logs' | 'runs' | 'system-events';

export interface CsvExport {
  blob: Blob;
  filename: string;
  /** The server's row limit: a file with this many rows may have been cut short. */
  rowLimit: number | null;
}

/**
 * Downloads `/api/export/<list>.csv` with the list's filter (and order) as the GraphQL list takes
 * them, with the session's token (renewed once if it expired on the way). The server's refusal
 * comes back as an HttpError with its message.
 */
export async function fetchCsvExport(
  store: SessionStore | undefined,
  params: { list: ExportListName; filter?: unknown; orderBy?: unknown; signal?: AbortSignal },
): Promise<CsvExport> {
  if (!store) throw new HttpError('Exports need a session.', 401, { code: 'UNAUTHENTICATED' });
  const query = new URLSearchParams();
  if (params.filter !== undefined && params.filter !== null) query.set('filter', JSON.stringify(params.filter));
  if (params.orderBy !== undefined && params.orderBy !== null) query.set('orderBy', JSON.stringify(params.orderBy));
  const path = `/api/export/${params.list}.csv${query.size ? `?${query.toString()}` : ''}`;
  const get = async (token: string | null) => fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: params.signal, cache: 'no-store' });
  let res: Response;
  try {
    const token = await store.validAccessToken();
    res = await get(token);
    if (res.status === 401) res = await get(await store.renew(token));
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new HttpError('The server could not be reached. Check your connection and retry.', 503, { code: 'NETWORK' });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw new HttpError(body?.message ?? `The export failed (HTTP ${res.status}).`, res.status, { code: body?.error ?? 'INTERNAL_SERVER_ERROR' });
  }
  let blob: Blob;
  try {
    blob = new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
  } catch {
    // The server cuts the connection when a page fails mid-file: never save half a file.
    throw new HttpError('The export broke off before it was complete; try again.', 503, { code: 'NETWORK' });
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${params.list}.csv`;
  const limit = Number(res.headers.get('x-export-row-limit'));
  return { blob, filename, rowLimit: Number.isFinite(limit) && limit > 0 ? limit : null };
}
