import busboy from 'busboy';
import type { Request, RequestHandler, Response } from 'express';
import { AppError, type AppErrorExtensions, type ErrorCode, ErrorReason, type ErrorReasonValue, httpStatusOf, retryAfterOf } from '../errors';
import { unsafeTextFields } from '../input-hygiene';
import { uuidv7 } from '../uuid';
import { FILE_CONTENT_TYPES, type LocalDocumentStore, type StoredFile, type StoreFailure, type UploadSink } from './file-store';

/**
 * The HTTP side of uploads and downloads shared by every route that takes a file (KYC documents,
 * ticket attachments): JSON errors shaped like GraphQL's, the multipart parse streamed into an
 * `UploadSink`, and the headers a stored file is served with.
 */

/** Multipart envelope allowance on top of the file itself, for the early Content-Length check. */
export const ENVELOPE_BYTES = 64 * 1024;

export interface JsonError {
  status: number;
  body: { error: ErrorCode; message: string; reason?: ErrorReasonValue; [k: string]: unknown };
}

export function jsonError(code: ErrorCode, message: string, extra: AppErrorExtensions = {}, status = httpStatusOf(code)): JsonError {
  return { status, body: { error: code, message, ...extra } };
}

export function fromAppError(err: AppError): JsonError {
  return jsonError(err.code, err.message, err.extensions);
}

export function send(res: Response, e: JsonError): void {
  if (res.headersSent) return;
  const wait = retryAfterOf(e.body);
  if (wait !== null) res.setHeader('Retry-After', String(wait));
  res.status(e.status).json(e.body);
}

export function tooLarge(maxBytes: number): JsonError {
  const mib = (maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
  return jsonError('BAD_USER_INPUT', `The file is larger than the limit of ${maxBytes} bytes (${mib} MiB).`, { reason: ErrorReason.FILE_TOO_LARGE, maxBytes }, 413);
}

const STORE_ERRORS: Record<Exclude<StoreFailure, 'TOO_LARGE'>, JsonError> = {
  UNSUPPORTED_TYPE: jsonError(
    'BAD_USER_INPUT',
    'This file is not a PDF, PNG or JPEG (checked from its content, not its name or declared type).',
    { reason: ErrorReason.UNSUPPORTED_FILE_TYPE, allowedTypes: FILE_CONTENT_TYPES },
    415,
  ),
  EMPTY: jsonError('BAD_USER_INPUT', 'The file is empty.', { reason: ErrorReason.EMPTY_FILE, fields: [{ field: 'file', message: 'The file is empty.' }] }),
};

/** The answer for a sink that refused its file. */
export function storeFailure(reason: StoreFailure, maxBytes: number): JsonError {
  return reason === 'TOO_LARGE' ? tooLarge(maxBytes) : STORE_ERRORS[reason];
}

/** `formHint` says what to send: 'the document as multipart/form-data with a "kind" field and a "file" field'. */
export function notMultipart(formHint: string): JsonError {
  return jsonError('BAD_USER_INPUT', `Send ${formHint}.`, { reason: ErrorReason.NOT_MULTIPART });
}

export function noFile(what: string): JsonError {
  return jsonError('BAD_USER_INPUT', `Attach the ${what} in a field named "file".`, { reason: ErrorReason.NO_FILE, fields: [{ field: 'file', message: 'Missing.' }] });
}

export interface ParsedUpload {
  /** The text fields sent, by name (only the first value of each). */
  fields: Record<string, string>;
  sink: UploadSink | null;
  filename?: string;
  /** Why the form itself is unusable, if it is. */
  problem?: JsonError;
  /** An unexpected failure (the disk), answered as a server error. */
  failed?: Error;
}

/**
 * Reads the multipart body: its text fields and one file in the field `file`, streamed into the
 * sink (which hashes, counts and sniffs it). Resolves once the whole body is read and the sink
 * has finished, so every outcome can answer with the request drained.
 */
export function parseUpload(req: Request, makeSink: () => UploadSink, maxBytes: number, formHint: string): Promise<ParsedUpload> {
  return new Promise((resolve) => {
    const out: ParsedUpload = { fields: {}, sink: null };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send file names as raw UTF-8.
        defParamCharset: 'utf8',
        // One byte over the limit, so a file of exactly the limit is not reported as cut.
        limits: { fileSize: maxBytes + 1, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 20 },
      });
    } catch {
      resolve({ ...out, problem: notMultipart(formHint) });
      return;
    }
    const sinkDone: Promise<void>[] = [];
    parser.on('field', (name, value) => {
      if (!Object.hasOwn(out.fields, name)) out.fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      // The parser fails its open file stream when the body breaks off (handled on the parser).
      stream.on('error', () => out.sink?.destroy());
      if (name !== 'file' || out.sink) {
        out.problem ??= jsonError('BAD_USER_INPUT', 'Send exactly one file, in the field named "file".', { reason: ErrorReason.BAD_FORM });
        stream.resume();
        return;
      }
      const sink = makeSink();
      out.sink = sink;
      out.filename = info.filename;
      stream.on('limit', () => sink.fail('TOO_LARGE'));
      // 'close' comes after finishing, after an error and after destroy alike.
      sinkDone.push(new Promise<void>((done) => sink.once('close', () => done())));
      sink.on('error', (err) => {
        // The disk failed us: keep reading the body so the parser ends, and answer 500.
        out.failed ??= err;
        stream.unpipe(sink);
        stream.resume();
      });
      stream.pipe(sink);
    });
    const finish = (problem?: JsonError) => {
      if (problem) out.problem ??= problem;
      void Promise.all(sinkDone).then(() => resolve(out));
    };
    parser.on('filesLimit', () => (out.problem ??= jsonError('BAD_USER_INPUT', 'Send exactly one file per request.', { reason: ErrorReason.BAD_FORM })));
    parser.on('close', () => finish());
    parser.on('error', () => {
      out.sink?.destroy();
      req.unpipe(parser);
      req.resume();
      finish(jsonError('BAD_USER_INPUT', 'The multipart body could not be read.', { reason: ErrorReason.BAD_FORM }));
    });
    // A client that goes away mid-upload ends the parse; the sink's partial file is removed.
    req.on('close', () => {
      if (!req.complete) parser.destroy(new Error('upload aborted by the client'));
    });
    req.pipe(parser);
  });
}

