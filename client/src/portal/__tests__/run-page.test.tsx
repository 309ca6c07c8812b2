import { screen, waitFor, within } from '@testing-library/react';
import { fakeMe, gqlError, tick } from '../../test/fake-graphql';
import { renderPortal } from './portal-harness';

const RUN_ID = 'QXV0b21hdGlvblJ1bjox';

function runAs(status: string, extra: Record<string, unknown> = {}) {
  const finished = ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(status);
  return {
    __typename: 'AutomationRun',
    id: RUN_ID,
    status,
    trigger: 'USER',
    input: { vatNumber: 'DE136695976' },
    output: status === 'SUCCEEDED' ? { valid: true, country: 'Germany' } : null,
    error: null,
    attempts: status === 'QUEUED' ? 0 : 1,
    maxAttempts: 3,
    correlationId: 'corr-run-page-1',
    createdAt: new Date(Date.now() - 2000).toISOString(),
    startedAt: status === 'QUEUED' ? null : new Date(Date.now() - 1000).toISOString(),
    finishedAt: finished ? new Date().toISOString() : null,
    nextAttemptAt: null,
    updatedAt: new Date().toISOString(),
    tool: { __typename: 'Tool', id: 'VG9vbDp2YXQ=', key: 'vat.validate', name: 'VAT number check' },
    requestedBy: { __typename: 'User', id: 'VXNlcjptZW1iZXI=', name: 'Mia Member' },
    retryOf: null,
    ticket: null,
    ...extra,
  };
}

const events = (types: string[]) => ({
  data: {
    systemEvents: {
      __typename: 'SystemEventConnection',
      totalCount: types.length,
      nodes: types
        .map((type, i) => ({ __typename: 'SystemEvent', id: `ev-${i}`, type, severity: 'INFO', source: i ? 'executor' : 'api', occurredAt: new Date(Date.now() - (10 - i) * 1000).toISOString(), payload: {} }))
        .reverse(),
    },
  },
});

const me = () => fakeMe('owner', { permissions: ['run:read', 'run:write', 'event:read', 'tool:read'] });

describe('the run page', () => {
  it('follows a live run through its runChanged events until it finishes, then stops listening', async () => {
    const statuses = ['QUEUED', 'RUNNING', 'SUCCEEDED'];
    let detailCalls = 0;
    const { server } = renderPortal(`/runs/${RUN_ID}`, {
      stored: true,
      me,
      handlers: {
        RunDetail: () => ({ data: { run: runAs(statuses[Math.min(detailCalls++, statuses.length - 1)] ?? 'SUCCEEDED') } }),
        RunEvents: () => events(detailCalls >= 3 ? ['run.queued', 'run.started', 'run.succeeded'] : ['run.queued']),
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'VAT number check' });
    expect(within(screen.getByTestId('run-status')).getByText('Queued')).toBeTruthy();
    expect(screen.getByText('corr-run-page-1')).toBeTruthy();

    // Nothing is asked again without news (no polling).
    await waitFor(() => expect(server.live.open('RunLive')).toBe(1));
    await tick(2500);
    expect(server.callsOf('RunDetail')).toHaveLength(1);
    expect(server.callsOf('RunEvents')).toHaveLength(1);
    // Each change the server announces reads the run again.
    server.live.emit('RunLive', { runChanged: { __typename: 'AutomationRun', id: RUN_ID, status: 'RUNNING', updatedAt: new Date().toISOString() } });
    await waitFor(() => expect(within(screen.getByTestId('run-status')).getByText('Running')).toBeTruthy());
    server.live.emit('RunLive', { runChanged: { __typename: 'AutomationRun', id: RUN_ID, status: 'SUCCEEDED', updatedAt: new Date().toISOString() } });
    await waitFor(() => expect(within(screen.getByTestId('run-status')).getByText('Succeeded')).toBeTruthy());
    expect(await screen.findByText('Germany')).toBeTruthy();
    expect(await within(screen.getByRole('list', { name: 'Run events' })).findByText('run.succeeded')).toBeTruthy();
    expect(server.callsOf('RunDetail')).toHaveLength(3);
    // The events were read again with each change of the run, not on a timer.
    expect(server.callsOf('RunEvents')).toHaveLength(3);
    // Finished: the page stops listening.
    await waitFor(() => expect(server.live.open('RunLive')).toBe(0));
    // Finished and not failed: nothing to cancel or retry.
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  }, 20_000);

  it('reads the run again for a change announced while the previous read is still on its way, and shows the newer state', async () => {
    // The server's state, and the reads it answers: each read answers the state when it was asked.
    let state = 'QUEUED';
    let release: (() => void) | null = null;
    let detailCalls = 0;
    const { server } = renderPortal(`/runs/${RUN_ID}`, {
      stored: true,
      me,
      handlers: {
        RunDetail: async () => {
          detailCalls += 1;
          const answer = { data: { run: runAs(state) } };
          // The second read (after "running") is slow: it is still on its way when the run finishes.
          if (detailCalls === 2) await new Promise<void>((resolve) => (release = resolve));
          return answer;
        },
        RunEvents: () => events(state === 'SUCCEEDED' ? ['run.queued', 'run.started', 'run.succeeded'] : ['run.queued']),
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'VAT number check' });
    await waitFor(() => expect(server.live.open('RunLive')).toBe(1));

    state = 'RUNNING';
    server.live.emit('RunLive', { runChanged: { __typename: 'AutomationRun', id: RUN_ID, status: 'RUNNING', updatedAt: new Date().toISOString() } });
    await waitFor(() => expect(server.callsOf('RunDetail')).toHaveLength(2));
    state = 'SUCCEEDED';
    server.live.emit('RunLive', { runChanged: { __typename: 'AutomationRun', id: RUN_ID, status: 'SUCCEEDED', updatedAt: new Date(Date.now() + 1000).toISOString() } });
    // The newer change is read anew once the read on its way (which answers "running") is in,
    // neither joined to that read nor overtaken by it.
    await tick(100);
    expect(server.callsOf('RunDetail')).toHaveLength(2);
    (release as (() => void) | null)?.();
    await waitFor(() => expect(server.callsOf('RunDetail')).toHaveLength(3));
    await waitFor(() => expect(within(screen.getByTestId('run-status')).getByText('Succeeded')).toBeTruthy());
    expect(await screen.findByText('Germany')).toBeTruthy();
    expect(await within(screen.getByRole('list', { name: 'Run events' })).findByText('run.succeeded')).toBeTruthy();
  });

  it('shows the server’s refusal when a cancel comes too late', async () => {
    let status = 'RUNNING';
    const { user } = renderPortal(`/runs/${RUN_ID}`, {
      stored: true,
      me,
      handlers: {
        RunDetail: () => ({ data: { run: runAs(status) } }),
        RunEvents: () => events(['run.queued']),
        CancelRun: () => {
          status = 'SUCCEEDED';
          return gqlError('CONFLICT', 'This run has already finished (SUCCEEDED); only queued or running runs can be cancelled.', { reason: 'RUN_FINISHED' });
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel run' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This run has already finished (SUCCEEDED)');
    await waitFor(() => expect(within(screen.getByTestId('run-status')).getByText('Succeeded')).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
  });
});
