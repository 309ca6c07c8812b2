import {
  type CreateParams,
  type CreateResult,
  type GetListParams,
  type GetListResult,
  type GetManyParams,
  type GetManyReferenceParams,
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
 * One resource's data provider, typed for its own records. The composed react-admin
 * DataProvider dispatches to these by resource name; operations a resource lacks are refused.
 */
export interface ResourceProvider<R extends RaRecord> {
  getList(params: GetListParams): Promise<GetListResult<R>>;
  getOne(params: GetOneParams): Promise<GetOneResult<R>>;
  getMany(params: GetManyParams): Promise<GetManyResult<R>>;
  getManyReference(params: GetManyReferenceParams): Promise<GetListResult<R>>;
  update?(params: UpdateParams<R>): Promise<UpdateResult<R>>;
  create?(params: CreateParams<Partial<R>>): Promise<CreateResult<R>>;
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