/**
 * An attachment with the uploaded name: an ASCII fallback for old clients, and the exact name
 * in UTF-8 (RFC 6266 / RFC 8187). The name is metadata; it never picks the stored file.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, (c) => `\\${c}`);
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** What a stored file is served with. */
export interface ServedFile {
  storageKey: string;
  filename: string;
  contentType: string;
  sha256: string;
}

/**
 * Streams a stored file as a download: its uploaded name, its detected type (never sniffed by the
 * browser), not cached, sandboxed, with its digest. A missing file answers NOT_FOUND with a reason.
 */
export async function sendStoredFile(
  res: Response,
  store: LocalDocumentStore,
  file: ServedFile,
  opts: { missingMessage: string; onMissing: () => void; onReadError: (err: Error) => void; beforeSend?: () => Promise<void> },
): Promise<void> {
  const size = await store.sizeOf(file.storageKey);
  if (size === null) {
    opts.onMissing();
    return send(res, jsonError('NOT_FOUND', opts.missingMessage, { reason: ErrorReason.CONTENT_MISSING }));
  }
  await opts.beforeSend?.();
  res.setHeader('Content-Disposition', contentDisposition(file.filename));
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(size));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
  const stream = store.read(file.storageKey);
  stream.on('error', (err) => {
    opts.onReadError(err);
    res.destroy();
  });
  stream.pipe(res);
}

/** What an upload route knows once the file is stored and its form read. */
export interface ReceivedUpload {
  /** The new row's id; the file is stored under `storageKey`, derived from it. */
  id: string;
  storageKey: string;
  file: StoredFile;
  /** The uploaded name, cleaned (no path, no control characters), or `<what>-<id>`. */
  filename: string;
  fields: Record<string, string>;
}

