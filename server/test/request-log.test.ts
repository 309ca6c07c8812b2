import pino from 'pino';
import { rawRequest, startTestApp, type TestApp } from './harness';

/*
 * The request log: one structured line per request (method, path, status, time, correlation id)
 * when the level includes info, and none, with nothing timed, when it leaves info out.
 */

let t: TestApp;
const lines: Record<string, unknown>[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });

beforeAll(async () => {
  t = await startTestApp({ seed: false, logger });
});

afterAll(async () => {
  await t.close();
});

const ask = (correlationId: string) =>
  rawRequest(t.url, '/graphql?probe=1', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
const requestLines = (correlationId: string) => lines.filter((l) => l.msg === 'request' && l.correlationId === correlationId);

/** Waits (bounded) for the line written when the response has finished. */
async function logged(correlationId: string): Promise<Record<string, unknown>[]> {
  for (let i = 0; i < 100 && requestLines(correlationId).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  return requestLines(correlationId);
}

it('writes one line per request at info, with its correlation id, path without the query string, status and time', async () => {
  logger.level = 'info';
  const res = await ask('probe-request-log-0001');
  expect(res.status).toBe(200);
  const found = await logged('probe-request-log-0001');
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ method: 'POST', path: '/graphql', status: 200, ms: expect.any(Number) });
});

it('writes none when the level leaves info out', async () => {
  logger.level = 'warn';
  const res = await ask('probe-request-log-0002');
  expect(res.status).toBe(200);
  logger.level = 'info';
  // A later request is logged: had the first one been, its line would be there by now too.
  await ask('probe-request-log-0003');
  expect(await logged('probe-request-log-0003')).toHaveLength(1);
  expect(requestLines('probe-request-log-0002')).toHaveLength(0);
});
