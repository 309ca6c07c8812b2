import {
  type CreateParams,
  type CreateResult,
  type DeleteParams,
  type DeleteResult,
  type GetListParams,
  type GetListResult,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetManyReferenceResult,
  type GetManyResult,
  type GetOneParams,
  type GetOneResult,
  HttpError,
  type PaginationPayload,
  type RaRecord,
  type SortPayload,
  type UpdateParams,
  type UpdateResult,
} from 'ra-core';

/** The API's page size limit for every connection. */
export const MAX_PAGE_SIZE = 100;

/**
 * One resource's data provider, typed for its own records: every react-admin operation, so the
 * composed DataProvider only dispatches by resource name. Built by createResourceProvider, which
 * gives every resource the same paging, not-found answer and refusals; `supports` says which
 * optional operations the resource really offers (its descriptor's views must agree).
 */
export interface ResourceProvider<R extends RaRecord> {
  readonly supports: { readonly reference: boolean; readonly update: boolean; readonly create: boolean };
  getList(params: GetListParams): Promise<GetListResult<R>>;
  getOne(params: GetOneParams): Promise<GetOneResult<R>>;
  getMany(params: GetManyParams): Promise<GetManyResult<R>>;
  getManyReference(params: GetManyReferenceParams): Promise<GetManyReferenceResult<R>>;
  update(params: UpdateParams<R>): Promise<UpdateResult<R>>;
  create(params: CreateParams<Partial<R>>): Promise<CreateResult<R>>;
  delete(params: DeleteParams<R>): Promise<DeleteResult<R>>;
}

/** One list request as a resource reads it: the API's offset page, react-admin's sort and filter form. */
export interface ListQuery {
  page: { first: number; offset: number };
  sort: SortPayload | undefined;
  filter: Record<string, unknown>;
  signal: AbortSignal | undefined;
}

/** One edit as a resource saves it: what the form sent and the record it loaded. */
export interface RecordChange<R extends RaRecord> {
  id: string;
  data: Partial<R>;
  previousData: R;
}

/**
 * What a resource writes itself, against its generated documents (through runQuery and
 * runMutation, which map the API's errors); createResourceProvider does the rest.
 */
export interface ResourceSpec<R extends RaRecord> {
  /** What one record and several are called in messages ("Ticket not found.", "Tickets cannot be ..."). */
  label: { one: string; many: string };
  list(query: ListQuery): Promise<GetListResult<R>>;
  /** The record, or null when the API has none the caller may see (answered as HttpError 404). */
  one(id: string, signal: AbortSignal | undefined): Promise<R | null>;
  /** The records of these ids the caller may see, leaving out the others (never called with none). */
  many(ids: string[], signal: AbortSignal | undefined): Promise<R[]>;
  /** Filter keys of `list` that react-admin may list by reference; without them, getManyReference is refused. */
  referenceTargets?: readonly string[];
  /** Saves an edit and returns the saved record (`previousData` itself when nothing changed). Without it, edits are refused. */
  update?(change: RecordChange<R>): Promise<R>;
  /** Creates a record. Without it, creating is refused. */
  create?(data: Partial<R>): Promise<R>;
}

/**
 * The one skeleton of every resource provider: react-admin's page as `first`/`offset`, a missing
 * record as HttpError 404 (code NOT_FOUND), getMany of no ids without a request, getManyReference
 * as a filtered list, and HttpError 405 for whatever the resource does not offer (deleting always).
 */
export function createResourceProvider<R extends RaRecord>(spec: ResourceSpec<R>): ResourceProvider<R> {
  const { one, many } = spec.label;
  const getList = ({ pagination, sort, filter, signal }: GetListParams): Promise<GetListResult<R>> =>
    spec.list({ page: offsetPageOf(pagination), sort, filter: { ...(filter as Record<string, unknown> | undefined) }, signal });
  return {
    supports: { reference: spec.referenceTargets !== undefined, update: spec.update !== undefined, create: spec.create !== undefined },
    getList,
    async getOne({ id, signal }) {
      const record = await spec.one(String(id), signal);
      if (!record) throw new HttpError(`${one} not found.`, 404, { code: 'NOT_FOUND' });
      return { data: record };
    },
    async getMany({ ids, signal }) {
      if (!ids.length) return { data: [] };
      return { data: await spec.many(ids.map(String), signal) };
    },
    async getManyReference(params) {
      if (!spec.referenceTargets) return unsupported(`${many} are not listed by reference.`);
      return getList(referenceFilterOf(params, spec.referenceTargets));
    },
    async update({ id, data, previousData }) {
      if (!spec.update) return unsupported(`${many} cannot be edited here.`);
      return { data: await spec.update({ id: String(id), data, previousData }) };
    },
    async create({ data }) {
      if (!spec.create) return unsupported(`${many} cannot be created here.`);
      return { data: await spec.create(data) };
    },
    delete() {
      return unsupported(`${many} cannot be deleted from the back office.`);
    },
  };
}

