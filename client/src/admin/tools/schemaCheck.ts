import { Validator } from '@cfworker/json-schema';
import { DRAFT_07_META_SCHEMA } from './draft07';

/** The server's limits (server/src/modules/tools/tool.json-schema.ts): checked here first, again there. */
export const MAX_SCHEMA_BYTES = 32 * 1024;
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

export type SchemaCheck = { ok: true; schema: Record<string, unknown> } | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const WRAPPERS = new Set(['$ref', 'anyOf', 'allOf', 'oneOf', 'properties', 'additionalProperties', 'items']);

let metaValidator: Validator | null = null;
function meta(): Validator {
  metaValidator ??= new Validator(DRAFT_07_META_SCHEMA as unknown as Record<string, unknown>, '7', false);
  return metaValidator;
}

/** "Unexpected token } in JSON at position 42" → the line and column of position 42. */
function parseProblem(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : 'it is not valid JSON';
  const at = /position (\d+)/.exec(message);
  if (at?.[1]) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `Not valid JSON (line ${line}, column ${column}): ${message.replace(/ in JSON at position \d+.*$/, '')}.`;
  }
  return `Not valid JSON: ${message}.`;
}

/** `$id` and remote `$ref`s: refused by the server (tool schemas are anonymous and self-contained). */
function findProblem(node: unknown, path: string, depth: number): string | null {
  if (depth > 32) return `${path || 'The schema'} is nested too deeply (max 32).`;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const p = findProblem(node[i], `${path}/${i}`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (!isObject(node)) return null;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id') return `Remove "$id" at ${path || '/'}: tool schemas are anonymous.`;
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) return `Only local "$ref"s ("#/...") are allowed (at ${path || '/'}).`;
    const p = findProblem(value, `${path}/${key}`, depth + 1);
    if (p) return p;
  }
  return null;
}

/**
 * The text of a tool's input schema as staff type it: parsed, then checked as the server checks
 * it (an object schema, draft-07, anonymous, at most 32 KB) and against draft-07's meta-schema
 * (@cfworker/json-schema, which needs no eval under the back office's CSP). The first problem,
 * in words, or the parsed schema. The server still has the last word (Ajv in strict mode).
 */
export function checkSchemaText(text: string): SchemaCheck {
  const fail = (problem: string): SchemaCheck => ({ ok: false, problem });
  if (!text.trim()) return fail('Enter the input schema (a JSON object).');
  if (new TextEncoder().encode(text).length > MAX_SCHEMA_BYTES * 2) return fail(`The input schema is too large (max ${MAX_SCHEMA_BYTES / 1024} KB).`);
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (err) {
    return fail(parseProblem(text, err));
  }
  if (!isObject(schema)) return fail('The input schema must be a JSON object, e.g. { "type": "object", "properties": {} }.');
  if (new TextEncoder().encode(JSON.stringify(schema)).length > MAX_SCHEMA_BYTES) return fail(`The input schema is too large (max ${MAX_SCHEMA_BYTES / 1024} KB).`);
  if (schema.type !== 'object') return fail('The input schema must describe an object: set "type": "object".');
  if (schema.$schema !== undefined && schema.$schema !== DRAFT_07) return fail(`Only JSON Schema draft-07 is supported; remove "$schema" or set it to "${DRAFT_07}".`);
  const problem = findProblem(schema, '', 0);
  if (problem) return fail(problem);
  const result = meta().validate(schema);
  if (!result.valid) {
    // The deepest location is where the mistake is; the outer errors only say "a subschema had errors".
    const depth = (loc: string) => loc.split('/').length;
    const deepest = Math.max(...result.errors.map((e) => depth(e.instanceLocation)));
    const atDeepest = result.errors.filter((e) => depth(e.instanceLocation) === deepest);
    const leaf = atDeepest.find((e) => !WRAPPERS.has(e.keyword)) ?? atDeepest[0] ?? result.errors[0];
    const where = leaf ? leaf.instanceLocation.replace(/^#/, '') || '/' : '/';
    return fail(`Not a valid JSON Schema at ${where}: ${(leaf?.error ?? 'it does not match draft-07').replace(/^Instance/, 'the value')}`);
  }
  return { ok: true, schema };
}

/** A react-admin validator for the schema's text. */
export function validateSchemaText(value: unknown): string | undefined {
  const check = checkSchemaText(typeof value === 'string' ? value : '');
  return check.ok ? undefined : check.problem;
}
