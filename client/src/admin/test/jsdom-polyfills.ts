import { TextDecoder, TextEncoder } from 'node:util';

// jsdom has no TextEncoder/TextDecoder; react-router (inside react-admin) needs them when loaded.
// Imported first by the back office's jsdom tests.
Object.assign(globalThis, { TextEncoder, TextDecoder });
