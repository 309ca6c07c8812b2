/** One changed value in an audit entry's diff. */
export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

export interface DiffSummary {
  /** Fields with before/after values (changes recorded as { before: {...}, after: {...} }). */
  changes: Change[];
  /** Everything else the entry recorded (e.g. a staff read's operation and filter). */
  details: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads the free-form `diff` an audit entry carries. Changes are written as
 * { before: {...}, after: {...} } (either side may be null for creations and removals); any
 * other keys are details.
 */
export function summarizeDiff(diff: unknown): DiffSummary {
  if (!isObject(diff)) return { changes: [], details: diff === null || diff === undefined ? {} : { value: diff } };
  const { before, after, ...rest } = diff;
  const hasSides = 'before' in diff || 'after' in diff;
  if (!hasSides || (!isObject(before) && before !== null) || (!isObject(after) && after !== null)) return { changes: [], details: diff };
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return { changes: fields.map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null })), details: rest };
}

/** A value as short text for tables: strings as they are, null as an em dash, the rest as JSON. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * One change in words. References ("assigneeId") hold internal ids that mean nothing to a
 * reader, so they say what happened instead: set, removed or changed.
 */
function describeChange(c: Change): string {
  if (c.field.length > 2 && c.field.endsWith('Id')) {
    const what = c.field.slice(0, -2);
    if (c.after === null) return `${what} removed`;
    if (c.before === null) return `${what} set`;
    return `${what} changed`;
  }
  return `${c.field}: ${displayValue(c.before)} → ${displayValue(c.after)}`;
}

/** "status: OPEN → RESOLVED, assignee set"; for entries without changes, their operation. */
export function changeLine(diff: unknown): string {
  const { changes, details } = summarizeDiff(diff);
  if (changes.length) return changes.map(describeChange).join(', ');
  if (typeof details.operation === 'string') return `read ${details.operation}`;
  return '';
}
