import busboy from 'busboy';
import express, { type Request, type Response, type Router } from 'express';
import { ErrorReason, AppError, type AppErrorExtensions, type ErrorCode, type ErrorReasonValue, httpStatusOf, retryAfterOf } from '../../common/errors';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import { unsafeTextFields } from '../../common/input-hygiene';
import { uuidv7 } from '../../common/uuid';
import { type Context } from '../../context/context';
import { refusal } from '../../permissions/requirement';
import { kycDocumentAccess } from './kyc.access';
import { auditPlatformAccess } from '../audit/audit.service';
import { type KycDocument } from './kyc-document.entity';
import { cleanFilename, documentStore, downloadPathOf, parseKind, registerUpload, uploadTarget } from './kyc-document.service';
import { KYC_CONTENT_TYPES, type LocalDocumentStore, type StoreFailure, type UploadSink } from './kyc.storage';



/** Multipart envelope allowance on top of the file itself, for the early Content-Length check. */
const ENVELOPE_BYTES = 64 * 1024;

interface JsonError {
  status: number;
  body: { error: ErrorCode; message: string; reason?: ErrorReasonValue; [k: string]: unknown };
}

function jsonError(code: ErrorCode, message: string, extra: AppErrorExtensions = {}, status = httpStatusOf(code)): JsonError {
  return { status, body: { error: code, message, ...extra } };
}

function fromAppError(err: AppError): JsonError {
  return jsonError(err.code, err.message, err.extensions);
}

function send(res: Response, e: JsonError): void {
  if (res.headersSent) return;
  const wait = retryAfterOf(e.body);
  if (wait !== null) res.setHeader('Retry-After', String(wait));
  res.status(e.status).json(e.body);
}

