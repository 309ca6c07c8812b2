import { act } from '@testing-library/react';

/**
 * A stand-in XMLHttpRequest for the upload components (the real upload code runs; only the
 * network is replaced): tests see what was sent and answer with progress, a status and a body.
 * Install it with `installFakeUploads()` at the top of a test file.
 */
export class FakeXHR {
  static sent: FakeXHR[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FakeFormData | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: FakeFormData) {
    this.body = body;
    FakeXHR.sent.push(this);
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
}

/** The test environment's FormData (Node's) refuses jsdom's File; the browser's takes it. */
export class FakeFormData {
  private readonly entries = new Map<string, unknown>();
  append(name: string, value: unknown) {
    this.entries.set(name, value);
  }
  get(name: string) {
    return this.entries.get(name) ?? null;
  }
  has(name: string) {
    return this.entries.has(name);
  }
}

/** Replaces XMLHttpRequest and FormData for each test of the file, and puts them back after. */
export function installFakeUploads(): void {
  const realXHR = globalThis.XMLHttpRequest;
  const realFormData = globalThis.FormData;
  beforeEach(() => {
    FakeXHR.sent = [];
    globalThis.XMLHttpRequest = FakeXHR as unknown as typeof XMLHttpRequest;
    globalThis.FormData = FakeFormData as unknown as typeof FormData;
  });
  afterEach(() => {
    globalThis.XMLHttpRequest = realXHR;
    globalThis.FormData = realFormData;
  });
}
