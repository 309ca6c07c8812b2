import { length, ValidateBy, type ValidationOptions } from 'class-validator';
import { visibleLength } from './input-hygiene';

/**
 * class-validator's Length for text the API requires to say something: the minimum counts only
 * characters that show, so "   " or a run of zero-width spaces is as blank as "". The maximum
 * counts every character, as Length does (it bounds what is stored).
 */
export function VisibleLength(min: number, max: number, validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'visibleLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && visibleLength(value) >= min && length(value, 0, max),
        defaultMessage: (args) => `${args?.property ?? 'The text'} must have ${min} to ${max} characters, not counting spaces and invisible ones.`,
      },
    },
    validationOptions,
  );
}
