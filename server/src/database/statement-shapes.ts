/*
 * Plan once per shape. The ORM's query builder (and knex under it) turns a condition into SQL on
 * every call, which costs more CPU than PostgreSQL spends answering a page. Conditions of one
 * list have one shape (the same keys and operators) with different values: the tenant, a
 * cursor, a filter. The statement is learned once per shape, with a numbered parameter for each
 * value, and later conditions of that shape only pick their values out in order.
 *
 * The lesson is checked before it is kept: the builder writes the shape once with a marker in
 * place of each value, and that text, with the markers' parameters, must be exactly what it
 * wrote for the real condition, with exactly the real values in the real order. Anything the
 * builder does to a value (a custom type converting it, a filter adding a join and its own
 * values, a raw fragment) fails that check, and the shape is then always built the ORM's way.
 */

/** A learned statement: its text, and for each of its parameters the index of the condition value that fills it. */
export interface StatementShape {
  readonly text: string;
  readonly slots: readonly number[];
}

/** What is known of a shape: its statement, or null when the builder cannot be followed for it. */
type Learned = StatementShape | null;

/** Shapes a process keeps; later shapes are built the ORM's way every time (byId loads name one per `in` list length). */
const MAX_SHAPES = 2000;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The condition's shape as a key, with its values pushed onto `values` in the order the key
 * names them. Null and undefined are part of the shape (they are `is null`, or nothing), not
 * values.
 */
export function shapeKey(condition: unknown, values: unknown[]): string {
  if (condition === null) return 'N';
  if (condition === undefined) return 'U';
  if (Array.isArray(condition)) {
    let key = '[';
    for (const item of condition) key += `${shapeKey(item, values)},`;
    return `${key}]`;
  }
  if (isPlainObject(condition)) {
    let key = '{';
    for (const name in condition) key += `${JSON.stringify(name)}:${shapeKey(condition[name], values)},`;
    return `${key}}`;
  }
  values.push(condition);
  return condition instanceof Date ? 'D' : typeof condition === 'object' ? `O${(condition).constructor?.name ?? ''}` : (typeof condition)[0] ?? '?';
}

const MARKER = 'atrium\u0000value\u0000';

/** The condition with each value (in shapeKey's order) replaced by a marker naming its index. */
function withMarkers(condition: unknown, next: { index: number }): unknown {
  if (condition === null || condition === undefined) return condition;
  if (Array.isArray(condition)) return condition.map((item) => withMarkers(item, next));
  if (isPlainObject(condition)) {
    const out: Record<string, unknown> = {};
    for (const name in condition) out[name] = withMarkers(condition[name], next);
    return out;
  }
  return `${MARKER}${next.index++}`;
}

/** Two bound values are the same (Dates by their time). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return Object.is(a, b);
}

/** A statement as the builder writes it: text with $1, $2, … and its values. */
export interface Built {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

/**
 * The statements learned for one kind of read. `key` must name everything besides the condition
 * that changes the statement (entity, ordering, filters, whether there is a limit or an offset).
 */
export class StatementShapes {
  private readonly learned = new Map<string, Learned>();

  /** The statement for a condition whose shape was learned, with its values; undefined when it must be built. */
  find(key: string): Learned | undefined {
    return this.learned.get(key);
  }

  /**
   * Learns the shape of `condition` from the statement `real` that the builder wrote for it
   * (`values` are the condition's values, as shapeKey found them), by having `build` write it
   * once more with markers in place of those values. `extra` are the values the builder adds
   * after the condition's (limit, offset): `build` must add the same ones.
   */
  learn(key: string, condition: unknown, values: readonly unknown[], extra: readonly unknown[], real: Built, build: (condition: unknown) => Built): void {
    if (this.learned.size >= MAX_SHAPES) return;
    let shape: Learned = null;
    try {
      const marked = build(withMarkers(condition, { index: 0 }));
      const own = marked.bindings.length - extra.length;
      const slots = marked.bindings.slice(0, Math.max(0, own)).map((b) => (typeof b === 'string' && b.startsWith(MARKER) ? Number(b.slice(MARKER.length)) : -1));
      const expected = [...slots.map((i) => values[i]), ...extra];
      const followed =
        own >= 0 &&
        marked.sql === real.sql &&
        slots.every((i) => i >= 0 && i < values.length) &&
        marked.bindings.slice(own).every((b, i) => sameValue(b, extra[i])) &&
        real.bindings.length === expected.length &&
        real.bindings.every((b, i) => sameValue(b, expected[i]));
      if (followed) shape = { text: real.sql, slots };
    } catch {
      shape = null;
    }
    this.learned.set(key, shape);
  }
}
