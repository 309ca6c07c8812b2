import { type OutputUnit, type Schema, Validator } from '@cfworker/json-schema';
import {
  createErrorHandler,
  getDefaultFormState,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  toErrorSchema,
  type UiSchema,
  unwrapErrorHandler,
  type ValidationData,
  validationDataMerge,
  type ValidatorType,
} from '@rjsf/utils';

/**
 * rjsf's validator for the run form, on `@cfworker/json-schema`: a maintained JSON Schema
 * validator that interprets schemas instead of compiling them, so it runs under the portal's
 * Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval'), where Ajv's `new Function`
 * cannot. Tool schemas come from the database, so nothing could be precompiled at build time.
 *
 * Errors are reported as Ajv words ("must NOT have fewer than 4 characters"), the same ones the
 * server sends back (it validates every input with Ajv and answers BAD_USER_INPUT with `fields`),
 * so a message reads the same whichever side found it.
 */

export interface AjvLikeError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

// The server checks inputs with Ajv's default, draft-07; read schemas the same way.
const DRAFT = '7';

/** Keywords whose cfworker error only says "a sub-schema failed": the sub-schema's own errors follow it. */
const SUMMARY_KEYWORDS = new Set(['properties', 'patternProperties', 'items', 'prefixItems', 'additionalItems', 'allOf', '$ref', '$recursiveRef', '$dynamicRef', 'dependentSchemas', 'contains', 'unevaluatedProperties', 'unevaluatedItems', 'propertyNames', 'if', 'then', 'else']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a `#/a/b` JSON pointer of `root` (undefined when it is not there). */
function at(root: unknown, pointer: string): unknown {
  const parts = pointer.replace(/^#\/?/, '').split('/').filter(Boolean);
  let node: unknown = root;
  for (const raw of parts) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

const instancePathOf = (location: string) => location.replace(/^#/, '');
const quoted = (message: string) => /"((?:[^"\\]|\\.)*)"/.exec(message)?.[1] ?? '';

/** One cfworker output unit in Ajv's shape and words; null for summaries and their echoes. */
function toAjv(unit: OutputUnit, root: Schema | boolean): AjvLikeError | null {
  const { keyword, keywordLocation } = unit;
  const instancePath = instancePathOf(unit.instanceLocation);
  const limit = at(root, keywordLocation);
  const error = (params: Record<string, unknown>, message: string): AjvLikeError => ({ instancePath, schemaPath: keywordLocation, keyword, params, message });
  switch (keyword) {
    case 'type': {
      const types = (Array.isArray(limit) ? limit : [limit]).map(String);
      return error({ type: types.join(',') }, `must be ${types.join(',')}`);
    }
    case 'required': {
      const missingProperty = quoted(unit.error);
      return error({ missingProperty }, `must have required property '${missingProperty}'`);
    }
    case 'additionalProperties': {
      // `additionalProperties: false` is the one Ajv words itself; a schema's failures follow it.
      if (limit !== false) return null;
      return error({ additionalProperty: quoted(unit.error) }, 'must NOT have additional properties');
    }
    case 'false':
      // The echo of `additionalProperties: false` (reported above) or a `false` sub-schema.
      return keywordLocation.endsWith('/additionalProperties') || at(root, keywordLocation) === undefined ? null : error({}, 'boolean schema is false');
    case 'minLength':
      return error({ limit }, `must NOT have fewer than ${String(limit)} characters`);
    case 'maxLength':
      return error({ limit }, `must NOT have more than ${String(limit)} characters`);
    case 'minItems':
      return error({ limit }, `must NOT have fewer than ${String(limit)} items`);
    case 'maxItems':
      return error({ limit }, `must NOT have more than ${String(limit)} items`);
    case 'minProperties':
      return error({ limit }, `must NOT have fewer than ${String(limit)} properties`);
    case 'maxProperties':
      return error({ limit }, `must NOT have more than ${String(limit)} properties`);
    case 'minimum':
      return error({ comparison: '>=', limit }, `must be >= ${String(limit)}`);
    case 'maximum':
      return error({ comparison: '<=', limit }, `must be <= ${String(limit)}`);
    case 'exclusiveMinimum':
      return error({ comparison: '>', limit }, `must be > ${String(limit)}`);
    case 'exclusiveMaximum':
      return error({ comparison: '<', limit }, `must be < ${String(limit)}`);
    case 'multipleOf':
      return error({ multipleOf: limit }, `must be multiple of ${String(limit)}`);
    case 'pattern':
      return error({ pattern: limit }, `must match pattern "${String(limit)}"`);
    case 'format':
      return error({ format: limit }, `must match format "${String(limit)}"`);
    case 'enum':
      return error({ allowedValues: limit }, 'must be equal to one of the allowed values');
    case 'const':
      return error({ allowedValue: limit }, 'must be equal to constant');
    case 'uniqueItems':
      return error({}, 'must NOT have duplicate items');
    case 'anyOf':
      return error({}, 'must match a schema in anyOf');
    case 'oneOf':
      return error({ passingSchemas: null }, 'must match exactly one schema in oneOf');
    case 'not':
      return error({}, 'must NOT be valid');
    default:
      return SUMMARY_KEYWORDS.has(keyword) ? null : error({}, unit.error);
  }
}

/** Validates `data` against `schema`: every failure, Ajv-shaped (empty when valid). */
export function checkAgainstSchema(schema: Schema | boolean, data: unknown): AjvLikeError[] {
  const result = new Validator(schema, DRAFT, false).validate(data);
  if (result.valid) return [];
  const seen = new Set<string>();
  const errors: AjvLikeError[] = [];
  for (const unit of result.errors) {
    const e = toAjv(unit, schema);
    if (!e) continue;
    // cfworker repeats an item's failure once per summary level; keep each once.
    const key = `${e.instancePath}|${e.schemaPath}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(e);
  }
  return errors;
}

/** Ajv-shaped errors as rjsf's list (as @rjsf/validator-ajv8 words them, titles included). */
function toRjsfErrors(errors: readonly AjvLikeError[], schema: RJSFSchema, uiSchema?: UiSchema): RJSFValidationError[] {
  return errors.map((e) => {
    let property = e.instancePath.replace(/\//g, '.');
    let message = e.message;
    const missing = typeof e.params.missingProperty === 'string' ? e.params.missingProperty : null;
    if (missing !== null) {
      property = `${property}.${missing}`;
      const parent = at(schema, `#${e.schemaPath.replace(/^#/, '').replace(/\/required$/, '')}`);
      const title = (isObject(uiSchema) && isObject(uiSchema[missing]) ? uiSchema[missing]['ui:title'] : undefined) ?? (isObject(parent) && isObject(parent.properties) && isObject(parent.properties[missing]) ? parent.properties[missing].title : undefined);
      if (typeof title === 'string') message = message.replace(`'${missing}'`, `'${title}'`);
    }
    return { name: e.keyword, property, message, params: e.params, stack: missing !== null ? message : `${property} ${message}`.trim(), schemaPath: e.schemaPath };
  });
}

