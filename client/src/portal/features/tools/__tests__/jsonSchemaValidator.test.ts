import type { RJSFSchema } from '@rjsf/utils';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { checkAgainstSchema, createToolInputValidator } from '../jsonSchemaValidator';

/**
 * The run form validates in the browser without eval (the portal's CSP forbids it) with
 * @cfworker/json-schema, which interprets the tool's schema. Here it is held against Ajv,
 * configured as the server's (allErrors, ajv-formats), on the demo catalog's schemas: both must
 * accept and refuse the same inputs, name the same fields and say the same words.
 */

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

const SCHEMAS: Record<string, { schema: Record<string, unknown>; values: unknown[] }> = {
  'vat.validate': {
    schema: { type: 'object', properties: { vatNumber: { type: 'string', minLength: 4, maxLength: 24 } }, required: ['vatNumber'], additionalProperties: false },
    values: [{}, { vatNumber: 'DE1' }, { vatNumber: 'DE136695976' }, { vatNumber: 'x'.repeat(25) }, { vatNumber: 12345 }, { vatNumber: 'DE136695976', extra: 1 }, { vatNumber: '🇩🇪🇩🇪' }],
  },
  'ticket.summarise': {
    schema: {
      type: 'object',
      properties: { ticketId: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }, maxSentences: { type: 'integer', minimum: 1, maximum: 10 } },
      required: ['ticketId'],
      additionalProperties: false,
    },
    values: [{ ticketId: 'VGlja2V0OjE' }, { ticketId: 'VGlja2V0OjE=' }, { ticketId: 'short' }, { ticketId: 'VGlja2V0OjE', maxSentences: 0 }, { ticketId: 'VGlja2V0OjE', maxSentences: 2.5 }, { ticketId: 'VGlja2V0OjE', maxSentences: 10 }, { maxSentences: 3 }],
  },
  'invoice.reconcile': {
    schema: { type: 'object', properties: { invoiceNumber: { type: 'string', minLength: 1 }, amount: { type: 'number', exclusiveMinimum: 0 } }, required: ['invoiceNumber', 'amount'], additionalProperties: false },
    values: [{ invoiceNumber: 'INV-1', amount: 10.5 }, { invoiceNumber: '', amount: 0 }, { invoiceNumber: 'INV-1', amount: -1 }, { invoiceNumber: 'INV-1', amount: '10' }],
  },
  'report.monthly': {
    schema: { type: 'object', properties: { month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } }, required: ['month'], additionalProperties: false },
    values: [{ month: '2026-11' }, { month: '2026-1' }, { month: 'November' }],
  },
  'csv.import-legacy': {
    schema: { type: 'object', properties: { url: { type: 'string', format: 'uri' } }, required: ['url'], additionalProperties: false },
    values: [{ url: 'https://example.com/a.csv' }, { url: 'not a url' }, { url: 'example.com/a.csv' }],
  },
  'ticket.translate': {
    schema: { type: 'object', properties: { ticketId: { type: 'string' }, language: { type: 'string', enum: ['de', 'fr', 'nl', 'it'] } }, required: ['ticketId', 'language'], additionalProperties: false },
    values: [{ ticketId: 'x', language: 'de' }, { ticketId: 'x', language: 'en' }, { ticketId: 'x' }],
  },
  nested: {
    schema: {
      type: 'object',
      properties: { lines: { type: 'array', minItems: 1, items: { type: 'object', properties: { sku: { type: 'string', minLength: 2 }, qty: { type: 'integer', minimum: 1 } }, required: ['sku'] } } },
      required: ['lines'],
    },
    values: [{ lines: [] }, { lines: [{ sku: 'AB', qty: 2 }] }, { lines: [{ sku: 'A', qty: 0 }, { qty: 1 }] }],
  },
};

const fieldsOf = (errors: readonly { instancePath: string; keyword: string; params: Record<string, unknown> }[]) =>
  errors.map((e) => `${e.instancePath}${e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : ''}:${e.keyword}`).sort();

