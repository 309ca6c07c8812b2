import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Writable } from 'node:stream';

/** The file types an upload (a KYC document, a ticket attachment) may have, recognised by their first bytes. */
export const FILE_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type StoredContentType = (typeof FILE_CONTENT_TYPES)[number];

const SIGNATURES: { type: StoredContentType; magic: Buffer }[] = [
  { type: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1') },
  { type: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
];
/** Enough bytes to tell every signature apart. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((s) => s.magic.length));

/** The type whose signature `head` starts with; null for anything else. The declared type is never trusted. */
export function detectContentType(head: Buffer): StoredContentType | null {
  for (const { type, magic } of SIGNATURES) {
    if (head.length >= magic.length && head.subarray(0, magic.length).equals(magic)) return type;
  }
  return null;
}

export type StoreFailure = 'TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'EMPTY';

export interface StoredFile {
  size: number;
  sha256: string;
  contentType: StoredContentType;
}

/**
 * A sink for one uploaded file: writes to `path`, hashes and counts what passes, and checks the
 * first bytes. It never errors back into the upload stream (that would stall the multipart
 * parser); after a failure it discards the rest, so the request still drains, and removes what
 * it wrote. Read the outcome with `outcome()` once it has finished.
 */
export class UploadSink extends Writable {
  private handle: FileHandle | null = null;
  private readonly hash = createHash('sha256');
  private head = Buffer.alloc(0);
  private type: StoredContentType | null = null;
  private size = 0;
  private failure: StoreFailure | null = null;

  constructor(
    private readonly path: string,
    private readonly maxBytes: number,
  ) {
    super();
  }

  /** Marks the upload failed (for example when the parser says the file was cut at its limit). */
  fail(reason: StoreFailure): void {
    this.failure ??= reason;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    mkdir(dirname(this.path), { recursive: true })
      .then(() => open(this.path, 'wx', 0o600))
      .then((h) => {
        this.handle = h;
        callback();
      }, callback);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.failure) return callback();
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      this.fail('TOO_LARGE');
      return callback();
    }
    if (!this.type) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES)]).subarray(0, SNIFF_BYTES);
      if (this.head.length >= SNIFF_BYTES) {
        this.type = detectContentType(this.head);
        if (!this.type) {
          this.fail('UNSUPPORTED_TYPE');
          return callback();
        }
      }
    }
    this.hash.update(chunk);
    const handle = this.handle;
    if (!handle) return callback(new Error('upload sink is not open'));
    handle.write(chunk).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (!this.failure && !this.type) {
      // Shorter than SNIFF_BYTES: decide on what there is.
      this.type = detectContentType(this.head);
      if (this.size === 0) this.fail('EMPTY');
      else if (!this.type) this.fail('UNSUPPORTED_TYPE');
    }
    const close = this.handle ? this.handle.close() : Promise.resolve();
    this.handle = null;
    close
      .then(() => (this.failure ? rm(this.path, { force: true }) : undefined))
      .then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const close = this.handle ? this.handle.close() : Promise.resolve();
    this.handle = null;
    // A sink torn down before it finished never leaves a partial file behind.
    const cleanup = this.writableFinished && !this.failure ? Promise.resolve() : rm(this.path, { force: true });
    close
      .then(() => cleanup)
      .then(
        () => callback(error),
        () => callback(error),
      );
  }

  outcome(): { ok: true; file: StoredFile } | { ok: false; reason: StoreFailure } {
    if (this.failure) return { ok: false, reason: this.failure };
    if (!this.type) return { ok: false, reason: 'UNSUPPORTED_TYPE' };
    return { ok: true, file: { size: this.size, sha256: this.hash.digest('hex'), contentType: this.type } };
  }
}

const KEY_RE = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/**
 * Uploaded files on local disk under one configured directory, at `<tenant id>/<file id>`:
 * names come from ids only, never from what the uploader called the file.
 */
export class LocalDocumentStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  keyFor(tenantId: string, documentId: string): string {
    return `${tenantId}/${documentId}`;
  }

  pathOf(key: string): string {
    if (!KEY_RE.test(key)) throw new Error(`invalid storage key ${key}`);
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key escapes the root: ${key}`);
    return path;
  }

  /** Where an upload in progress is written; `commit` moves it to the key's path. */
  partPathOf(key: string): string {
    return `${this.pathOf(key)}.part`;
  }

  sink(key: string, maxBytes: number): UploadSink {
    return new UploadSink(this.partPathOf(key), maxBytes);
  }

  async commit(key: string): Promise<void> {
    await rename(this.partPathOf(key), this.pathOf(key));
  }

  /** Writes a whole file at once (seed data, tests); returns what an upload would have recorded. */
  async put(key: string, content: Buffer): Promise<StoredFile> {
    const contentType = detectContentType(content);
    if (!contentType) throw new Error('unsupported content');
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, { mode: 0o600 });
    return { size: content.length, sha256: createHash('sha256').update(content).digest('hex'), contentType };
  }

  /** The file's size, or null when it is not there. */
  async sizeOf(key: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch {
      return null;
    }
  }

  read(key: string): ReadStream {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
    await rm(this.partPathOf(key), { force: true });
  }
}
