import { changeLine, displayValue, summarizeDiff } from '../changes';

describe('audit diff summary', () => {
  it('reads before/after as field changes and keeps the rest as details', () => {
    expect(summarizeDiff({ before: { status: 'OPEN', assigneeId: null }, after: { status: 'RESOLVED', assigneeId: 'u-1' }, viaPlatform: true })).toEqual({
      changes: [
        { field: 'status', before: 'OPEN', after: 'RESOLVED' },
        { field: 'assigneeId', before: null, after: 'u-1' },
      ],
      details: { viaPlatform: true },
    });
  });

  it('handles creations and removals (one side null)', () => {
    expect(summarizeDiff({ before: null, after: { defaultEnabled: true } }).changes).toEqual([{ field: 'defaultEnabled', before: null, after: true }]);
    expect(summarizeDiff({ before: { enabled: true }, after: { enabled: null } }).changes).toEqual([{ field: 'enabled', before: true, after: null }]);
  });

  it('treats anything else as details, never as changes', () => {
    expect(summarizeDiff({ operation: 'tickets', filter: null })).toEqual({ changes: [], details: { operation: 'tickets', filter: null } });
    expect(summarizeDiff({ before: 'x', after: 'y' })).toEqual({ changes: [], details: { before: 'x', after: 'y' } });
    expect(summarizeDiff(null)).toEqual({ changes: [], details: {} });
    expect(summarizeDiff(42)).toEqual({ changes: [], details: { value: 42 } });
  });

  it('writes one line for tables', () => {
    expect(changeLine({ before: { status: 'OPEN', priority: 'LOW' }, after: { status: 'CLOSED', priority: 'HIGH' } })).toBe('status: OPEN → CLOSED, priority: LOW → HIGH');
    expect(changeLine({ before: { assigneeId: null, status: 'OPEN' }, after: { assigneeId: 'b3c1', status: 'PENDING' } })).toBe('assignee set, status: OPEN → PENDING');
    expect(changeLine({ before: { assigneeId: 'b3c1' }, after: { assigneeId: null } })).toBe('assignee removed');
    expect(changeLine({ before: { assigneeId: 'b3c1' }, after: { assigneeId: 'f00d' } })).toBe('assignee changed');
    expect(changeLine({ operation: 'auditLogs', filter: null })).toBe('read auditLogs');
    expect(changeLine({ reason: 'x' })).toBe('');
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    expect(displayValue(undefined)).toBe('—');
  });
});