/** A `node` answer as a record when it has the resource's type, else null (another type is not found). */
export function nodeOfType<N extends { __typename: string }, T extends N['__typename'], R>(
  node: N | null | undefined,
  typename: T,
  toRecord: (node: Extract<N, { __typename: T }>) => R,
): R | null {
  // The check above the cast is what narrows the union; TypeScript cannot narrow a generic.
  return node?.__typename === typename ? toRecord(node as Extract<N, { __typename: T }>) : null;
}

/** A `nodes` answer as the records of the resource's type; null entries are ids the caller cannot see. */
export function nodesOfType<N extends { __typename: string }, T extends N['__typename'], R>(
  nodes: readonly (N | null)[],
  typename: T,
  toRecord: (node: Extract<N, { __typename: T }>) => R,
): R[] {
  return nodes.flatMap((n) => {
    const record = nodeOfType(n, typename, toRecord);
    return record === null ? [] : [record];
  });
}

/**
 * react-admin's sort as an API `orderBy`. `fields` maps the list's sortable columns to the API's
 * order fields; any other column (or none) falls back to the list's default order.
 */
export function orderOf<M extends Readonly<Record<string, string>>>(
  sort: SortPayload | undefined,
  fields: M,
  fallback: { field: M[keyof M]; direction: 'ASC' | 'DESC' },
): { field: M[keyof M]; direction: 'ASC' | 'DESC' } {
  if (!sort || !Object.hasOwn(fields, sort.field)) return { ...fallback };
  return { field: fields[sort.field as keyof M], direction: sort.order === 'ASC' ? 'ASC' : 'DESC' };
}

/** react-admin's page (1-based page, perPage) as the API's offset page (`first` + `offset`). */
export function offsetPageOf(pagination: PaginationPayload | undefined): { first: number; offset: number } {
  const perPage = Math.min(Math.max(Math.trunc(pagination?.perPage ?? 25), 1), MAX_PAGE_SIZE);
  const page = Math.max(Math.trunc(pagination?.page ?? 1), 1);
  return { first: perPage, offset: (page - 1) * perPage };
}

/** A connection page as react-admin's list result. */
export function listResultOf<N, R extends RaRecord>(connection: { totalCount: number; nodes: N[] }, toRecord: (node: N) => R): GetListResult<R> {
  return { data: connection.nodes.map(toRecord), total: connection.totalCount };
}

/** A trimmed, non-empty string filter value, else undefined (empty inputs do not filter). */
export function textFilter(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** One value or many (a select or a multi-select) as a non-empty list of allowed values. */
export function listFilter<T extends string>(value: unknown, allowed: readonly T[]): T[] | undefined {
  const values = (Array.isArray(value) ? (value as unknown[]) : [value]).filter((v): v is T => typeof v === 'string' && (allowed as readonly string[]).includes(v));
  return values.length ? [...new Set(values)] : undefined;
}

/** Drops undefined entries so variables say only what the user chose. */
export function compact<T extends Record<string, unknown>>(value: T): T | undefined {
  const out = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(out).length ? out : undefined;
}

/** A refusal for operations a resource does not offer (react-admin shows the message). */
export function unsupported(what: string): Promise<never> {
  return Promise.reject(new HttpError(what, 405, { code: 'UNSUPPORTED' }));
}

/** getManyReference as a filtered list: `target` is one of the list's filter keys. */
export function referenceFilterOf(params: GetManyReferenceParams, targets: readonly string[]): GetListParams {
  if (!targets.includes(params.target)) throw new HttpError(`Cannot list by "${params.target}".`, 400, { code: 'BAD_USER_INPUT' });
  return { pagination: params.pagination, sort: params.sort, filter: { ...(params.filter as Record<string, unknown>), [params.target]: String(params.id) }, signal: params.signal };
}
