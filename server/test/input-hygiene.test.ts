import { getMetadataStorage, IsOptional, MaxLength, MinLength, validate } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { isBlank, rememberValidationRules, textProblem, unsafeTextFields, validateArgument, visibleLength, visibleText } from '../src/common/input-hygiene';
import { VisibleLength } from '../src/common/visible-length';
import { fromGlobalId, toGlobalId } from '../src/common/global-id';
import { makeCase, upload } from '../src/modules/kyc/__tests__/helpers';
import { samplePdf } from '../src/seeders/sample-files';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from './harness';

/**
 * Input hygiene: NUL (U+0000) and lone UTF-16 surrogates are refused with BAD_USER_INPUT naming
 * the field, through every GraphQL argument (variables, inline literals, nested inputs, lists,
 * JSON scalars, field arguments below the root) and the REST routes that take text, and nothing
 * is written; required text made only of invisible characters counts as blank.
 */

const NUL = '\u0000';
const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';
/** Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, bidi marks and isolates. */
const INVISIBLE = '\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202c\u2066\u2069 \t';

/* ------------------------------------------------------------------ */
/* the pure helpers                                                    */
/* ------------------------------------------------------------------ */

/** An input class with a rule, one that inherits it, and one without any. */
class RuledInput {
  @MaxLength(3)
  code!: string;
}
class InheritedRuleInput extends RuledInput {}
class PlainInput {
  code!: string;
}
const build = <T extends object>(cls: new () => T, values: Partial<T>): T => Object.assign(new cls(), values);

describe('validateArgument', () => {
  const run = (value: unknown) => validateArgument(value, undefined as never, { args: { input: value } } as never);

  it('applies class-validator rules (own or inherited, on an object or each item of a list) however often a class was seen without errors', async () => {
    // A passing value first, so that what is remembered of each class is exercised.
    for (const cls of [RuledInput, InheritedRuleInput]) {
      await expect(run(build(cls, { code: 'ok' }))).resolves.toBeUndefined();
      await expect(run(build(cls, { code: 'toolong' }))).rejects.toBeInstanceOf(ArgumentValidationError);
      await expect(run([build(cls, { code: 'ok' }), build(cls, { code: 'toolong' })])).rejects.toBeInstanceOf(ArgumentValidationError);
    }
  });

  it('finds a class\'s rules once, and again after a rule is added: to a class seen without rules, or to a parent of one seen with them', async () => {
    rememberValidationRules();
    rememberValidationRules();
    class LaterParent {
      @MaxLength(5)
      a!: string;
      b!: string;
    }
    class LaterChild extends LaterParent {}
    class Bare {
      b!: string;
    }
    const storage = getMetadataStorage();
    const rules = storage.getTargetValidationMetadatas(LaterChild, '', false, false);
    expect(rules).toHaveLength(1);
    expect(storage.getTargetValidationMetadatas(LaterChild, '', false, false)).toBe(rules);
    await expect(run(build(LaterChild, { a: 'ok', b: 'x' }))).resolves.toBeUndefined();
    await expect(run(build(Bare, { b: 'long enough' }))).resolves.toBeUndefined();
    // Rules added afterwards (as a decorator adds them): both classes are looked at afresh.
    MinLength(2)(LaterParent.prototype, 'b');
    MaxLength(3)(Bare.prototype, 'b');
    expect(storage.getTargetValidationMetadatas(LaterChild, '', false, false)).toHaveLength(2);
    await expect(run(build(LaterChild, { a: 'ok', b: 'x' }))).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(run(build(LaterChild, { a: 'ok', b: 'xy' }))).resolves.toBeUndefined();
    await expect(run(build(Bare, { b: 'long enough' }))).rejects.toBeInstanceOf(ArgumentValidationError);
  });

  it('passes a class without rules and plain values, and still refuses unsafe text in them', async () => {
    await expect(run(build(PlainInput, { code: 'anything at all' }))).resolves.toBeUndefined();
    await expect(run([build(PlainInput, { code: 'x'.repeat(50) }), 3, 'text'])).resolves.toBeUndefined();
    await expect(run(build(PlainInput, { code: `a${NUL}b` }))).rejects.toMatchObject({ extensions: { fields: [{ field: 'code' }] } });
  });
});

