import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { ErrorReason } from '../src/common/error-reason';
import { forbidden } from '../src/common/errors';
import { describeRefusal, refusalReason } from '../src/modules/messages/message.service';

/**
 * Every reason the API answers with is an ErrorReason. The helpers' types catch most new free
 * strings at compile time; this catches the rest (extensions of a raw GraphQLError, REST bodies,
 * string-typed reasons such as `authFailure`), and keeps the emitted enum documented.
 */

const SRC = resolve(__dirname, '../src');
const SCHEMA = resolve(__dirname, '../../schema.graphql');

/** `reason` keys that are not API error reasons, per file, and what they are instead. */
const NOT_ERROR_REASONS: Record<string, string[]> = {
  // Run event payloads (why a run was requeued or failed), shown in its history, not errors.
  'modules/runs/run.executor.ts': ['ATTEMPT_FAILED', 'SHUTDOWN'],
  'modules/runs/run.leases.ts': ['LEASE_EXPIRED'],
  'seeders/automation.seed.ts': ['ATTEMPT_FAILED'],
  // The upload store's own failure, answered as UNSUPPORTED_FILE_TYPE by common/files/upload-http.ts.
  'common/files/file-store.ts': ['UNSUPPORTED_TYPE'],
};

const HELPERS = /\b(?:unauthenticated|forbidden|conflict|serviceUnavailable)\(/g;
const UPPER = /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'/g;

function upperLiterals(text: string): string[] {
  return [...text.matchAll(UPPER)].map((m) => m[1] ?? '');
}

/** The arguments of the call whose "(" is at `open`, split at top-level commas. */
function callArguments(source: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = open + 1;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        args.push(source.slice(start, i));
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push(source.slice(start, i));
      start = i + 1;
    }
  }
  return args;
}

/** Every UPPER_CASE string literal the source passes as an error reason. */
function reasonLiterals(source: string): string[] {
  const found: string[] = [];
  // An object key `reason: 'X'` (extensions, REST bodies), or a type `reason: 'X' | 'Y'`.
  for (const m of source.matchAll(/\breason\??\s*:\s*((?:'[^'\n]*'\s*\|?\s*)+)/g)) found.push(...upperLiterals(m[1] ?? ''));
  // What `authFailure` (later sent as the reason of UNAUTHENTICATED) is set to or typed as.
  for (const m of source.matchAll(/\bauthFailure\??\s*(?:=|\?\?|:)([^;\n]*)/g)) found.push(...upperLiterals(m[1] ?? ''));
  // A helper's reason argument: a whole argument after the message.
  for (const m of source.matchAll(HELPERS)) {
    const args = callArguments(source, (m.index ?? 0) + m[0].length - 1).slice(1);
    for (const arg of args) {
      const literal = /^\s*'([A-Z][A-Z0-9_]*)'\s*$/.exec(arg)?.[1];
      if (literal) found.push(literal);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' || entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function scan(): { missing: string[]; used: Set<string> } {
  const members = new Set<string>(Object.values(ErrorReason));
  const missing: string[] = [];
  const used = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const rel = relative(SRC, file).split('\\').join('/');
    if (rel === 'common/error-reason.ts') continue;
    const source = readFileSync(file, 'utf8');
    const allowed = new Set(NOT_ERROR_REASONS[rel] ?? []);
    for (const literal of reasonLiterals(source)) {
      if (allowed.has(literal)) continue;
      if (members.has(literal)) used.add(literal);
      else missing.push(`${rel}: '${literal}'`);
    }
    for (const m of source.matchAll(/\bErrorReason\.([A-Za-z0-9_]+)/g)) {
      const name = m[1] ?? '';
      if (members.has(name)) used.add(name);
      else missing.push(`${rel}: ErrorReason.${name}`);
    }
  }
  return { missing, used };
}

describe('error reasons', () => {
  it('the scanner finds reasons in each form the code uses', () => {
    expect(reasonLiterals("throw forbidden(`No ${x}, (a, b).`, 'ONE');")).toEqual(['ONE']);
    expect(reasonLiterals("conflict(\n  'Message.',\n  'TWO',\n)")).toEqual(['TWO']);
    expect(reasonLiterals("new GraphQLError(m, { extensions: { code: 'BAD_USER_INPUT', reason: 'THREE', cost } })")).toEqual(['THREE']);
    expect(reasonLiterals("type R = { ok: false; reason: 'FOUR' | 'FIVE' };")).toEqual(['FOUR', 'FIVE']);
    expect(reasonLiterals("if (bad) authFailure = 'SIX';")).toEqual(['SIX']);
    expect(reasonLiterals("unauthenticated(message, ctx.authFailure ?? 'SEVEN')")).toEqual(['SEVEN']);
    expect(reasonLiterals("const denied = authFailure(ctx) ?? jsonError('FORBIDDEN', 'No.', { reason: 'EIGHT' });")).toEqual(['EIGHT']);
    expect(reasonLiterals("forbidden('Not allowed.', ErrorReason.MISSING_PERMISSION); badInput('X.')")).toEqual([]);
  });

  it('every reason thrown or answered anywhere in server/src is a member of ErrorReason', () => {
    expect(scan().missing).toEqual([]);
  });

  it('every ErrorReason member is used somewhere (no stale values in the contract)', () => {
    const { used } = scan();
    expect(Object.values(ErrorReason).filter((r) => !used.has(r))).toEqual([]);
  });

  it('schema.graphql has the enum with every value, each with a description', () => {
    const type = buildSchema(readFileSync(SCHEMA, 'utf8')).getType('ErrorReason');
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType).getValues();
    expect(values.map((v) => v.name).sort()).toEqual([...Object.values(ErrorReason)].sort());
    expect(values.filter((v) => !v.description?.trim()).map((v) => v.name)).toEqual([]);
    expect(type?.description).toBeTruthy();
  });

  it('a message refused with a reason exposes it as errorReason', () => {
    const recorded = describeRefusal(forbidden('Starting runs needs the run:write permission.', ErrorReason.MISSING_PERMISSION));
    expect(refusalReason(recorded)).toBe(ErrorReason.MISSING_PERMISSION);
    expect(refusalReason('NOT_FOUND: Ticket not found.')).toBeNull();
    expect(refusalReason('Automatic reply; no ticket opened.')).toBeNull();
    expect(refusalReason(null)).toBeNull();
  });
});
