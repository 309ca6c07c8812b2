import { AppError } from '../../../common/errors';
import { RunStatus } from '../run.entity';
import { assertTransition, canTransition, eventTypeOf, FINISHED, RUN_TRANSITIONS } from '../run.transitions';

/**
 * The transition table, cell by cell: every (from, to) pair of statuses is listed here with
 * its expected answer, written out by hand rather than derived from the table under test.
 */
const { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED } = RunStatus;
const ALL = [QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED];

// prettier-ignore
const EXPECTED: [RunStatus, RunStatus, boolean][] = [
  [QUEUED, QUEUED, false], [QUEUED, RUNNING, true], [QUEUED, SUCCEEDED, false], [QUEUED, FAILED, false], [QUEUED, CANCELLED, true],
  [RUNNING, QUEUED, true], [RUNNING, RUNNING, false], [RUNNING, SUCCEEDED, true], [RUNNING, FAILED, true], [RUNNING, CANCELLED, true],
  [SUCCEEDED, QUEUED, false], [SUCCEEDED, RUNNING, false], [SUCCEEDED, SUCCEEDED, false], [SUCCEEDED, FAILED, false], [SUCCEEDED, CANCELLED, false],
  [FAILED, QUEUED, false], [FAILED, RUNNING, false], [FAILED, SUCCEEDED, false], [FAILED, FAILED, false], [FAILED, CANCELLED, false],
  [CANCELLED, QUEUED, false], [CANCELLED, RUNNING, false], [CANCELLED, SUCCEEDED, false], [CANCELLED, FAILED, false], [CANCELLED, CANCELLED, false],
];

describe('run transition table', () => {
  it('lists every pair of statuses exactly once', () => {
    expect(EXPECTED).toHaveLength(ALL.length * ALL.length);
    expect(new Set(EXPECTED.map(([f, t]) => `${f}>${t}`)).size).toBe(25);
    expect(Object.keys(RUN_TRANSITIONS).sort()).toEqual([...ALL].sort());
  });

  describe.each(EXPECTED)('%s -> %s', (from, to, allowed) => {
    if (allowed) {
      it('is allowed', () => {
        expect(canTransition(from, to)).toBe(true);
        expect(() => assertTransition(from, to)).not.toThrow();
      });
    } else {
      it('is refused with CONFLICT INVALID_TRANSITION', () => {
        expect(canTransition(from, to)).toBe(false);
        let thrown: unknown;
        try {
          assertTransition(from, to);
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(AppError);
        expect((thrown as AppError).code).toBe('CONFLICT');
        expect((thrown as AppError).extensions.reason).toBe('INVALID_TRANSITION');
        expect((thrown as AppError).message).toBe(`A ${from.toLowerCase()} run cannot become ${to.toLowerCase()}.`);
      });
    }
  });

  it('has three final states and names the event of every allowed move', () => {
    expect([...FINISHED].sort()).toEqual([CANCELLED, FAILED, SUCCEEDED]);
    for (const f of FINISHED) expect(RUN_TRANSITIONS[f]).toEqual([]);
    expect(eventTypeOf(null, QUEUED)).toBe('run.queued');
    expect(eventTypeOf(QUEUED, RUNNING)).toBe('run.started');
    expect(eventTypeOf(RUNNING, SUCCEEDED)).toBe('run.succeeded');
    expect(eventTypeOf(RUNNING, FAILED)).toBe('run.failed');
    expect(eventTypeOf(QUEUED, CANCELLED)).toBe('run.cancelled');
    expect(eventTypeOf(RUNNING, QUEUED)).toBe('run.requeued');
  });
});
