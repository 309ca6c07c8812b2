import type { ToolHandler } from '../run.handler';
import { checkVatNumber } from './vat';

export const VAT_VALIDATE_SCHEMA = {
  type: 'object',
  properties: {
    vatNumber: { type: 'string', minLength: 4, maxLength: 24, description: 'An EU VAT number with its country prefix, e.g. "DE 136 695 976".' },
  },
  required: ['vatNumber'],
  additionalProperties: false,
} as const;

/** Checks an EU VAT number's format and, where implemented, its check digits. An invalid number is a result, not a failure. */
export const validateVat: ToolHandler = async ({ input }) => {
  const result = checkVatNumber(String(input.vatNumber));
  return { ...result };
};
