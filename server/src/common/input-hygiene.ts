import { getMetadataStorage, type ValidationError, type ValidatorOptions, validateOrReject } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';
import { badInput, type FieldError } from './errors';

/*
 * Input hygiene: text the platform cannot store or log faithfully is refused at the door.
 * PostgreSQL rejects NUL (U+0000) in text and jsonb, and a lone UTF-16 surrogate is not
 * Unicode at all (it cannot be encoded as UTF-8); either used to surface as a 500 deep inside
 * a write. Every GraphQL argument passes `validateArgument` (buildSchema's validateFn), and the
 * REST routes that take text call `unsafeTextFields` on what they parsed.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** At most this many fields are named in one refusal. */
const MAX_REPORTED = 10;

export type TextProblem = 'NUL' | 'LONE_SURROGATE';

/** What is wrong with one string, or null when it can be stored as it is. */
export function textProblem(value: string): TextProblem | null {
  if (value.includes('\u0000')) return 'NUL';
  if (LONE_SURROGATE.test(value)) return 'LONE_SURROGATE';
  return null;
}

const join = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key));

function describe(problem: TextProblem, field: string, inKey: boolean): string {
  const what = inKey ? `A key in ${field || 'the input'}` : field || 'The input';
  return problem === 'NUL'
    ? `${what} contains a NUL character (U+0000), which is not allowed in text.`
    : `${what} contains a lone surrogate (half of a UTF-16 pair), which is not valid Unicode.`;
}

/**
 * Every string in `value` (nested objects, lists, object keys, JSON scalars alike) that is not
 * storable text, named by its path below `path` ("payload.items.0.text"). Empty when all is well.
 */
export function unsafeTextFields(value: unknown, path = ''): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<object>();
  const stack: { value: unknown; path: string }[] = [{ value, path }];
  while (stack.length && out.length < MAX_REPORTED) {
    const item = stack.pop();
    if (!item) break;
    const v = item.value;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) out.push({ field: item.path, message: describe(problem, item.path, false) });
      continue;
    }
    if (v === null || typeof v !== 'object' || seen.has(v) || v instanceof Date || ArrayBuffer.isView(v)) continue;
    seen.add(v);
    // Pushed in reverse so problems are reported in document order.
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (typeof key === 'string') {
        const problem = textProblem(key);
        // The key itself is not echoed back: it is the very text that cannot be shown.
        if (problem) {
          out.push({ field: item.path, message: describe(problem, item.path, true) });
          continue;
        }
      }
      stack.push({ value: child, path: join(item.path, key) });
    }
  }
  return out;
}

/** Throws BAD_USER_INPUT naming the fields when `value` holds text that cannot be stored. */
export function assertSafeText(value: unknown, path = ''): void {
  const fields = unsafeTextFields(value, path);
  if (fields.length) throw badInput(fields.map((f) => f.message).join(' '), fields);
}

/* ------------------------------------------------------------------ */
/* blank text                                                          */
/* ------------------------------------------------------------------ */

/**
 * What renders as nothing: whitespace, control and format characters (zero-width space and
 * joiners, word joiner, BOM, soft hyphen, bidi marks and isolates), the other default-ignorable
 * code points (variation selectors, Hangul fillers, combining grapheme joiner) and the blank
 * Braille pattern.
 */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** The text without its invisible characters; for deciding blankness, not for storing. */
export function visibleText(value: string): string {
  return value.replace(INVISIBLE, '');
}

/** Characters (code points) that show; what a minimum length of required text counts. */
export function visibleLength(value: string): number {
  let n = 0;
  for (const _ of visibleText(value)) n++;
  return n;
}

/** True when nothing in the text would show: "", spaces, or only zero-width characters. */
export function isBlank(value: string | null | undefined): boolean {
  return !value || visibleLength(value) === 0;
}

/* ------------------------------------------------------------------ */
/* GraphQL: the one check on every argument                            */
/* ------------------------------------------------------------------ */

