import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { MemoryRouter } from 'react-router';
import type { DashboardWidgetFieldsFragment } from '../../../../gql/graphql';
import { DashboardGrid } from '../components/DashboardGrid';
import { MOVE_WIDGET as MOVE } from '../hooks/useDashboardMutations';

/*
 * The grid with react-grid-layout and Apollo for real; only the network answers are mocked
 * (MockedProvider). jsdom lays nothing out, so the test gives the container a width and reports
 * each grid item's box from the position react-grid-layout gave it.
 */


const WIDTH = 1200;
const GAP = 16;
const ROW = 64;
const COL = (WIDTH - 11 * GAP) / 12;

function widget(id: string, title: string, type: DashboardWidgetFieldsFragment['type'], place: { x: number; y: number; w: number; h: number }, personal = false): DashboardWidgetFieldsFragment {
  return {
    __typename: 'DashboardWidget',
    id,
    type,
    title,
    ...place,
    personal,
    config: {},
    data: {
      __typename: 'WidgetData',
      total: 3,
      points: [
        { __typename: 'WidgetPoint', key: 'kyc.submitted', label: 'Submitted, waiting for review', value: 1, limit: null },
        { __typename: 'WidgetPoint', key: 'kyc.in_review', label: 'In review', value: 2, limit: null },
      ],
    },
  } as unknown as DashboardWidgetFieldsFragment;
}

const TICKETS = widget('W1', 'Open tickets', 'KYC_AWAITING_ACTION', { x: 0, y: 0, w: 6, h: 4 });
const QUOTA = widget('W2', 'Quota usage', 'KYC_AWAITING_ACTION', { x: 6, y: 0, w: 6, h: 4 });
const MINE = widget('W3', 'My checks', 'KYC_AWAITING_ACTION', { x: 0, y: 4, w: 12, h: 3 }, true);

const restore: (() => void)[] = [];
function stub<T extends object>(proto: T, key: string, descriptor: PropertyDescriptor) {
  const before = Object.getOwnPropertyDescriptor(proto, key);
  Object.defineProperty(proto, key, { configurable: true, ...descriptor });
  restore.push(() => (before ? Object.defineProperty(proto, key, before) : delete (proto as Record<string, unknown>)[key]));
}

beforeEach(() => {
  // The container's width, and each element's box from its inline position (what a browser computes).
  stub(HTMLElement.prototype, 'clientWidth', { get: () => WIDTH });
  stub(HTMLElement.prototype, 'offsetParent', {
    get(this: HTMLElement) {
      return this.parentElement;
    },
  });
  stub(HTMLElement.prototype, 'getBoundingClientRect', {
    value(this: HTMLElement) {
      const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(this.style.transform);
      const left = m ? Number(m[1]) : 0;
      const top = m ? Number(m[2]) : 0;
      const width = parseFloat(this.style.width) || 0;
      const height = parseFloat(this.style.height) || 0;
      return { left, top, x: left, y: top, width, height, right: left + width, bottom: top + height, toJSON: () => ({}) };
    },
  });
});
afterEach(() => {
  while (restore.length) restore.pop()?.();
});

const cellOf = (title: string) => {
  const cell = screen.getByRole('heading', { name: title }).closest('.react-grid-item');
  if (!(cell instanceof HTMLElement)) throw new Error(`no grid item for ${title}`);
  return cell;
};
const pixelsOf = (place: { x: number; y: number; w: number; h: number }) => ({
  transform: `translate(${Math.round(place.x * (COL + GAP))}px,${Math.round(place.y * (ROW + GAP))}px)`,
  width: `${Math.round(place.w * COL + (place.w - 1) * GAP)}px`,
  height: `${place.h * ROW + (place.h - 1) * GAP}px`,
});
const boxOf = (cell: HTMLElement) => ({ transform: cell.style.transform.replace(/\s/g, ''), width: cell.style.width, height: cell.style.height });

function renderGrid(
  mocks: MockedProviderMocks,
  canArrange: (w: DashboardWidgetFieldsFragment) => boolean = () => true,
  extra: { widgets?: DashboardWidgetFieldsFragment[]; errors?: Record<string, string>; onRetry?: () => void } = {},
) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter>
        <DashboardGrid
          widgets={extra.widgets ?? [TICKETS, QUOTA, MINE]}
          errors={extra.errors}
          columns={12}
          canArrange={canArrange}
          onRetry={extra.onRetry ?? (() => undefined)}
          onEdit={() => undefined}
          onRemove={() => undefined}
        />
      </MemoryRouter>
    </MockedProvider>,
  );
}
type MockedProviderMocks = React.ComponentProps<typeof MockedProvider>['mocks'];

