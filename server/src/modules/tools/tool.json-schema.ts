import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { badInput, type FieldError } from '../../common/errors';

/**
 * JSON Schema (draft-07) for tool inputs: checking a schema staff save, and checking inputs
 * (run input, panel defaults) against it. One shared Ajv in strict mode, so a typo in a keyword
 * or an unknown format is refused when the schema is saved rather than ignored at run time.
 */
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  // Type-combination and tuple checks only log; keep them quiet rather than noisy.
  strictTypes: false,
  strictTuples: false,
  allowUnionTypes: true,
  coerceTypes: false,
  useDefaults: false,
  logger: false,
});
addFormats(ajv);

export const MAX_SCHEMA_BYTES = 32 * 1024;
export const MAX_INPUT_BYTES = 64 * 1024;
const MAX_DEPTH = 32;

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Serialized size in bytes (JSON), or Infinity when it cannot be serialized. */
export function jsonSize(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** `$id` registers a schema in Ajv's shared registry (and two tools could clash); keep schemas anonymous. */
function findProblem(node: unknown, path: string, depth: number): string | null {
  if (depth > MAX_DEPTH) return `${path || 'schema'} is nested too deeply (max ${MAX_DEPTH}).`;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const p = findProblem(node[i], `${path}/${i}`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (!isJsonObject(node)) return null;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id') return `Remove "$id" at ${path || '/'}: tool schemas are anonymous.`;
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) return `Only local "$ref"s ("#/...") are allowed (at ${path || '/'}).`;
    const p = findProblem(value, `${path}/${key}`, depth + 1);
    if (p) return p;
  }
  return null;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
}

/**
 * Problems with a schema as staff typed it: not an object, too big, not draft-07, or refused by
 * Ajv's strict compilation. Empty when the schema is usable; the top level must describe an object.
 */
export function checkInputSchema(schema: unknown, field = 'inputSchema'): FieldError[] {
  const fail = (message: string): FieldError[] => [{ field, message }];
  if (!isJsonObject(schema)) return fail('The input schema must be a JSON object.');
  if (jsonSize(schema) > MAX_SCHEMA_BYTES) return fail(`The input schema is too large (max ${MAX_SCHEMA_BYTES / 1024} KB).`);
  if (schema.type !== 'object') return fail('The input schema must describe an object: set "type": "object".');
  if (schema.$schema !== undefined && schema.$schema !== 'http://json-schema.org/draft-07/schema#') {
    return fail('Only JSON Schema draft-07 is supported; remove "$schema" or set it to "http://json-schema.org/draft-07/schema#".');
  }
  const problem = findProblem(schema, '', 0);
  if (problem) return fail(problem);
  if (!ajv.validateSchema(schema)) return fail(`Not a valid JSON Schema: ${describe(ajv.errors)}.`);
  try {
    ajv.compile(schema);
  } catch (err) {
    return fail(`The input schema cannot be used: ${err instanceof Error ? err.message : 'it does not compile'}.`);
  } finally {
    ajv.removeSchema(schema);
  }
  return [];
}

/** Compiled validators, keyed by the schema's JSON; bounded so edited schemas do not pile up. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 200;

function validatorFor(schema: JsonObject): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (fn) {
    // Refresh its place: the map iterates oldest first.
    compiled.delete(key);
    compiled.set(key, fn);
    return fn;
  }
  fn = ajv.compile(schema);
  compiled.set(key, fn);
  if (compiled.size > MAX_COMPILED) {
    const [oldestKey, oldest] = compiled.entries().next().value as [string, ValidateFunction];
    compiled.delete(oldestKey);
    ajv.removeSchema(oldest.schema);
  }
  return fn;
}

/** "/a/0/b" -> "a.0.b" (JSON pointer unescaped). */
function pointerToPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function toFieldErrors(errors: ErrorObject[], root: string): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const path = pointerToPath(e.instancePath);
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      path.push(String((e.params as { missingProperty: string }).missingProperty));
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path.push(String((e.params as { additionalProperty: string }).additionalProperty));
      message = 'is not an allowed property';
    } else if (e.keyword === 'enum') {
      message = `must be one of: ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const field = [root, ...path].join('.');
    const key = `${field}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, message: `${field} ${message}.` });
  }
  return out;
}

/**
 * Checks `value` against a tool's input schema. `partial` drops the top-level `required` list,
 * for panel defaults that prefill only some fields. Returns the problems, as `fields`.
 */
export function validateAgainstSchema(schema: JsonObject, value: unknown, opts: { field?: string; partial?: boolean } = {}): FieldError[] {
  const field = opts.field ?? 'input';
  if (!isJsonObject(value)) return [{ field, message: `${field} must be a JSON object.` }];
  if (jsonSize(value) > MAX_INPUT_BYTES) return [{ field, message: `${field} is too large (max ${MAX_INPUT_BYTES / 1024} KB).` }];
  let effective = schema;
  if (opts.partial && 'required' in schema) {
    const { required: _required, ...rest } = schema;
    effective = rest;
  }
  const validate = validatorFor(effective);
  if (validate(value)) return [];
  return toFieldErrors(validate.errors ?? [], field);
}

/** Throws BAD_USER_INPUT listing every problem when `value` does not match the schema. */
export function assertMatchesSchema(schema: JsonObject, value: unknown, opts: { field?: string; partial?: boolean; what?: string } = {}): void {
  const fields = validateAgainstSchema(schema, value, opts);
  if (fields.length) {
    const what = opts.what ?? 'The input';
    throw badInput(`${what} does not match the tool's input schema: ${fields.map((f) => f.message).join(' ')}`, fields);
  }
}
