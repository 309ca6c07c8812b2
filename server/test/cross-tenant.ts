import { randomBytes } from 'node:crypto';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { codeOf, type GqlResponse, type TestApp } from './harness';

/**
 * One shared checklist for tenant isolation: sign in as a caller of one tenant, take ids that
 * another tenant owns, send them down every path (reads, writes, other routes) and expect the
 * refusal, then check that nothing changed. A module's isolation test states its paths as data:
 *
 *   describeCrossTenant('tickets', {
 *     app: () => t,
 *     as: ['agent@acme.test', 'owner@acme.test'],
 *     foreign: async () => ({ ticket: globexTicketId }),
 *     unchanged: () => ticketRow(globexTicketId),
 *     reads: [{ name: 'ticket(id)', query: 'query($id: ID!) { ticket(id: $id) { id } }', variables: (c) => ({ id: c.foreign.ticket }), expect: 'NOT_FOUND' }],
 *     writes: [{ name: 'updateTicket', mutation: UPDATE, variables: (c) => ({ input: { id: c.foreign.ticket, subject: 'x' } }) }],
 *   });
 *
 * Every row becomes one real `it(...)` per caller, calling the real API through the test harness
 * against the real database. Nothing is mocked. Besides the row's own expectation, every call is
 * checked to leak nothing internal in its errors, to have written no audit row and no system
 * event under its correlation id, and to leave the spec's `unchanged` state as it was.
 */

export type Variables = Record<string, unknown>;
type MaybePromise<T> = T | Promise<T>;

/**
 * Who calls: a user by email (demo password, default tenant), the same with a tenant slug and
 * password, or a token the test already holds (read when the block starts).
 */
export type Caller = string | { email: string; tenant?: string; password?: string } | { label: string; token: () => string | undefined };

export interface CrossTenantContext<F, O = undefined> {
  t: TestApp;
  /** The caller's access token. */
  token: string;
  /** The caller's label: its email, or the label given with a token. */
  as: string;
  /** Ids (and anything else) owned by the other tenant, from `foreign`. */
  foreign: F;
  /** The caller's own ids, from `own`, for the controls. */
  own: O;
}

/**
 * What a refused call answers.
 * - `'NOT_FOUND'` (or `{ code, reason? }`): every error has that code (the first one that reason),
 *   and the value at `at` (default: every root field) is null or absent.
 * - `'null'`: no errors, and the value at `at` is null (e.g. a nested field of a shared object).
 * - `'empty'`: no errors, and the value at `at` is an empty list, or a connection with
 *   totalCount 0 and no nodes or edges.
 * - `{ nodes }`: a `nodes(ids)` answer: the given id where an entry is expected, null elsewhere,
 *   and exactly one NOT_FOUND error located at each null entry.
 * - `{ ownOnly }`: no errors, and the connection at `at` holds the caller's tenant's rows only:
 *   each node's tenant is `tenant`, no node is one of `excludes`, and totalCount is `total`.
 * - a function: custom assertions on the response.
 */
export type Expectation<F, O> =
  | 'NOT_FOUND'
  | 'null'
  | 'empty'
  | { code: string; reason?: string }
  | { nodes: (c: CrossTenantContext<F, O>) => (string | null)[] }
  | {
      ownOnly: {
        tenant?: string;
        /** How to read a node's tenant slug; default `node.tenant?.slug`. */
        tenantOf?: (node: any) => string | null | undefined;
        excludes?: (c: CrossTenantContext<F, O>) => string[];
        total?: (c: CrossTenantContext<F, O>) => MaybePromise<number>;
        /** The list must not be empty (so "every node is ours" is not vacuous). */
        nonEmpty?: boolean;
      };
    }
  | ((res: GqlResponse, c: CrossTenantContext<F, O>) => MaybePromise<void>);

export interface Control<F, O> {
  as?: 'caller' | 'owner';
  /** Default: the row's own query or mutation. */
  query?: string;
  /** Default: the row's variables. */
  variables?: (c: CrossTenantContext<F, O>) => MaybePromise<Variables>;
  expect?: (res: GqlResponse, c: CrossTenantContext<F, O>) => MaybePromise<void>;
}

