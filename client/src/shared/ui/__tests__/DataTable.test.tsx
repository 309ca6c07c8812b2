import { CombinedGraphQLErrors } from '@apollo/client';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { type Column, DataTable, type PageInfoLike } from '../DataTable';
import { useListParams } from '../useListParams';

interface Row {
  id: string;
  name: string;
}
type Sort = 'name' | 'createdAt';

const columns: Column<Row, Sort>[] = [
  { id: 'name', header: 'Name', render: (r) => r.name, sortField: 'name' },
  { id: 'plain', header: 'Plain', render: (r) => `#${r.id}` },
];
const SORT_FIELDS: readonly Sort[] = ['name', 'createdAt'];
const DEFAULT_SORT = { field: 'createdAt', direction: 'desc' } as const;
const FILTER_KEYS = ['status'] as const;

interface State {
  rows?: Row[];
  loading?: boolean;
  error?: Error | null;
  pageInfo?: PageInfoLike;
  totalCount?: number;
}

let lastVariables: unknown;

function Harness({ state, onRetry }: { state: State; onRetry: () => void }) {
  const params = useListParams<Sort, (typeof FILTER_KEYS)[number]>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS });
  const location = useLocation();
  lastVariables = { page: params.page, sort: params.sort, filters: params.filters };
  return (
    <>
      <output data-testid="search">{location.search}</output>
      <button onClick={() => params.setFilter('status', ['OPEN'])}>filter open</button>
      <button
        onClick={() => {
          // Two changes before the next render: both must land.
          params.clearFilters();
          params.setFilter('status', ['PENDING']);
        }}
      >
        clear then pending
      </button>
      <DataTable
        label="Things"
        columns={columns}
        rows={state.rows}
        rowKey={(r) => r.id}
        loading={state.loading ?? false}
        error={state.error}
        onRetry={onRetry}
        params={params}
        pageInfo={state.pageInfo}
        totalCount={state.totalCount}
        empty={{ title: 'Nothing here yet', action: <button>Create one</button> }}
      />
    </>
  );
}

function setup(state: State, url = '/things') {
  const onRetry = jest.fn();
  const router = createMemoryRouter([{ path: '/things', element: <Harness state={state} onRetry={onRetry} /> }], { initialEntries: [url] });
  const utils = render(<RouterProvider router={router} />);
  const search = () => screen.getByTestId('search').textContent ?? '';
  return { ...utils, router, onRetry, search, user: userEvent.setup() };
}

const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: String(i + 1), name: `Row ${i + 1}` }));
const middlePage: PageInfoLike = { hasNextPage: true, hasPreviousPage: true, startCursor: 'c-start', endCursor: 'c-end' };

describe('DataTable', () => {
  it('shows skeleton rows while the first page loads', () => {
    setup({ loading: true });
    expect(screen.getByRole('table', { name: 'Things' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getAllByTestId('skeleton-row')).toHaveLength(8);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('shows the rows and the total once loaded', () => {
    setup({ rows: rows(3), totalCount: 3, pageInfo: { hasNextPage: false, hasPreviousPage: false } });
    const table = screen.getByRole('table', { name: 'Things' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByText('Row 2')).toBeInTheDocument();
    expect(screen.getByText('3 results')).toBeInTheDocument();
    expect(screen.queryByTestId('skeleton-row')).not.toBeInTheDocument();
  });

  it('shows the empty state with its action when there are no rows', () => {
    setup({ rows: [], totalCount: 0 });
    expect(screen.getByText('Nothing here yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create one' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the server’s message on error and retries on request', async () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'This needs the ticket:read permission.', extensions: { code: 'FORBIDDEN' } }] });
    const { onRetry, user } = setup({ error });
    expect(screen.getByRole('alert')).toHaveTextContent('This needs the ticket:read permission.');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('says plainly when the network failed', () => {
    setup({ error: new TypeError('Failed to fetch') });
    expect(screen.getByRole('alert')).toHaveTextContent('We could not reach Atrium');
  });

  it('pages forward and back with cursors kept in the URL', async () => {
    const { search, user } = setup({ rows: rows(2), pageInfo: middlePage });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(search()).toBe('?after=c-end');
    expect(lastVariables).toMatchObject({ page: { first: 25, after: 'c-end' } });
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(search()).toBe('?before=c-start');
    expect(lastVariables).toMatchObject({ page: { last: 25, before: 'c-start' } });
  });

  it('disables the buttons the page info rules out', () => {
    setup({ rows: rows(2), pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: 'a', endCursor: 'b' } });
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('changes the page size in the URL and goes back to the first page', async () => {
    const { search, user } = setup({ rows: rows(2), pageInfo: middlePage }, '/things?after=c-1');
    await user.click(screen.getByRole('combobox', { name: /Rows per page/ }));
    await user.click(screen.getByRole('option', { name: '50' }));
    expect(search()).toBe('?size=50');
    expect(lastVariables).toMatchObject({ page: { first: 50 } });
  });

  it('sorts by a column through the URL: descending first, then ascending', async () => {
    const { search, user } = setup({ rows: rows(2), pageInfo: middlePage }, '/things?after=c-1');
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(search()).toBe('?sort=name.desc');
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(search()).toBe('?sort=name.asc');
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.queryByRole('button', { name: 'Plain' })).not.toBeInTheDocument();
  });

  it('reads sort, size, cursor and filters back from a shared link', async () => {
    const { search, user } = setup({ rows: rows(1), pageInfo: middlePage }, '/things?sort=name.asc&size=10&before=c-9&status=OPEN,PENDING');
    expect(lastVariables).toEqual({ page: { last: 10, before: 'c-9' }, sort: { field: 'name', direction: 'asc' }, filters: { status: ['OPEN', 'PENDING'] } });
    // A filter change starts again from the first page.
    await user.click(screen.getByRole('button', { name: 'filter open' }));
    expect(search()).toBe('?sort=name.asc&size=10&status=OPEN');
  });

  it('keeps both of two changes made before the next render', async () => {
    const { search, user } = setup({ rows: rows(1) }, '/things?q=invoice&status=OPEN');
    await user.click(screen.getByRole('button', { name: 'clear then pending' }));
    expect(search()).toBe('?status=PENDING');
  });

  it('ignores sort fields and sizes it does not know', () => {
    setup({ rows: rows(1) }, '/things?sort=password.asc&size=5000');
    expect(lastVariables).toMatchObject({ page: { first: 25 }, sort: { field: 'createdAt', direction: 'desc' } });
  });
});