describe('textProblem', () => {
  it('finds NUL and lone surrogates, and accepts everything else', () => {
    expect(textProblem(`a${NUL}b`)).toBe('NUL');
    expect(textProblem(NUL)).toBe('NUL');
    expect(textProblem(`x${LONE_HIGH}`)).toBe('LONE_SURROGATE');
    expect(textProblem(`${LONE_HIGH}x`)).toBe('LONE_SURROGATE');
    expect(textProblem(`${LONE_LOW}x`)).toBe('LONE_SURROGATE');
    // Reversed pair: a low half first, then a high one with nothing after it.
    expect(textProblem(`${LONE_LOW}${LONE_HIGH}`)).toBe('LONE_SURROGATE');
    expect(textProblem('')).toBeNull();
    expect(textProblem('plain text, ünïcödé, 中文')).toBeNull();
    expect(textProblem('a pair: 😀 and \ud83d\ude00')).toBeNull();
    expect(textProblem('\u0001\u001f\u007f tabs\tand\nnewlines')).toBeNull();
    expect(textProblem(INVISIBLE)).toBeNull();
  });
});

describe('unsafeTextFields', () => {
  it('names each bad string by its path through objects, lists and below a prefix', () => {
    const value = { subject: 'ok', body: `bad${NUL}`, nested: { list: ['ok', `x${LONE_HIGH}`], deeper: [{ text: LONE_LOW }] }, n: 3, b: true, nil: null };
    expect(unsafeTextFields(value).map((f) => f.field)).toEqual(['body', 'nested.list.1', 'nested.deeper.0.text']);
    expect(unsafeTextFields(value, 'input').map((f) => f.field)).toEqual(['input.body', 'input.nested.list.1', 'input.nested.deeper.0.text']);
    expect(unsafeTextFields(['a', NUL], 'ids').map((f) => f.field)).toEqual(['ids.1']);
    expect(unsafeTextFields(`x${NUL}`, 'id')).toEqual([{ field: 'id', message: expect.stringContaining('NUL') }]);
    expect(unsafeTextFields(LONE_HIGH, 'id')).toEqual([{ field: 'id', message: expect.stringContaining('lone surrogate') }]);
  });

  it('checks object keys, naming the object and not echoing the key', () => {
    const fields = unsafeTextFields({ payload: { [`k${NUL}`]: 1 } });
    expect(fields).toEqual([{ field: 'payload', message: expect.stringContaining('A key in payload') }]);
    expect(JSON.stringify(fields)).not.toContain('\\u0000');
  });

  it('is empty for clean input, dates and binary data, and stops after ten fields', () => {
    expect(unsafeTextFields({ a: 'x', d: new Date(), buf: Buffer.from([0, 0]), list: [1, 'two', { three: '3' }] })).toEqual([]);
    expect(unsafeTextFields(undefined)).toEqual([]);
    expect(unsafeTextFields(Array.from({ length: 50 }, () => NUL))).toHaveLength(10);
  });

  it('survives deeply nested JSON without recursion', () => {
    let deep: unknown = NUL;
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    expect(unsafeTextFields(deep)).toHaveLength(1);
  });
});

describe('visible text', () => {
  it('removes whitespace and invisible format characters only', () => {
    expect(visibleText(INVISIBLE)).toBe('');
    expect(visibleText('\u3164\u115f\uffa0\u034f\ufe0f\u180e\u2800\u00a0\u3000')).toBe('');
    expect(visibleText(`a${INVISIBLE}b`)).toBe('ab');
    expect(visibleLength('a\u200bb\u200bc')).toBe(3);
    expect(visibleLength('😀😀')).toBe(2);
    expect(visibleLength('é')).toBe(1);
  });

  it('isBlank: nothing that shows', () => {
    for (const blank of ['', '   ', INVISIBLE, null, undefined]) expect(isBlank(blank)).toBe(true);
    for (const text of ['a', ' . ', `${INVISIBLE}x`, '😀']) expect(isBlank(text)).toBe(false);
  });
});