function tooLarge(maxBytes: number): JsonError {
  const mib = (maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
  return jsonError('BAD_USER_INPUT', `The file is larger than the limit of ${maxBytes} bytes (${mib} MiB).`, { reason: ErrorReason.FILE_TOO_LARGE, maxBytes }, 413);
}

const STORE_ERRORS: Record<Exclude<StoreFailure, 'TOO_LARGE'>, JsonError> = {
  UNSUPPORTED_TYPE: jsonError(
    'BAD_USER_INPUT',
    'This file is not a PDF, PNG or JPEG (checked from its content, not its name or declared type).',
    { reason: ErrorReason.UNSUPPORTED_FILE_TYPE, allowedTypes: KYC_CONTENT_TYPES },
    415,
  ),
  EMPTY: jsonError('BAD_USER_INPUT', 'The file is empty.', { reason: ErrorReason.EMPTY_FILE, fields: [{ field: 'file', message: 'The file is empty.' }] }),
};

interface ParsedUpload {
  kind?: string;
  sink: UploadSink | null;
  filename?: string;
  /** Why the form itself is unusable, if it is. */
  problem?: JsonError;
  /** An unexpected failure (the disk), answered as a server error. */
  failed?: Error;
}

/**
 * Reads the multipart body: the `kind` field and one file in the field `file`, streamed into the
 * sink (which hashes, counts and sniffs it). Resolves once the whole body is read and the sink
 * has finished, so every outcome can answer with the request drained.
 */
function parseUpload(req: Request, makeSink: () => UploadSink, maxBytes: number): Promise<ParsedUpload> {
  return new Promise((resolve) => {
    const out: ParsedUpload = { sink: null };
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
      resolve({ ...out, problem: jsonError('BAD_USER_INPUT', 'Send the document as multipart/form-data with a "kind" field and a "file" field.', { reason: ErrorReason.NOT_MULTIPART }) });
      return;
    }
    const sinkDone: Promise<void>[] = [];
    parser.on('field', (name, value) => {
      if (name === 'kind') out.kind = value;
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

export interface KycRouterDeps {
  contextOf: (req: Request) => Promise<Context>;
}

/**
 * KYC document files over plain HTTP, with the same bearer token and tenant rules as GraphQL:
 *   POST /cases/:caseId/documents     multipart upload (kyc:write in the case's tenant)
 *   GET  /documents/:documentId/content  download (kyc:read in its tenant, or KYC staff)
 */
export function createKycRouter({ contextOf }: KycRouterDeps): Router {
  const router = express.Router();

  router.post('/cases/:caseId/documents', async (req, res, next) => {
    /** Set once a file may have been written; cleared when its row is committed. */
    let written: { store: LocalDocumentStore; key: string } | null = null;
    /** Removes what was written before the answer goes out, so a refused upload leaves nothing behind by then. */
    const discard = async () => {
      const w = written;
      written = null;
      if (w) await w.store.remove(w.key).catch(() => undefined);
    };
    const refuse = async (e: JsonError) => {
      await discard();
      send(res, e);
    };
    try {
      const ctx = await contextOf(req);
      const maxBytes = ctx.app.config.kyc.maxUploadBytes;
      const refused = refusal(ctx, { tenant: 'kyc:write' });
      // Answer before reading the body; the connection closes so an unread upload is not drained.
      const early = (e: JsonError) => {
        res.setHeader('Connection', 'close');
        send(res, e);
      };
      if (refused) return early(fromAppError(refused));
      const kycCase = await uploadTarget(ctx, String(req.params.caseId));
      const declared = Number(req.header('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) return early(tooLarge(maxBytes));
      if (!req.is('multipart/form-data')) {
        return early(jsonError('BAD_USER_INPUT', 'Send the document as multipart/form-data with a "kind" field and a "file" field.', { reason: ErrorReason.NOT_MULTIPART }));
      }

      const documentId = uuidv7();
      const store = documentStore(ctx);
      const storageKey = store.keyFor(kycCase.tenant.id, documentId);
      written = { store, key: storageKey };
      const parsed = await parseUpload(req, () => store.sink(storageKey, maxBytes), maxBytes);
      const sink = parsed.sink;
      if (parsed.failed) throw parsed.failed;
      if (parsed.problem) return refuse(parsed.problem);
      if (!sink) return refuse(jsonError('BAD_USER_INPUT', 'Attach the document in a field named "file".', { reason: ErrorReason.NO_FILE, fields: [{ field: 'file', message: 'Missing.' }] }));
      const outcome = sink.outcome();
      if (!outcome.ok) return refuse(outcome.reason === 'TOO_LARGE' ? tooLarge(maxBytes) : STORE_ERRORS[outcome.reason]);
      const unsafe = unsafeTextFields({ kind: parsed.kind, file: parsed.filename });
      if (unsafe.length) return refuse(jsonError('BAD_USER_INPUT', unsafe.map((f) => f.message).join(' '), { fields: unsafe }));
      const kind = parseKind(parsed.kind);
      const doc = await registerUpload(ctx, kycCase.id, {
        ...outcome.file,
        documentId,
        storageKey,
        kind,
        filename: cleanFilename(parsed.filename, `document-${documentId}`),
      });
      written = null;
      res.status(201).location(downloadPathOf(doc)).json(documentJson(doc));
    } catch (err) {
      if (err instanceof AppError) return refuse(fromAppError(err));
      await discard();
      next(err);
    } finally {
      // Whatever failed after the file was written, its partial or unregistered copy goes.
      await discard();
    }
  });

  router.get('/documents/:documentId/content', async (req, res, next) => {
    try {
      const ctx = await contextOf(req);
      const refused = refusal(ctx, { read: kycDocumentAccess });
      if (refused) return send(res, fromAppError(refused));
      const id = expectGlobalId(String(req.params.documentId), 'KycDocument', 'documentId');
      const doc = await ctx.loaders.kyc.documentById.load(id);
      if (!doc) return send(res, jsonError('NOT_FOUND', 'KYC document not found.'));
      const store = documentStore(ctx);
      const size = await store.sizeOf(doc.storageKey);
      if (size === null) {
        ctx.logger.error({ documentId: id, key: doc.storageKey }, 'KYC document file is missing');
        return send(res, jsonError('NOT_FOUND', 'The file of this KYC document is missing; ask support.', { reason: ErrorReason.CONTENT_MISSING }));
      }
      await auditPlatformAccess(ctx, 'kycDocumentContent', { documentId: id }, doc.tenant.id);
      res.setHeader('Content-Disposition', contentDisposition(doc.filename));
      res.setHeader('Content-Type', doc.contentType);
      res.setHeader('Content-Length', String(size));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(doc.sha256, 'hex').toString('base64')}:`);
      const stream = store.read(doc.storageKey);
      stream.on('error', (err) => {
        ctx.logger.error({ err, documentId: id }, 'reading a KYC document failed');
        res.destroy();
      });
      stream.pipe(res);
    } catch (err) {
      if (err instanceof AppError) return send(res, fromAppError(err));
      next(err);
    }
  });

  return router;
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

/** The upload's answer: the document as GraphQL would show it to the uploader. */
export function documentJson(doc: KycDocument): Record<string, unknown> {
  return {
    id: toGlobalId('KycDocument', doc.id),
    caseId: toGlobalId('KycCase', doc.case.id),
    kind: doc.kind,
    filename: doc.filename,
    contentType: doc.contentType,
    size: doc.size,
    sha256: doc.sha256,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
    downloadPath: downloadPathOf(doc),
  };
}
