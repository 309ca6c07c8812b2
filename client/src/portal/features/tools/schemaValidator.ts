import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { hashForSchema, ID_KEY } from '@rjsf/utils';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import type { CompiledValidateFunction, ValidatorFunctions } from '@rjsf/validator-ajv8';

/**
 * Client-side validation of a tool's input for the run form, without `eval`.
 *
 * The portal runs under a Content-Security-Policy with `script-src 'self'` (no 'unsafe-eval'),
 * and Ajv compiles every schema with `new Function`, so `@rjsf/validator-ajv8`'s default
 * validator cannot run in the browser. Its *precompiled* validator can: it takes ready-made
 * validate functions (normally generated at build time) and does everything else the same way
 * (Ajv error objects, rjsf's error schema, messages). Tool schemas come from the database, so
 * the functions here interpret the schema instead, and report errors in Ajv's shape and words.
 *
 * The keywords interpreted are the draft-07 ones tool schemas use (type, properties, required,
 * additionalProperties, string lengths, pattern, common formats, numeric bounds, enum, const,
 * items and array bounds, allOf/anyOf/oneOf/not). Anything else is left to the server, which
 * checks every input with Ajv itself (BAD_USER_INPUT with `fields`), so the client can only be
 * more lenient, never stricter. A differential test compares both on the demo tools' schemas.
 */

type Json = unknown;
type Schema = Record<string, unknown> | boolean;

export interface AjvLikeError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function hasType(v: Json, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Ajv (with ajv-formats) format checks for the formats tool schemas use; unknown formats pass. */
const FORMATS: Record<string, (s: string) => boolean> = {
  email: (s) => /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(s),
  uri: (s) => {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(s) || /\s/.test(s)) return false;
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  },
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)),
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
  uuid: (s) => /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(s),
};

const patterns = new Map<string, RegExp | null>();
function patternOf(source: string): RegExp | null {
  if (!patterns.has(source)) {
    try {
      patterns.set(source, new RegExp(source, 'u'));
    } catch {
      patterns.set(source, null);
    }
  }
  return patterns.get(source) ?? null;
}

const codePoints = (s: string) => [...s].length;
const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Validates `data` against `schema`; returns Ajv-shaped errors (empty when valid). */
export function checkAgainstSchema(schema: Schema, data: Json): AjvLikeError[] {
  const errors: AjvLikeError[] = [];
  walk(schema, data, '', '#', errors);
  return errors;
}