describe('@VisibleLength', () => {
  class Probe {
    @VisibleLength(3, 10, { message: 'three to ten' })
    required!: unknown;

    @IsOptional()
    @VisibleLength(1, 5)
    optional?: string | null;
  }
  const errorsOf = async (values: Partial<Probe>) => {
    const probe = Object.assign(new Probe(), { required: 'abc' }, values);
    return (await validate(probe)).map((e) => [e.property, Object.values(e.constraints ?? {})]);
  };

  it('counts visible characters for the minimum and every character for the maximum', async () => {
    expect(await errorsOf({})).toEqual([]);
    expect(await errorsOf({ required: 'a\u200bb\u2060c\ufeff' })).toEqual([]);
    expect(await errorsOf({ required: `ab${INVISIBLE}` })).toEqual([['required', ['three to ten']]]);
    expect(await errorsOf({ required: INVISIBLE })).toEqual([['required', ['three to ten']]]);
    expect(await errorsOf({ required: 'abcdefghijk' })).toEqual([['required', ['three to ten']]]);
    expect(await errorsOf({ required: 42 })).toEqual([['required', ['three to ten']]]);
    expect(await errorsOf({ optional: null })).toEqual([]);
    expect(await errorsOf({ optional: '\u200b' })).toEqual([['optional', [expect.stringContaining('optional must have 1 to 5 characters')]]]);
  });
});

/* ------------------------------------------------------------------ */
/* through the API                                                     */
/* ------------------------------------------------------------------ */

let t: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const email of ['member@acme.test', 'agent@acme.test', 'owner@acme.test']) tokens[email] = (await t.login(email)).accessToken;
});

afterAll(async () => {
  await t?.close();
});

const TABLES = ['tickets', 'ticket_comments', 'automation_runs', 'inbound_messages', 'kyc_documents', 'audit_logs', 'system_events'] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = await t.count(`select count(*) as n from ${table}`);
  return out;
}

/** Runs `fn` and asserts that no row was added to (or removed from) any table it could write. */
async function writesNothing<T>(fn: () => Promise<T>): Promise<T> {
  const before = await rowCounts();
  const result = await fn();
  expect(await rowCounts()).toEqual(before);
  return result;
}

function fieldsOf(res: GqlResponse): string[] {
  return ((res.errors?.[0]?.extensions.fields ?? []) as { field: string }[]).map((f) => f.field);
}

function expectRefused(res: GqlResponse, fields: string[]): void {
  // No field answered: data is null, or each (nullable) root field is.
  expect(Object.values(res.data ?? {}).filter((v) => v !== null)).toEqual([]);
  expect(codeOf(res)).toBe('BAD_USER_INPUT');
  expect(fieldsOf(res)).toEqual(fields);
}

/**
 * POSTs a GraphQL request whose JSON text is written by hand, so an escape such as "\ud800"
 * reaches the server's JSON parser exactly as written.
 */
async function gqlRaw(json: string, token: string): Promise<GqlResponse> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: json,
  });
  const body = (await res.json()) as { data?: unknown; errors?: GqlResponse['errors'] };
  return { status: res.status, data: body.data as never, errors: body.errors, headers: res.headers };
}

const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id subject } }';
const ADD_COMMENT = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }';
const UPDATE_TICKET = 'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id subject } }';
const START_RUN = 'mutation($input: StartRunInput!) { startRun(input: $input) { id } }';
const INGEST = 'mutation($input: IngestMessageInput!) { ingestMessage(input: $input) { id status } }';

async function newTicket(): Promise<{ id: string; version: number }> {
  const res = await t.gql<{ createTicket: { id: string } }>(CREATE_TICKET, { input: { subject: 'A clean ticket', body: 'Nothing odd here.' } }, { token: tokens['member@acme.test'] });
  expect(res.errors).toBeUndefined();
  return { id: res.data?.createTicket.id as string, version: 1 };
}

