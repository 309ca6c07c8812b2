import { type Built, shapeKey, StatementShapes } from '../statement-shapes';

/*
 * The learner of statement shapes, against small stand-in builders: it keeps a shape only when
 * the builder's statement for the real condition is exactly its marked statement with the real
 * values in place. The real builder (MikroORM's) is covered by test/lean-reads.test.ts.
 */

type Condition = Record<string, unknown>;

/** Writes `where a = $1 and b = $2 …` over the condition's entries, values passed through `convert`. */
function builder(convert: (value: unknown) => unknown = (v) => v, extra: unknown[] = []): (condition: unknown) => Built {
  return (condition) => {
    const entries = Object.entries(condition as Condition);
    const sql = `select * from t where ${entries.map(([k], i) => `${k} = $${i + 1}`).join(' and ')}${extra.length ? ` limit $${entries.length + 1}` : ''}`;
    return { sql, bindings: [...entries.map(([, v]) => convert(v)), ...extra] };
  };
}

function learnFrom(condition: Condition, build: (condition: unknown) => Built, extra: unknown[] = []) {
  const shapes = new StatementShapes();
  const values: unknown[] = [];
  const key = shapeKey(condition, values);
  shapes.learn(key, condition, values, extra, build(condition), build);
  return { learned: shapes.find(key), values };
}

describe('statement shapes', () => {
  it('names one shape for conditions that differ only in their values, and another when an operator, a null or a list length differs', () => {
    const key = (c: unknown) => shapeKey(c, []);
    const at = new Date('2026-01-01T00:00:00Z');
    expect(key({ tenant: 'a', createdAt: { $lt: at } })).toBe(key({ tenant: 'b', createdAt: { $lt: new Date() } }));
    expect(key({ tenant: 'a', createdAt: { $lt: at } })).not.toBe(key({ tenant: 'a', createdAt: { $lte: at } }));
    expect(key({ tenant: 'a', assignee: null })).not.toBe(key({ tenant: 'a', assignee: 'x' }));
    expect(key({ id: { $in: ['a', 'b'] } })).not.toBe(key({ id: { $in: ['a', 'b', 'c'] } }));
    expect(key({ n: 1 })).not.toBe(key({ n: '1' }));
    const values: unknown[] = [];
    shapeKey({ tenant: 't', $or: [{ createdAt: at }, { id: { $lt: 'x' } }] }, values);
    expect(values).toEqual(['t', at, 'x']);
  });

  it('learns which value fills each parameter, with the limit after them', () => {
    const { learned } = learnFrom({ b: 'two', a: 'one' }, builder(undefined, [51]), [51]);
    expect(learned).toEqual({ text: 'select * from t where b = $1 and a = $2 limit $3', slots: [0, 1] });
  });

  it('does not learn a shape whose values the builder changes (a custom type), adds to or writes into the text', () => {
    expect(learnFrom({ a: 'x' }, builder((v) => String(v).toUpperCase())).learned).toBeNull();
    const adds: (c: unknown) => Built = (c) => ({ ...builder()(c), bindings: [...builder()(c).bindings, 'tenant'] });
    expect(learnFrom({ a: 'x' }, adds).learned).toBeNull();
    // Text that depends on the value itself (here: inlined) is refused too.
    const inlines: (c: unknown) => Built = (c) => ({ sql: `select * from t where a = '${String((c as Condition).a)}'`, bindings: [] });
    expect(learnFrom({ a: 'x' }, inlines).learned).toBeNull();
    const throws = () => {
      throw new Error('builder refused the marker');
    };
    const shapes = new StatementShapes();
    shapes.learn('k', { a: 'x' }, ['x'], [], builder()({ a: 'x' }), throws);
    expect(shapes.find('k')).toBeNull();
  });
});