describe('the CSP-safe tool input validator (@cfworker/json-schema as rjsf validator)', () => {
  for (const [key, { schema, values }] of Object.entries(SCHEMAS)) {
    it(`agrees with Ajv on ${key}`, () => {
      const validate = ajv.compile(schema);
      for (const value of values) {
        const ok = validate(value);
        const ours = checkAgainstSchema(schema, value);
        expect({ value, valid: ours.length === 0 }).toEqual({ value, valid: ok });
        expect({ value, fields: fieldsOf(ours) }).toEqual({ value, fields: fieldsOf(validate.errors ?? []) });
        // The same words, so messages read the same as Ajv's would.
        expect({ value, messages: ours.map((e) => e.message).sort() }).toEqual({ value, messages: (validate.errors ?? []).map((e) => e.message).sort() });
      }
    });
  }

  it('plugs into rjsf as its validator: errors keyed by field, titles in messages, isValid for sub-schemas', () => {
    const { schema } = SCHEMAS['vat.validate'] ?? { schema: {} };
    const validator = createToolInputValidator();
    expect(validator.validateFormData({ vatNumber: 'DE136695976' }, schema).errors).toEqual([]);
    const bad = validator.validateFormData({ vatNumber: 'DE1' }, schema);
    expect(bad.errors.map((e) => e.property)).toEqual(['.vatNumber']);
    expect(bad.errorSchema).toEqual({ vatNumber: { __errors: ['must NOT have fewer than 4 characters'] } });
    expect(validator.rawValidation(schema, { vatNumber: 'DE1' }).errors).toHaveLength(1);

    // A missing field is named by its title, as @rjsf/validator-ajv8 does.
    const titled: RJSFSchema = { type: 'object', properties: { vatNumber: { type: 'string', title: 'VAT number' } }, required: ['vatNumber'] };
    const missing = validator.validateFormData({}, titled);
    expect(missing.errors.map((e) => [e.property, e.message])).toEqual([['.vatNumber', "must have required property 'VAT number'"]]);
    expect(missing.errorSchema).toEqual({ vatNumber: { __errors: ["must have required property 'VAT number'"] } });

    // rjsf asks about sub-schemas (oneOf options) with the root for their $refs.
    const root: RJSFSchema = { definitions: { code: { type: 'string', pattern: '^[A-Z]{2}$' } }, type: 'object', properties: { c: { $ref: '#/definitions/code' } } };
    expect(validator.isValid({ $ref: '#/definitions/code' }, 'DE', root)).toBe(true);
    expect(validator.isValid({ $ref: '#/definitions/code' }, 'de', root)).toBe(false);

    // Custom validation and error transforms still run, merged into the same error schema.
    const custom = validator.validateFormData(
      { vatNumber: 'XX123456' },
      schema,
      (data, errors) => {
        if (String((data as { vatNumber?: string }).vatNumber).startsWith('XX')) errors.vatNumber?.addError('unknown country');
        return errors;
      },
      (errors) => errors.map((e) => ({ ...e, message: e.message?.toUpperCase() })),
    );
    expect(custom.errorSchema).toMatchObject({ vatNumber: { __errors: ['unknown country'] } });
    expect(custom.errors.map((e) => e.stack)).toEqual(['.vatNumber unknown country']);
  });

  it('never compiles code: it works with eval and new Function unavailable, as under the CSP', () => {
    const originalFunction = globalThis.Function;
    const originalEval = globalThis.eval;
    const refuse = () => {
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP).');
    };
    globalThis.Function = refuse as unknown as FunctionConstructor;
    globalThis.eval = refuse;
    try {
      const schema = SCHEMAS['ticket.summarise']?.schema ?? {};
      const validator = createToolInputValidator();
      expect(validator.validateFormData({ ticketId: 'short', maxSentences: 0 }, schema).errors.map((e) => e.property).sort()).toEqual(['.maxSentences', '.ticketId']);
      expect(validator.isValid(schema, { ticketId: 'VGlja2V0OjE' }, schema)).toBe(true);
    } finally {
      globalThis.Function = originalFunction;
      globalThis.eval = originalEval;
    }
  });
});
