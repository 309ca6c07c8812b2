import { badInput } from '../errors';
import { UUID_RE } from '../uuid';

export type CursorValue = string | number;

interface CursorPayload {
  k: string;
  v: CursorValue;
  id: string;
}

/** Opaque cursor: base64url of the sort key's name, the row's sort value and its id. */
export function encodeCursor(key: string, value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify({ k: key, v: value, id } satisfies CursorPayload), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedKey: string, argName: string): { value: CursorValue; id: string } {
  const malformed = () => badInput(`Malformed cursor in "${argName}".`, [{ field: argName, message: 'Malformed cursor.' }]);
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  const p = payload as Partial<CursorPayload> | null;
  if (!p || typeof p !== 'object' || typeof p.k !== 'string' || typeof p.id !== 'string' || !UUID_RE.test(p.id)) throw malformed();
  if (typeof p.v !== 'string' && typeof p.v !== 'number') throw malformed();
  if (p.k !== expectedKey) {
    throw badInput(`The cursor in "${argName}" belongs to another ordering; start again from the first page.`, [
      { field: argName, message: 'Cursor does not match the ordering.' },
    ]);
  }
  return { value: p.v, id: p.id };
}
