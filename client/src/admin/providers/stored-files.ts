import { HttpError } from 'ra-core';
import type { SessionStore } from '../../shared/session';
import { fetchStoredFile, StoredFileError } from '../../shared/uploads/fetchStoredFile';

/** The stored files the back office reads, each only from its own download route. */
const KINDS = {
  kycDocument: { path: /^\/api\/kyc\/documents\/[^/?#]+\/content$/, what: 'a KYC document' },
  ticketAttachment: { path: /^\/api\/tickets\/attachments\/[^/?#]+\/content$/, what: 'a ticket attachment' },
} as const;

/**
 * Reads a stored file with the staff member's token (the download routes need it), as a Blob of
 * an allowed type; failures come back as react-admin HttpErrors with the server's code.
 */
export async function fetchAdminFile(store: SessionStore | undefined, kind: keyof typeof KINDS, path: string, signal?: AbortSignal): Promise<Blob> {
  if (!KINDS[kind].path.test(path)) throw new HttpError(`Not the path of ${KINDS[kind].what}.`, 400, { code: 'BAD_USER_INPUT' });
  try {
    return await fetchStoredFile(store, path, signal);
  } catch (err) {
    if (err instanceof StoredFileError) throw new HttpError(err.message, err.status, { code: err.code });
    throw err;
  }
}