export interface UploadRoute<Ctx, Target> {
  contextOf: (req: Request) => Promise<Ctx>;
  /** Refuses before any byte is read: rights, and the target (which throws NOT_FOUND, CONFLICT...). */
  target: (ctx: Ctx, req: Request) => Promise<{ target: Target; tenantId: string }>;
  store: (ctx: Ctx) => LocalDocumentStore;
  maxBytes: (ctx: Ctx) => number;
  /** What the file is, in errors ("document", "attachment"). */
  what: string;
  /** For the not-multipart error: 'the document as multipart/form-data with a "kind" field and a "file" field'. */
  formHint: string;
  /** Records the stored file (moving it into place with `store.commit`); answers the Location and the JSON body. */
  register: (ctx: Ctx, target: Target, upload: ReceivedUpload) => Promise<{ location: string; body: unknown }>;
}

/**
 * One multipart upload route: refuses what it can before reading the body (rights, target,
 * declared size, content type), streams the file to disk while hashing and sniffing it, checks the
 * text fields, and lets `register` commit the row. Whatever fails after bytes were written, the
 * partial or unregistered file is removed before the answer goes out.
 */
export function uploadHandler<Ctx, Target>(route: UploadRoute<Ctx, Target>): RequestHandler {
  return async (req, res, next) => {
    /** Set once a file may have been written; cleared when its row is committed. */
    let written: { store: LocalDocumentStore; key: string } | null = null;
    const discard = async () => {
      const w = written;
      written = null;
      if (w) await w.store.remove(w.key).catch(() => undefined);
    };
    const refuse = async (e: JsonError) => {
      await discard();
      send(res, e);
    };
    // Answer before reading the body; the connection closes so an unread upload is not drained.
    const early = (e: JsonError) => {
      res.setHeader('Connection', 'close');
      send(res, e);
    };
    try {
      const ctx = await route.contextOf(req);
      const maxBytes = route.maxBytes(ctx);
      let target: { target: Target; tenantId: string };
      try {
        target = await route.target(ctx, req);
      } catch (err) {
        if (err instanceof AppError) return early(fromAppError(err));
        throw err;
      }
      const declared = Number(req.header('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) return early(tooLarge(maxBytes));
      if (!req.is('multipart/form-data')) return early(notMultipart(route.formHint));

      const id = uuidv7();
      const store = route.store(ctx);
      const storageKey = store.keyFor(target.tenantId, id);
      written = { store, key: storageKey };
      const parsed = await parseUpload(req, () => store.sink(storageKey, maxBytes), maxBytes, route.formHint);
      if (parsed.failed) throw parsed.failed;
      if (parsed.problem) return await refuse(parsed.problem);
      if (!parsed.sink) return await refuse(noFile(route.what));
      const outcome = parsed.sink.outcome();
      if (!outcome.ok) return await refuse(storeFailure(outcome.reason, maxBytes));
      const unsafe = unsafeTextFields({ ...parsed.fields, file: parsed.filename });
      if (unsafe.length) return await refuse(jsonError('BAD_USER_INPUT', unsafe.map((f) => f.message).join(' '), { fields: unsafe }));
      const answer = await route.register(ctx, target.target, {
        id,
        storageKey,
        file: outcome.file,
        filename: cleanFilename(parsed.filename, `${route.what}-${id}`),
        fields: parsed.fields,
      });
      written = null;
      res.status(201).location(answer.location).json(answer.body);
    } catch (err) {
      if (err instanceof AppError) return refuse(fromAppError(err));
      await discard();
      next(err);
    } finally {
      // Whatever failed after the file was written, its partial or unregistered copy goes.
      await discard();
    }
  };
}

/** The uploaded name as metadata: no path, no control characters, at most 255 characters. */
export function cleanFilename(raw: string | undefined, fallback: string): string {
  // Browsers (and fetch) send a double quote in a multipart file name as %22.
  const base = ((raw ?? '').split(/[\\/]/).pop() ?? '').replace(/%22/g, '"');
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return cleaned || fallback;
}
