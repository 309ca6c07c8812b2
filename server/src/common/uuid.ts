import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/** Random bytes drawn from the system in blocks (as Node's randomUUID does), not one call per id. */
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;

function randomBlock(): Buffer {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  // A view, written and read once before the pool moves on (never kept).
  const block = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  return block;
}

/**
 * UUIDv7 (RFC 9562): 48-bit unix milliseconds, then random bits. Ids sort by creation time,
 * which keeps B-tree inserts local. A 12-bit counter in rand_a keeps ids from one process
 * monotonic within the same millisecond.
 */
export function uuidv7(now: number = Date.now()): string {
  const b = randomBlock();
  if (now <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    // The counter starts at a random point below half its range, from bytes the id overwrites anyway.
    seq = b.readUInt16BE(6) & 0x7ff;
  }
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