/** A drag of the widget's header by (dx, dy) pixels with the mouse. */
function dragHeader(title: string, dx: number, dy: number) {
  const handle = cellOf(title).querySelector('.widget-drag-handle');
  if (!(handle instanceof HTMLElement)) throw new Error(`${title} has no drag handle`);
  fireEvent.mouseDown(handle, { button: 0, clientX: 10, clientY: 10 });
  fireEvent.mouseMove(document, { clientX: 10 + dx / 2, clientY: 10 + dy / 2 });
  fireEvent.mouseMove(document, { clientX: 10 + dx, clientY: 10 + dy });
  fireEvent.mouseUp(document, { clientX: 10 + dx, clientY: 10 + dy });
}

describe('DashboardGrid', () => {
  it('renders each widget at its saved place on the 12-column grid', async () => {
    renderGrid([]);
    await screen.findByRole('heading', { name: 'Open tickets' });
    expect(boxOf(cellOf('Open tickets'))).toEqual(pixelsOf(TICKETS));
    expect(boxOf(cellOf('Quota usage'))).toEqual(pixelsOf(QUOTA));
    expect(boxOf(cellOf('My checks'))).toEqual(pixelsOf(MINE));
    expect(within(cellOf('My checks')).getByText('Only you')).toBeInTheDocument();
    expect(within(cellOf('Open tickets')).getByText('Submitted, waiting for review')).toBeInTheDocument();
  });

  it('a move the server refuses shows its message and puts the widget back', async () => {
    const refusal = 'That place overlaps "Quota usage" (columns 6–11, rows 0–3); choose a free one.';
    let asked = 0;
    renderGrid([
      {
        request: { query: MOVE, variables: { input: { id: 'W3', x: 0, y: 2, w: 12, h: 3 } } },
        result: () => {
          asked += 1;
          return { errors: [new GraphQLError(refusal, { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'y', message: refusal }] } })] };
        },
      },
    ]);
    await screen.findByRole('heading', { name: 'My checks' });
    // Two rows up, onto the others.
    dragHeader('My checks', 0, -2 * (ROW + GAP));
    expect(await screen.findByRole('alert')).toHaveTextContent(`“My checks” was not moved: ${refusal}`);
    expect(asked).toBe(1);
    await waitFor(() => expect(boxOf(cellOf('My checks'))).toEqual(pixelsOf(MINE)));
    expect(boxOf(cellOf('Open tickets'))).toEqual(pixelsOf(TICKETS));
  });

  it('widgets the role may not arrange have no drag handle, resize corner or actions', async () => {
    renderGrid([], (w) => w.personal);
    await screen.findByRole('heading', { name: 'Open tickets' });
    expect(cellOf('Open tickets').querySelector('.widget-drag-handle')).toBeNull();
    // react-grid-layout keeps the corner in the DOM and hides it with this class.
    expect(cellOf('Open tickets')).toHaveClass('react-resizable-hide');
    expect(cellOf('My checks')).not.toHaveClass('react-resizable-hide');
    expect(within(cellOf('Open tickets')).queryByRole('button', { name: /Actions for/ })).toBeNull();
    expect(cellOf('My checks').querySelector('.widget-drag-handle')).not.toBeNull();
    expect(cellOf('My checks').querySelector('.react-resizable-handle')).not.toBeNull();
    expect(within(cellOf('My checks')).getByRole('button', { name: 'Actions for My checks' })).toBeInTheDocument();
  });

  it('each widget has its own state: a failed one offers a retry, one without the permission says so, an empty one says so', async () => {
    const onRetry = jest.fn();
    const hidden = { ...QUOTA, data: null };
    const empty = { ...MINE, type: 'ACTIVE_INCIDENTS' as const, data: { __typename: 'WidgetData' as const, total: 0, points: [] } };
    renderGrid([], () => true, { widgets: [TICKETS, hidden, empty], errors: { W1: 'The ticket counts could not be computed.' }, onRetry });
    await screen.findByRole('heading', { name: 'Open tickets' });
    const failed = within(cellOf('Open tickets'));
    expect(failed.getByRole('alert')).toHaveTextContent('The ticket counts could not be computed.');
    fireEvent.click(failed.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(within(cellOf('Quota usage')).getByRole('status')).toHaveTextContent('Your role cannot see this data.');
    expect(within(cellOf('My checks')).getByRole('status')).toHaveTextContent('No active incidents affect your organisation.');
  });
});
