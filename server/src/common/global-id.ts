import { badInput } from './errors';
import { UUID_RE } from './uuid';

/** Opaque Relay global ids: base64url("<Type>:<uuid>"). */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  type: string;
  id: string;
}

export function fromGlobalId(globalId: string): DecodedGlobalId {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) {
    throw badInput('Malformed id.');
  }
  const raw = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = raw.indexOf(':');
  const type = raw.slice(0, sep);
  const id = raw.slice(sep + 1);
  if (sep <= 0 || !/^[A-Z][A-Za-z]*$/.test(type) || !UUID_RE.test(id)) throw badInput('Malformed id.');
  return { type, id: id.toLowerCase() };
}

/** Decodes a global id that must name the given type. */
export function expectGlobalId(globalId: string, type: string, argName = 'id'): string {
  const decoded = fromGlobalId(globalId);
  if (decoded.type !== type) throw badInput(`Expected a ${type} id in "${argName}".`, [{ field: argName, message: `Not a ${type} id.` }]);
  return decoded.id;
}