describe('NUL and lone surrogates over GraphQL', () => {
  it('a clean request still works (control)', async () => {
    const res = await t.gql(CREATE_TICKET, { input: { subject: 'Printer: 😀 ok', body: 'Tabs\tand\nnewlines are fine.' } }, { token: tokens['member@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createTicket.subject).toBe('Printer: 😀 ok');
  });

  it('NUL in a variable: BAD_USER_INPUT naming the field, nothing written', async () => {
    const res = await writesNothing(() => t.gql(CREATE_TICKET, { input: { subject: `Broken${NUL} subject`, body: 'x' } }, { token: tokens['member@acme.test'] }));
    expectRefused(res, ['subject']);
    expect(res.errors?.[0]?.message).toMatch(/NUL/);
  });

  it('NUL in an inline literal (GraphQL escape \\u0000)', async () => {
    const doc = 'mutation { createTicket(input: { subject: "Broken \\u0000 subject", body: "x" }) { id } }';
    const res = await writesNothing(() => t.gql(doc, {}, { token: tokens['member@acme.test'] }));
    expectRefused(res, ['subject']);
  });

  it('a lone surrogate in a variable, sent as a JSON escape', async () => {
    const json = '{"query":"mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }","variables":{"input":{"subject":"Lone \\ud800 half","body":"x"}}}';
    expect(json).toContain('\\ud800');
    const res = await writesNothing(() => gqlRaw(json, tokens['member@acme.test']));
    expectRefused(res, ['subject']);
    expect(res.errors?.[0]?.message).toMatch(/lone surrogate/);

    const low = '{"query":"mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }","variables":{"input":{"ticketId":"x","body":"\\udc00"}}}';
    expectRefused(await writesNothing(() => gqlRaw(low, tokens['member@acme.test'])), ['body']);
  });

  it('a lone surrogate in an inline literal never parses: BAD_USER_INPUT before anything runs', async () => {
    // GraphQL's lexer refuses both the escape and the raw code unit, so there is no field yet to
    // name; the request is refused as a whole (reason GRAPHQL_PARSE_FAILED), with status 400.
    const escaped = JSON.stringify({ query: 'mutation { createTicket(input: { subject: "Lone \\ud800 half", body: "x" }) { id } }' });
    expect(escaped).toContain('\\\\ud800');
    const raw = '{"query":"mutation { createTicket(input: { subject: \\"Lone \\ud800 half\\", body: \\"x\\" }) { id } }"}';
    for (const json of [escaped, raw]) {
      const res = await writesNothing(() => gqlRaw(json, tokens['member@acme.test']));
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions.reason).toBe('GRAPHQL_PARSE_FAILED');
    }
  });

  it('nested inputs: a JSON scalar (startRun.input), as a variable and inline', async () => {
    const token = tokens['member@acme.test'];
    expectRefused(await writesNothing(() => t.gql(START_RUN, { input: { toolKey: 'vat.validate', input: { vatNumber: `DE${NUL}` } } }, { token })), ['input.vatNumber']);
    const deep = { toolKey: 'vat.validate', input: { vatNumber: 'DE136695976', notes: [{ ok: 'fine' }, { text: `x${LONE_HIGH}` }] } };
    expectRefused(await writesNothing(() => t.gql(START_RUN, { input: deep }, { token })), ['input.notes.1.text']);
    const inline = 'mutation { startRun(input: { toolKey: "vat.validate", input: { vatNumber: "DE\\u0000" } }) { id } }';
    expectRefused(await writesNothing(() => t.gql(inline, {}, { token })), ['input.vatNumber']);
    // A key is checked too; the field named is the object holding it.
    expectRefused(await writesNothing(() => t.gql(START_RUN, { input: { toolKey: 'vat.validate', input: { [`vat${NUL}`]: 'DE136695976' } } }, { token })), ['input']);
  });

  it('nested inputs: ingestMessage payload', async () => {
    const token = tokens['agent@acme.test'];
    const input = { channel: 'EMAIL', sender: 'jane@customer.example', subject: 'Hello', payload: { text: `Hi${NUL}` } };
    expectRefused(await writesNothing(() => t.gql(INGEST, { input }, { token })), ['payload.text']);
    expectRefused(await writesNothing(() => t.gql(INGEST, { input: { ...input, payload: { text: 'ok' }, sender: `jane${NUL}@customer.example` } }, { token })), ['sender']);
  });

  it('scalar and list arguments, and arguments of fields below the root', async () => {
    const token = tokens['member@acme.test'];
    expectRefused(await t.gql('query($id: ID!) { ticket(id: $id) { id } }', { id: `abc${NUL}` }, { token }), ['id']);
    expectRefused(await t.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [toGlobalId('Ticket', '00000000-0000-0000-0000-000000000000'), NUL] }, { token }), ['ids.1']);
    const { id } = await newTicket();
    const nested = await t.gql('query($id: ID!, $after: String) { ticket(id: $id) { id comments(first: 1, after: $after) { totalCount } } }', { id, after: `c${NUL}` }, { token });
    expect(codeOf(nested)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(nested)).toEqual(['after']);
    expect(nested.errors?.[0]?.path).toEqual(['ticket', 'comments']);
  });

  it('login with a NUL in the email answers BAD_USER_INPUT and audits nothing', async () => {
    const res = await writesNothing(() => t.gql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email: `owner@acme.test${NUL}`, password: 'x' } }));
    expectRefused(res, ['email']);
  });

  it('class-validator still runs after the hygiene check', async () => {
    const res = await t.gql(CREATE_TICKET, { input: { subject: 'ab', body: 'x' } }, { token: tokens['member@acme.test'] });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions.fields).toEqual([{ field: 'subject', message: 'Subject must be between 3 and 200 characters.' }]);
  });
});