interface CaseOptions<F, O> {
  /** Shown in the test name. */
  name: string;
  variables?: (c: CrossTenantContext<F, O>) => MaybePromise<Variables>;
  /** Dotted path into `data` that `expect` looks at; default: the root field(s). */
  at?: string;
  /**
   * The same path must work where the tenant allows it: sent with the caller's own ids (`as:
   * 'caller'`, the default) or by a user of the other tenant (`as: 'owner'`, see `owner`). It
   * must answer without errors, and then pass `expect` (default: a value at `at`). One or more.
   */
  control?: Control<F, O> | Control<F, O>[];
  /** Variables naming an id that does not exist: the answer must be the very same errors. */
  likeMissing?: (c: CrossTenantContext<F, O>) => MaybePromise<Variables>;
  /** State that must read the same before and after the call (on top of the spec's). */
  unchanged?: (c: CrossTenantContext<F, O>) => Promise<unknown>;
  /** More checks after the call (e.g. no audit row, no row planted). */
  then?: (res: GqlResponse, c: CrossTenantContext<F, O>) => MaybePromise<void>;
}

export interface ReadCase<F, O = undefined> extends CaseOptions<F, O> {
  query: string;
  expect: Expectation<F, O>;
}

export interface WriteCase<F, O = undefined> extends CaseOptions<F, O> {
  mutation: string;
  /** Default `'NOT_FOUND'`. */
  expect?: Expectation<F, O>;
}

/** A path that is not a GraphQL call (an HTTP route, a service function): free-form. */
export interface CheckCase<F, O = undefined> {
  name: string;
  run: (c: CrossTenantContext<F, O>) => Promise<void>;
}

export interface CrossTenantSpec<F, O> {
  /** The test app (started in the file's beforeAll). */
  app: () => TestApp;
  /** The caller(s); each gets its own describe block with every row. */
  as: Caller | Caller[];
  /** Ids owned by the other tenant; resolved once per caller, when its block starts. */
  foreign: (t: TestApp) => MaybePromise<F>;
  /** The caller's own ids, for controls (told who the caller is). */
  own?: (c: { t: TestApp; token: string; as: string }) => MaybePromise<O>;
  /** A user of the other tenant, for controls with `as: 'owner'`. */
  owner?: Caller;
  /** State that must be unchanged by every row (read, write and check). */
  unchanged?: (c: CrossTenantContext<F, O>) => Promise<unknown>;
  /** Strings that must appear in no refused response (data or errors), e.g. a foreign subject's name. */
  secrets?: string[];
  reads?: ReadCase<F, O>[];
  writes?: WriteCase<F, O>[];
  checks?: CheckCase<F, O>[];
}

function labelOf(caller: Caller): string {
  if (typeof caller === 'string') return caller;
  if ('label' in caller) return caller.label;
  return caller.tenant ? `${caller.email} in ${caller.tenant}` : caller.email;
}

async function tokenOf(t: TestApp, caller: Caller): Promise<string> {
  if (typeof caller === 'string') return (await t.login(caller)).accessToken;
  if ('label' in caller) {
    const token = caller.token();
    if (!token) throw new Error(`no token for ${caller.label}`);
    return token;
  }
  return (await t.login(caller.email, caller.tenant, caller.password)).accessToken;
}

/** Response keys of the operation's root fields (aliases win). */
export function rootFields(document: string): string[] {
  const op = parse(document).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op) throw new Error('no operation in document');
  return op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : []));
}