function walk(schema: Schema, data: Json, path: string, sp: string, out: AjvLikeError[]): void {
  if (schema === true) return;
  if (schema === false) {
    out.push({ instancePath: path, schemaPath: sp, keyword: 'false schema', params: {}, message: 'boolean schema is false' });
    return;
  }
  const s = schema;
  const err = (keyword: string, params: Record<string, unknown>, message: string) => out.push({ instancePath: path, schemaPath: `${sp}/${keyword}`, keyword, params, message });

  if (s.type !== undefined) {
    const types = (Array.isArray(s.type) ? s.type : [s.type]).map(String);
    if (!types.some((t) => hasType(data, t))) {
      err('type', { type: types.join(',') }, `must be ${types.join(',')}`);
      return; // Ajv reports the type alone; the other keywords would only repeat it.
    }
  }
  if (Array.isArray(s.enum) && !s.enum.some((v) => deepEqual(v, data))) err('enum', { allowedValues: s.enum }, 'must be equal to one of the allowed values');
  if ('const' in s && !deepEqual(s.const, data)) err('const', { allowedValue: s.const }, 'must be equal to constant');

  if (typeof data === 'string') {
    const n = codePoints(data);
    if (typeof s.maxLength === 'number' && n > s.maxLength) err('maxLength', { limit: s.maxLength }, `must NOT have more than ${s.maxLength} characters`);
    if (typeof s.minLength === 'number' && n < s.minLength) err('minLength', { limit: s.minLength }, `must NOT have fewer than ${s.minLength} characters`);
    if (typeof s.pattern === 'string') {
      const re = patternOf(s.pattern);
      if (re && !re.test(data)) err('pattern', { pattern: s.pattern }, `must match pattern "${s.pattern}"`);
    }
    if (typeof s.format === 'string') {
      const check = FORMATS[s.format];
      if (check && !check(data)) err('format', { format: s.format }, `must match format "${s.format}"`);
    }
  }

  if (typeof data === 'number') {
    const bound = (keyword: string, limit: unknown, fails: (l: number) => boolean, op: string) => {
      if (typeof limit === 'number' && fails(limit)) err(keyword, { comparison: op, limit }, `must be ${op} ${limit}`);
    };
    bound('maximum', s.maximum, (l) => data > l, '<=');
    bound('minimum', s.minimum, (l) => data < l, '>=');
    bound('exclusiveMaximum', s.exclusiveMaximum, (l) => data >= l, '<');
    bound('exclusiveMinimum', s.exclusiveMinimum, (l) => data <= l, '>');
    if (typeof s.multipleOf === 'number' && s.multipleOf > 0) {
      const q = data / s.multipleOf;
      if (Math.abs(q - Math.round(q)) > 1e-9) err('multipleOf', { multipleOf: s.multipleOf }, `must be multiple of ${s.multipleOf}`);
    }
  }

  if (Array.isArray(data)) {
    if (typeof s.maxItems === 'number' && data.length > s.maxItems) err('maxItems', { limit: s.maxItems }, `must NOT have more than ${s.maxItems} items`);
    if (typeof s.minItems === 'number' && data.length < s.minItems) err('minItems', { limit: s.minItems }, `must NOT have fewer than ${s.minItems} items`);
    if (s.uniqueItems === true) {
      for (let i = data.length - 1; i > 0; i--) {
        const j = data.findIndex((x, k) => k < i && deepEqual(x, data[i]));
        if (j >= 0) {
          err('uniqueItems', { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
          break;
        }
      }
    }
    if (isObject(s.items) || typeof s.items === 'boolean') {
      const items = s.items;
      data.forEach((item, i) => walk(items, item, `${path}/${i}`, `${sp}/items`, out));
    } else if (Array.isArray(s.items)) {
      const tuple = s.items as Schema[];
      data.forEach((item, i) => {
        const sub = tuple[i];
        if (sub !== undefined) walk(sub, item, `${path}/${i}`, `${sp}/items/${i}`, out);
        else if (s.additionalItems !== undefined) walk(s.additionalItems as Schema, item, `${path}/${i}`, `${sp}/additionalItems`, out);
      });
    }
  }

  if (isObject(data)) {
    if (Array.isArray(s.required)) {
      for (const key of s.required.map(String)) {
        if (!(key in data) || data[key] === undefined) err('required', { missingProperty: key }, `must have required property '${key}'`);
      }
    }
    const props = isObject(s.properties) ? s.properties : {};
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined) continue;
      const sub = props[key];
      if (sub !== undefined) {
        walk(sub as Schema, value, `${path}/${escapePointer(key)}`, `${sp}/properties/${escapePointer(key)}`, out);
      } else if (s.additionalProperties === false) {
        err('additionalProperties', { additionalProperty: key }, 'must NOT have additional properties');
      } else if (isObject(s.additionalProperties)) {
        walk(s.additionalProperties, value, `${path}/${escapePointer(key)}`, `${sp}/additionalProperties`, out);
      }
    }
  }

  if (Array.isArray(s.allOf)) (s.allOf as Schema[]).forEach((sub, i) => walk(sub, data, path, `${sp}/allOf/${i}`, out));
  if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some((sub) => checkAgainstSchema(sub, data).length === 0)) err('anyOf', {}, 'must match a schema in anyOf');
  if (Array.isArray(s.oneOf)) {
    const passing = (s.oneOf as Schema[]).filter((sub) => checkAgainstSchema(sub, data).length === 0).length;
    if (passing !== 1) err('oneOf', { passingSchemas: null }, 'must match exactly one schema in oneOf');
  }
  if (s.not !== undefined && checkAgainstSchema(s.not as Schema, data).length === 0) err('not', {}, 'must NOT be valid');
}

function validateFunctionFor(schema: Schema): CompiledValidateFunction {
  const fn: CompiledValidateFunction = (data: Json) => {
    const errors = checkAgainstSchema(schema, data);
    fn.errors = errors.length ? (errors as CompiledValidateFunction['errors']) : null;
    return errors.length === 0;
  };
  return fn;
}

/** Every sub-schema rjsf may ask about (by $id or its hash), each with its validate function. */
function collectFunctions(schema: Schema, fns: ValidatorFunctions): void {
  if (!isObject(schema)) return;
  const key = typeof schema[ID_KEY] === 'string' ? schema[ID_KEY] : hashForSchema(schema as RJSFSchema);
  if (!fns[key]) fns[key] = validateFunctionFor(schema);
  const children: unknown[] = [
    ...Object.values(isObject(schema.properties) ? schema.properties : {}),
    schema.additionalProperties,
    ...(Array.isArray(schema.items) ? (schema.items as unknown[]) : [schema.items]),
    ...(['allOf', 'anyOf', 'oneOf'] as const).flatMap((k) => (Array.isArray(schema[k]) ? (schema[k] as unknown[]) : [])),
    schema.not,
  ];
  for (const child of children) if (isObject(child)) collectFunctions(child, fns);
}

/** rjsf's Ajv 8 precompiled validator for one tool's input schema, CSP-safe (no eval). */
export function createToolInputValidator(schema: RJSFSchema): ValidatorType {
  const fns: ValidatorFunctions = {};
  collectFunctions(schema, fns);
  return createPrecompiledValidator(fns, schema);
}
