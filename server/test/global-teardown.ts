import type { EmbeddedDatabase } from '../src/database/embedded';
import type { TestRedis } from './redis-server';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __atriumEmbedded?: EmbeddedDatabase | null }).__atriumEmbedded;
  await embedded?.stop();
  await (globalThis as { __atriumRedis?: TestRedis | null }).__atriumRedis?.stop();
}