function valueAt(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (value === null || value === undefined) return value;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The paths an expectation looks at: `at`, or every root field. */
function pathsOf(document: string, at: string | undefined): string[] {
  return at ? [at] : rootFields(document);
}

const describeErrors = (res: GqlResponse) => (res.errors ?? []).map((e) => ({ code: e.extensions.code, path: e.path, message: e.message }));

async function assertExpectation<F, O>(document: string, at: string | undefined, expectation: Expectation<F, O>, res: GqlResponse, c: CrossTenantContext<F, O>): Promise<void> {
  if (typeof expectation === 'function') {
    await expectation(res, c);
    return;
  }
  const paths = pathsOf(document, at);
  if (expectation === 'NOT_FOUND' || (typeof expectation === 'object' && 'code' in expectation)) {
    const { code, reason } = expectation === 'NOT_FOUND' ? { code: 'NOT_FOUND', reason: undefined } : expectation;
    expect(res.errors?.length ?? 0).toBeGreaterThan(0);
    expect(codeOf(res)).toBe(code);
    expect(describeErrors(res).map((e) => e.code)).toEqual(describeErrors(res).map(() => code));
    if (reason !== undefined) expect(res.errors?.[0]?.extensions.reason).toBe(reason);
    for (const path of paths) expect({ path, value: valueAt(res.data, path) ?? null }).toEqual({ path, value: null });
    return;
  }
  if (expectation === 'null') {
    expect(describeErrors(res)).toEqual([]);
    for (const path of paths) expect({ path, value: valueAt(res.data, path) }).toEqual({ path, value: null });
    return;
  }
  if (expectation === 'empty') {
    expect(describeErrors(res)).toEqual([]);
    for (const path of paths) {
      const value = valueAt(res.data, path);
      if (Array.isArray(value)) {
        expect({ path, value }).toEqual({ path, value: [] });
        continue;
      }
      expect(value).toEqual(expect.any(Object));
      const connection = value as Record<string, unknown>;
      const keys = ['totalCount', 'nodes', 'edges'].filter((k) => k in connection);
      expect({ path, keys: keys.length > 0 }).toEqual({ path, keys: true });
      const empty = { totalCount: 0, nodes: [], edges: [] };
      for (const k of keys) expect({ path, [k]: connection[k] }).toEqual({ path, [k]: empty[k as keyof typeof empty] });
    }
    return;
  }
  if ('nodes' in expectation) {
    const expected = expectation.nodes(c);
    const [field] = paths;
    if (!field) throw new Error('nodes expectation needs a root field');
    const nodes = valueAt(res.data, field) as ({ id: string } | null)[] | null | undefined;
    expect((nodes ?? undefined)?.map((n) => n?.id ?? null)).toEqual(expected);
    const located = describeErrors(res).map((e) => [e.code, e.path]);
    const wanted = expected.flatMap((id, i) => (id === null ? [['NOT_FOUND', [field, i]]] : []));
    expect(located).toEqual(wanted);
    return;
  }
  const { tenant, tenantOf = (n: { tenant?: { slug?: string } | null }) => n.tenant?.slug, excludes, total, nonEmpty } = expectation.ownOnly;
  type Node = { id?: string; tenant?: { slug?: string } | null };
  expect(describeErrors(res)).toEqual([]);
  for (const path of paths) {
    const connection = valueAt(res.data, path) as { totalCount?: number; nodes?: Node[] } | null | undefined;
    const nodes = connection?.nodes;
    expect(Array.isArray(nodes)).toBe(true);
    if (!nodes) continue;
    if (nonEmpty) expect(nodes.length).toBeGreaterThan(0);
    if (tenant !== undefined) expect(nodes.filter((n) => tenantOf(n) !== tenant)).toEqual([]);
    if (excludes) {
      const ids = nodes.map((n) => n.id);
      for (const id of excludes(c)) expect(ids).not.toContain(id);
    }
    if (total) expect(connection?.totalCount).toBe(await total(c));
  }
}

/** Rows written under a request's correlation id: a refused call must write none. */
async function writtenUnder(t: TestApp, correlationId: string): Promise<{ auditRows: number; events: number }> {
  return {
    auditRows: await t.count('select count(*) as n from audit_logs where correlation_id = ?', [correlationId]),
    events: await t.count('select count(*) as n from system_events where correlation_id = ?', [correlationId]),
  };
}

/** A refusal names nothing internal (stack, SQL) nor any of the spec's secrets. */
function assertNothingLeaks(res: GqlResponse, secrets: string[] = []): void {
  const errors = JSON.stringify(res.errors ?? []).toLowerCase();
  for (const marker of ['stack', 'select ', 'at /']) expect(errors).not.toContain(marker);
  const text = JSON.stringify({ data: res.data, errors: res.errors });
  for (const secret of secrets) expect(text).not.toContain(secret);
}

type Row<F, O> = { kind: 'read'; row: ReadCase<F, O> } | { kind: 'write'; row: WriteCase<F, O> } | { kind: 'check'; row: CheckCase<F, O> };

function caseName<F, O>(r: Row<F, O>): string {
  if (r.kind === 'check') return r.row.name;
  const expectation = r.kind === 'read' ? r.row.expect : (r.row.expect ?? 'NOT_FOUND');
  const said =
    typeof expectation === 'string'
      ? expectation
      : typeof expectation === 'function'
        ? null
        : 'code' in expectation
          ? expectation.code
          : 'nodes' in expectation
            ? 'NOT_FOUND in nodes'
            : 'own rows only';
  return said ? `${r.row.name}: ${said}` : r.row.name;
}

/**
 * Declares the cross-tenant cases: one describe per caller, one `it` per row. Reads and writes
 * are GraphQL calls with the caller's token; `unchanged` (spec and row) is read before and after
 * each row and must be equal; `control` runs the same path where it is allowed, so a refusal is
 * the tenant's doing and not a broken query.
 */
export function describeCrossTenant<F, O = undefined>(name: string, spec: CrossTenantSpec<F, O>): void {
  const callers = Array.isArray(spec.as) ? spec.as : [spec.as];
  const rows: Row<F, O>[] = [
    ...(spec.reads ?? []).map((row) => ({ kind: 'read' as const, row })),
    ...(spec.writes ?? []).map((row) => ({ kind: 'write' as const, row })),
    ...(spec.checks ?? []).map((row) => ({ kind: 'check' as const, row })),
  ];
  if (rows.length === 0) throw new Error(`describeCrossTenant(${name}): no rows`);

  for (const caller of callers) {
    describe(`${name}, as ${labelOf(caller)}`, () => {
      let c: CrossTenantContext<F, O>;
      let ownerToken: string | undefined;

      beforeAll(async () => {
        const t = spec.app();
        const token = await tokenOf(t, caller);
        const as = labelOf(caller);
        c = { t, token, as, foreign: await spec.foreign(t), own: (spec.own ? await spec.own({ t, token, as }) : undefined) as O };
        if (spec.owner) ownerToken = await tokenOf(t, spec.owner);
      });

      const snapshot = async (row: CaseOptions<F, O> | CheckCase<F, O>) => ({
        spec: spec.unchanged ? await spec.unchanged(c) : null,
        row: 'unchanged' in row && row.unchanged ? await row.unchanged(c) : null,
      });

      for (const r of rows) {
        it(caseName(r), async () => {
          const before = await snapshot(r.row);
          if (r.kind === 'check') {
            await r.row.run(c);
            expect(await snapshot(r.row)).toEqual(before);
            return;
          }
          const row = r.row;
          const document = r.kind === 'read' ? r.row.query : r.row.mutation;
          const expectation = r.kind === 'read' ? r.row.expect : (r.row.expect ?? 'NOT_FOUND');
          const variables = row.variables ? await row.variables(c) : {};
          const correlationId = `cross-tenant-${randomBytes(8).toString('hex')}`;
          const res = await c.t.gql(document, variables, { token: c.token, headers: { 'X-Correlation-Id': correlationId } });
          await assertExpectation(document, row.at, expectation, res, c);
          assertNothingLeaks(res, spec.secrets);
          expect(await writtenUnder(c.t, correlationId)).toEqual({ auditRows: 0, events: 0 });
          if (row.likeMissing) {
            const missing = await c.t.gql(document, await row.likeMissing(c), { token: c.token });
            assertNothingLeaks(missing, spec.secrets);
            expect(describeErrors(missing).map((e) => [e.code, e.message])).toEqual(describeErrors(res).map((e) => [e.code, e.message]));
          }
          if (row.then) await row.then(res, c);
          expect(await snapshot(row)).toEqual(before);

          for (const control of [row.control ?? []].flat()) {
            const { as = 'caller', query = document, variables: controlVariables, expect: controlExpect } = control;
            if (as === 'owner' && !ownerToken) throw new Error(`${row.name}: a control as the owner needs spec.owner`);
            const token = as === 'owner' ? (ownerToken as string) : c.token;
            const ok = await c.t.gql(query, controlVariables ? await controlVariables(c) : variables, { token });
            expect(describeErrors(ok)).toEqual([]);
            if (controlExpect) await controlExpect(ok, c);
            else for (const path of pathsOf(query, row.at)) expect(valueAt(ok.data, path) ?? null).not.toBeNull();
          }
        });
      }
    });
  }
}