/** The argument's name, for a value that is not an input object (whose fields name themselves). */
function argumentName(argValue: unknown, args: Record<string, unknown>): string {
  for (const [name, raw] of Object.entries(args)) {
    if (raw === argValue) return name;
    // List arguments are copied item by item when type-graphql converts them.
    if (Array.isArray(raw) && Array.isArray(argValue) && raw.length === argValue.length && raw.every((x, i) => x === argValue[i])) return name;
  }
  return '';
}

/** type-graphql's own defaults for class-validator (see its validate-arg). */
const CLASS_VALIDATOR_OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

let hasRulesByClass = new WeakMap<object, boolean>();

/**
 * Whether class-validator holds any rule for the value's class (its own or inherited). A class
 * without one passes validateOrReject with these options whatever it holds, and class-validator
 * finds that out by filtering every rule it knows, on every call (about 1 % of a list page's CPU
 * for an `orderBy` argument); the answer is kept per class. Rules are registered by decorators
 * when a class is defined, before the schema is built, so it never changes afterwards.
 */
function hasRules(value: object): boolean {
  const ctor = value.constructor as (new () => object) | undefined;
  if (!ctor) return true;
  let known = hasRulesByClass.get(ctor);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(ctor, '', false, false).length > 0;
    hasRulesByClass.set(ctor, known);
  }
  return known;
}

type RuleStorage = {
  getTargetValidationMetadatas(target: object, schema: string, always: boolean, strictGroups: boolean, groups?: string[]): ValidationMetadata[];
  addValidationMetadata(metadata: ValidationMetadata): void;
};

let rulesRemembered = false;

/**
 * Makes class-validator find each class's rules once. On every validation it looks them up
 * afresh: its own, then those of every class it knows that the class extends, by testing the
 * class against each one (`instanceof`), which on a list page's arguments cost about 2 % of the
 * request's CPU. The answer depends only on the class and the options, and changes only when a
 * rule is added (a decorator runs as its class is defined, before the schema is built): the
 * storage's lookup is wrapped to keep its answer per class and options, and the answers are all
 * forgotten whenever a rule is added. The answers are frozen: class-validator only reads them.
 * Called once, when the schema is built.
 */
export function rememberValidationRules(): void {
  if (rulesRemembered) return;
  rulesRemembered = true;
  const storage = getMetadataStorage() as unknown as RuleStorage;
  const find = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let known = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let byOptions = known.get(target);
    if (!byOptions) known.set(target, (byOptions = new Map<string, ValidationMetadata[]>()));
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? '-'}`;
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = Object.freeze(find(target, schema, always, strictGroups, groups)) as ValidationMetadata[]));
    return rules;
  };
  // addValidationSchema adds through this method too.
  storage.addValidationMetadata = (metadata) => {
    known = new WeakMap();
    hasRulesByClass = new WeakMap();
    add(metadata);
  };
}

/**
 * buildSchema's `validateFn`, run by type-graphql for every argument of every resolver (root
 * fields and field resolvers, variables and inline literals alike, after coercion). A validateFn
 * replaces type-graphql's class-validator step, so after the hygiene check this does exactly what
 * that step did: validate input objects (each item of a list) and throw ArgumentValidationError,
 * which the error formatter turns into BAD_USER_INPUT with `fields`.
 *
 * Field names follow class-validator's: relative to an input-object argument ("subject",
 * "input.vatNumber" inside StartRunInput.input), the argument's name for a scalar or a list.
 */
export const validateArgument: ValidatorFn = async (argValue: unknown, _argType, { args }) => {
  const path = isObject(argValue) && !Array.isArray(argValue) ? '' : argumentName(argValue, args);
  assertSafeText(argValue, path);
  if (!isObject(argValue)) return;
  try {
    if (Array.isArray(argValue)) {
      await Promise.all((argValue as unknown[]).filter((item): item is object => isObject(item) && hasRules(item)).map((item) => validateOrReject(item, CLASS_VALIDATOR_OPTIONS)));
    } else if (hasRules(argValue)) {
      await validateOrReject(argValue, CLASS_VALIDATOR_OPTIONS);
    }
  } catch (err) {
    throw new ArgumentValidationError(err as ValidationError[]);
  }
};