describe('invisible-only text is blank', () => {
  it('a ticket subject or body of only invisible characters is refused', async () => {
    const token = tokens['member@acme.test'];
    expectRefused(await writesNothing(() => t.gql(CREATE_TICKET, { input: { subject: INVISIBLE, body: 'Real text.' } }, { token })), ['subject']);
    expectRefused(await writesNothing(() => t.gql(CREATE_TICKET, { input: { subject: `a${INVISIBLE}b`, body: 'Real text.' } }, { token })), ['subject']);
    expectRefused(await writesNothing(() => t.gql(CREATE_TICKET, { input: { subject: 'A real subject', body: INVISIBLE } }, { token })), ['body']);
    const inline = 'mutation { createTicket(input: { subject: "\\u200b\\u200b\\u200b\\u2060", body: "x" }) { id } }';
    expectRefused(await writesNothing(() => t.gql(inline, {}, { token })), ['subject']);
    // Visible text with invisible characters around it is still text.
    const ok = await t.gql(CREATE_TICKET, { input: { subject: `\u200bHey${INVISIBLE}`, body: 'x' } }, { token });
    expect(ok.errors).toBeUndefined();
  });

  it('a comment of only invisible characters is refused', async () => {
    const { id } = await newTicket();
    expectRefused(await writesNothing(() => t.gql(ADD_COMMENT, { input: { ticketId: id, body: INVISIBLE } }, { token: tokens['member@acme.test'] })), ['body']);
    const ok = await t.gql(ADD_COMMENT, { input: { ticketId: id, body: 'Thanks!' } }, { token: tokens['member@acme.test'] });
    expect(ok.errors).toBeUndefined();
  });

  it('updating a subject or body to invisible characters is refused and changes nothing', async () => {
    const { id, version } = await newTicket();
    const token = tokens['agent@acme.test'];
    expectRefused(await writesNothing(() => t.gql(UPDATE_TICKET, { input: { id, version, subject: '\u200b\u200c\u200d\ufeff' } }, { token })), ['subject']);
    expectRefused(await writesNothing(() => t.gql(UPDATE_TICKET, { input: { id, version, body: '\u00ad' } }, { token })), ['body']);
    const [row] = await t.sql<{ subject: string; version: number }>('select subject, version from tickets where id = ?', [fromGlobalId(id).id]);
    expect(row).toMatchObject({ subject: 'A clean ticket', version: 1 });
  });

  it('an inbound message with an invisible subject opens a ticket with the fallback subject', async () => {
    const res = await t.gql<{ ingestMessage: { id: string; status: string } }>(
      'mutation($input: IngestMessageInput!) { ingestMessage(input: $input) { id status ticket { subject } } }',
      { input: { channel: 'EMAIL', sender: 'jane@customer.example', subject: INVISIBLE, payload: { text: 'The login page says my password is wrong.' } } },
      { token: tokens['agent@acme.test'] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.ingestMessage).toMatchObject({ ticket: { subject: 'Message from jane@customer.example' } });
    // A sender of only invisible characters is no sender.
    expectRefused(
      await writesNothing(() => t.gql(INGEST, { input: { channel: 'EMAIL', sender: '\u200b\u2060', payload: { text: 'x' } } }, { token: tokens['agent@acme.test'] })),
      ['sender'],
    );
  });
});

describe('REST routes', () => {
  async function postMessage(json: string): Promise<{ status: number; body: any }> {
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['agent@acme.test']}` },
      body: json,
    });
    return { status: res.status, body: await res.json() };
  }

  it('POST /api/messages refuses a NUL or a lone surrogate in its JSON with 400, writing nothing', async () => {
    const nul = await writesNothing(() => postMessage('{"channel":"EMAIL","sender":"jane@customer.example","subject":"Hi","payload":{"text":"a\\u0000b"}}'));
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ error: 'BAD_USER_INPUT', fields: [{ field: 'payload.text' }] });

    const lone = await writesNothing(() => postMessage('{"channel":"EMAIL","sender":"jane@customer.example","subject":"\\udc00 hi","payload":{"text":"ok"}}'));
    expect(lone.status).toBe(400);
    expect(lone.body).toMatchObject({ error: 'BAD_USER_INPUT', fields: [{ field: 'subject' }] });

    const key = await writesNothing(() => postMessage('{"channel":"EMAIL","sender":"jane@customer.example","payload":{"te\\u0000xt":"ok"}}'));
    expect(key.status).toBe(400);
    expect(key.body).toMatchObject({ error: 'BAD_USER_INPUT', fields: [{ field: 'payload' }] });

    const blank = await writesNothing(() => postMessage('{"channel":"EMAIL","sender":"\\u200b\\u200d","payload":{"text":"ok"}}'));
    expect(blank.status).toBe(400);
    expect(blank.body.fields.map((f: { field: string }) => f.field)).toEqual(['sender']);

    // Control: the same message, clean, is taken.
    const ok = await postMessage('{"channel":"EMAIL","sender":"jane@customer.example","subject":"Hi there","payload":{"text":"ok"}}');
    expect(ok.status).toBe(201);
  });

  it('POST /api/kyc/cases/{id}/documents refuses a NUL in the kind field or the file name', async () => {
    const c = await makeCase(t);
    const token = tokens['owner@acme.test'];
    const kind = await writesNothing(() => upload(t, token, c.gid, { content: samplePdf('x'), filename: 'id.pdf', type: 'application/pdf', kind: `PASSPORT${NUL}` }));
    expect(kind.status).toBe(400);
    expect(kind.body).toMatchObject({ error: 'BAD_USER_INPUT', fields: [{ field: 'kind' }] });
    // A raw NUL in a part header already breaks the multipart parse (400 BAD_FORM); the RFC 5987
    // form `filename*=UTF-8''id%00.pdf` decodes to one, so it is built by hand here.
    const boundary = 'hygiene-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nPASSPORT\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''id%00.pdf\r\nContent-Type: application/pdf\r\n\r\n`),
      samplePdf('x'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const name = await writesNothing(async () => {
      const res = await fetch(`${t.url}/api/kyc/cases/${c.gid}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    });
    expect(name.status).toBe(400);
    expect(name.body).toMatchObject({ error: 'BAD_USER_INPUT', fields: [{ field: 'file' }] });
    expect(await t.count('select count(*) as n from kyc_documents where case_id = ?', [c.id])).toBe(0);
  });
});