/** Sub-schemas rjsf asks about may `$ref` the root's definitions: give them the root's. */
function withRootDefinitions(schema: RJSFSchema, root: RJSFSchema): RJSFSchema {
  if (schema === root || !isObject(schema)) return schema;
  return { ...(root.definitions ? { definitions: root.definitions } : {}), ...(root.$defs ? { $defs: root.$defs } : {}), ...schema };
}

/** rjsf's ValidatorType for one tool's input schema, on @cfworker/json-schema (no eval). */
export class JsonSchemaValidator<T = unknown> implements ValidatorType<T> {
  rawValidation<Result = AjvLikeError>(schema: RJSFSchema, formData?: T): { errors?: Result[]; validationError?: Error } {
    try {
      const errors = checkAgainstSchema(schema as Schema, formData);
      return { errors: errors.length ? (errors as Result[]) : undefined };
    } catch (err) {
      // A schema the validator cannot read: rjsf shows it as a form-level error.
      return { validationError: err instanceof Error ? err : new Error('The form’s schema could not be read.') };
    }
  }

  validateFormData(formData: T | undefined, schema: RJSFSchema, customValidate?: CustomValidator<T>, transformErrors?: ErrorTransformer<T>, uiSchema?: UiSchema<T>): ValidationData<T> {
    const raw = this.rawValidation<AjvLikeError>(schema, formData);
    let errors = toRjsfErrors(raw.errors ?? [], schema, uiSchema);
    if (raw.validationError) errors = [...errors, { stack: raw.validationError.message }];
    if (typeof transformErrors === 'function') errors = transformErrors(errors, uiSchema);
    let errorSchema = toErrorSchema<T>(errors);
    if (raw.validationError) errorSchema = { ...errorSchema, $schema: { __errors: [raw.validationError.message] } };
    if (typeof customValidate !== 'function') return { errors, errorSchema };
    const withDefaults = getDefaultFormState<T>(this, schema, formData, schema, true) as T;
    const handler = customValidate(withDefaults, createErrorHandler<T>(withDefaults), uiSchema, errorSchema);
    return validationDataMerge<T>({ errors, errorSchema }, unwrapErrorHandler<T>(handler));
  }

  isValid(schema: RJSFSchema, formData: T | undefined, rootSchema: RJSFSchema): boolean {
    try {
      return checkAgainstSchema(withRootDefinitions(schema, rootSchema) as Schema, formData).length === 0;
    } catch {
      return false;
    }
  }
}

/** The run form's validator (one per tool schema; it keeps nothing between calls). */
export function createToolInputValidator(): ValidatorType {
  return new JsonSchemaValidator();
}
