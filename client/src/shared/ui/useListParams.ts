import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

export type SortDirection = 'asc' | 'desc';
export interface SortState<F extends string = string> {
  field: F;
  direction: SortDirection;
}

export interface ListParamsOptions<F extends string, K extends string> {
  sortFields: readonly F[];
  defaultSort: SortState<F>;
  /** URL keys holding comma-separated filter values (e.g. status=OPEN,PENDING). */
  filterKeys: readonly K[];
  defaultSize?: number;
  pageSizes?: readonly number[];
}

export interface PageVariables {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

export interface ListParams<F extends string = string, K extends string = string> {
  sort: SortState<F>;
  size: number;
  pageSizes: readonly number[];
  filters: Record<K, string[]>;
  /** Free-text search (URL key `q`). */
  q: string;
  hasFilters: boolean;
  /** What to send as first/after or last/before. */
  page: PageVariables;
  isFirstPage: boolean;
  setSort: (field: F) => void;
  setSize: (size: number) => void;
  setFilter: (key: K, values: string[]) => void;
  setQuery: (q: string) => void;
  clearFilters: () => void;
  next: (endCursor: string) => void;
  previous: (startCursor: string) => void;
  first: () => void;
}

/**
 * List state kept in the URL (sort, page size, cursor, filters), so a reload or a shared link
 * shows the same page. Changing a filter, the sort or the size goes back to the first page.
 */
export function useListParams<F extends string, K extends string>(options: ListParamsOptions<F, K>): ListParams<F, K> {
  const [search, setSearch] = useSearchParams();
  const { sortFields, defaultSort, filterKeys } = options;
  const pageSizes = useMemo(() => options.pageSizes ?? [10, 25, 50, 100], [options.pageSizes]);
  const defaultSize = options.defaultSize ?? 25;

  // The router's `prev` is the URL of the last render: two changes before the next render
  // (clear the filters, then pick a status) would lose the first. This ref holds the newest.
  const latest = useRef(search);
  latest.current = search;

  const update = useCallback(
    (change: (next: URLSearchParams) => void, resetPage = true) => {
      const next = new URLSearchParams(latest.current);
      change(next);
      if (resetPage) {
        next.delete('after');
        next.delete('before');
      }
      latest.current = next;
      setSearch(next, { replace: false });
    },
    [setSearch],
  );

  return useMemo(() => {
    const [rawField, rawDir] = (search.get('sort') ?? '').split('.');
    const known = sortFields.find((f) => f === rawField);
    // An unknown field (an old or crafted link) falls back to the default sort as a whole.
    const field = known ?? defaultSort.field;
    const direction: SortDirection = known && (rawDir === 'asc' || rawDir === 'desc') ? rawDir : known ? 'desc' : defaultSort.direction;
    const rawSize = Number(search.get('size'));
    const size = pageSizes.includes(rawSize) ? rawSize : defaultSize;
    const filters = Object.fromEntries(
      filterKeys.map((k) => [
        k,
        (search.get(k) ?? '')
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      ]),
    ) as Record<K, string[]>;
    const q = search.get('q') ?? '';
    const after = search.get('after') ?? undefined;
    const before = search.get('before') ?? undefined;
    const page: PageVariables = after ? { first: size, after } : before ? { last: size, before } : { first: size };

    return {
      sort: { field, direction },
      size,
      pageSizes,
      filters,
      q,
      hasFilters: Boolean(q) || filterKeys.some((k) => filters[k].length > 0),
      page,
      isFirstPage: !after && !before,
      setSort: (f: F) =>
        update((next) => {
          const dir: SortDirection = f === field ? (direction === 'asc' ? 'desc' : 'asc') : 'desc';
          if (f === defaultSort.field && dir === defaultSort.direction) next.delete('sort');
          else next.set('sort', `${f}.${dir}`);
        }),
      setSize: (n: number) =>
        update((next) => {
          if (n === defaultSize) next.delete('size');
          else next.set('size', String(n));
        }),
      setFilter: (key: K, values: string[]) =>
        update((next) => {
          if (values.length) next.set(key, values.join(','));
          else next.delete(key);
        }),
      setQuery: (value: string) =>
        update((next) => {
          if (value.trim()) next.set('q', value.trim());
          else next.delete('q');
        }),
      clearFilters: () =>
        update((next) => {
          for (const k of filterKeys) next.delete(k);
          next.delete('q');
        }),
      next: (cursor: string) =>
        update((next) => {
          next.delete('before');
          next.set('after', cursor);
        }, false),
      previous: (cursor: string) =>
        update((next) => {
          next.delete('after');
          next.set('before', cursor);
        }, false),
      first: () => update(() => undefined),
    };
  }, [search, sortFields, defaultSort, filterKeys, pageSizes, defaultSize, update]);
}
