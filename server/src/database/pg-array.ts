/**
 * A PostgreSQL array literal to bind as one parameter, as in `id = any(?::uuid[])`: one statement
 * for a whole DataLoader batch. Only for values without commas, quotes or braces (uuids, enum
 * names); free text must not go through here.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}
