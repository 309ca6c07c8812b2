import '../../test/jsdom-polyfills';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CombinedGraphQLErrors } from '@apollo/client';
import { type ErrorCode, httpStatusOf } from '../../../../../server/src/common/error-codes';
import { toHttpError } from '../graphql';

const SHARED = resolve(__dirname, '../../../../../server/src/common/error-codes.ts');

const coded = (code: string) => new CombinedGraphQLErrors({ errors: [{ message: `A ${code} error.`, extensions: { code } }] });

describe("the back office's statuses for the API's error codes", () => {
  it("are the server's own, from the one definition both sides import", () => {
    const expected: Record<ErrorCode, number> = {
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      BAD_USER_INPUT: 400,
      CONFLICT: 409,
      RATE_LIMITED: 429,
      SERVICE_UNAVAILABLE: 503,
      INTERNAL_SERVER_ERROR: 500,
    };
    for (const [code, status] of Object.entries(expected)) {
      expect(httpStatusOf(code)).toBe(status);
      expect(toHttpError(coded(code))).toMatchObject({ status, body: { code }, message: `A ${code} error.` });
    }
  });

  it('answer 503 when the server was not reached, and 500 for a code outside the set', () => {
    expect(toHttpError(new TypeError('Failed to fetch'))).toMatchObject({ status: 503, body: { code: 'NETWORK' } });
    expect(toHttpError(coded('SOMETHING_NEW')).status).toBe(500);
    expect(toHttpError(coded('toString')).status).toBe(500);
  });

  it('carry the fields the server named, whatever the code (a CONFLICT over a taken value names it too)', () => {
    const withFields = (code: string) =>
      new CombinedGraphQLErrors({ errors: [{ message: 'The slug "acme" is taken.', extensions: { code, fields: [{ field: 'input.slug', message: 'The slug "acme" is taken.' }] } }] });
    for (const code of ['BAD_USER_INPUT', 'CONFLICT']) {
      expect(toHttpError(withFields(code)).body).toEqual({ code, errors: { slug: 'The slug "acme" is taken.', root: { serverError: 'The slug "acme" is taken.' } } });
    }
    expect(toHttpError(coded('CONFLICT')).body).toEqual({ code: 'CONFLICT' });
  });

  it('come from a file that imports nothing, so the client bundles no server code with it', () => {
    expect(readFileSync(SHARED, 'utf8')).not.toMatch(/^\s*(import|export\s[^;]*\sfrom)\s/m);
  });
});
