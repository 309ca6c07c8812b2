import { rawRequest, startTestApp, type TestApp } from './harness';

/*
 * GraphQL over HTTP as the handler in front of Apollo Server writes it (common/graphql-http.ts):
 * the answer's bytes, length and headers as sent, the query string of a GET, and the methods and
 * bodies it refuses.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

const raw = (path: string, opts?: Parameters<typeof rawRequest>[2]) => rawRequest(t.url, path, opts);

const json = { 'content-type': 'application/json' };

describe('GraphQL over HTTP', () => {
  it('answers a POST with JSON whose Content-Length counts bytes, not characters', async () => {
    const { accessToken } = await t.login('agent@acme.test');
    const subject = 'Résumé upload fails ✓ — 日本';
    const created = await t.gql<{ createTicket: { id: string } }>('mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }', { input: { subject, body: 'Bytes, not characters.' } }, { token: accessToken });
    expect(created.errors).toBeUndefined();
    const res = await raw('/graphql', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: 'query One($id: ID!) { ticket(id: $id) { subject } }', variables: { id: created.data?.createTicket.id } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    const text = res.body.toString('utf8');
    expect(res.body.length).toBeGreaterThan(text.length);
    expect(JSON.parse(text)).toMatchObject({ data: { ticket: { subject } } });
  });

  it('reads a GET\'s operation, name and variables from the query string (with the preflight header CSRF prevention asks for)', async () => {
    const { accessToken } = await t.login('agent@acme.test');
    const params = new URLSearchParams({
      query: 'query Mine($first: Int) { tickets(first: $first) { nodes { id } } } query Other { __typename }',
      operationName: 'Mine',
      variables: JSON.stringify({ first: 2 }),
    });
    const res = await raw(`/graphql?${params.toString()}`, { headers: { authorization: `Bearer ${accessToken}`, 'apollo-require-preflight': '1' } });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body.toString('utf8')) as { data: { tickets: { nodes: unknown[] } } };
    expect(body.data.tickets.nodes).toHaveLength(2);
    // Without the header, a GET is refused as a possible cross-site request; nothing runs.
    const refused = await raw(`/graphql?${params.toString()}`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(refused.status).toBe(400);
    expect(refused.body.toString('utf8')).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses other methods with 405 and Allow, a form post as a possible CSRF, and an empty body with 400, each as JSON', async () => {
    const put = await raw('/graphql', { method: 'PUT', headers: json, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, POST');
    expect(Number(put.headers['content-length'])).toBe(put.body.length);
    expect(JSON.parse(put.body.toString('utf8'))).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });

    const form = await raw('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(form.status).toBe(400);
    expect(form.body.toString('utf8')).toMatch(/Cross-Site Request Forgery/);

    const empty = await raw('/graphql', { method: 'POST', headers: json, body: '{}' });
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.body.toString('utf8'))).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });

    const broken = await raw('/graphql', { method: 'POST', headers: json, body: '{"query": ' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body.toString('utf8'))).toEqual({ error: 'BAD_REQUEST', message: 'The request could not be read.' });
  });
});
