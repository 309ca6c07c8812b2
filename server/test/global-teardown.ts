import type { EmbeddedDatabase } from '../src/database/embedded';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __atriumEmbedded?: EmbeddedDatabase | null }).__atriumEmbedded;
  await embedded?.stop();
}
