import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client';
import type { ErrorSchema } from '@rjsf/utils';

interface FieldProblem {
  field: string;
  message: string;
}

function problemsOf(error: ErrorLike | null | undefined): FieldProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const out: FieldProblem[] = [];
  for (const e of error.errors) {
    if (e.extensions?.code !== 'BAD_USER_INPUT' || !Array.isArray(e.extensions.fields)) continue;
    for (const f of e.extensions.fields as unknown[]) {
      if (f && typeof f === 'object' && 'field' in f && 'message' in f) out.push({ field: String(f.field), message: String(f.message) });
    }
  }
  return out;
}

/**
 * startRun's BAD_USER_INPUT lists each problem with the input as `{ field: "input.a.0.b", message }`
 * (the message repeats the path first). This turns them into rjsf's `extraErrors`, so each shows
 * beside its field; `rest` holds what belongs to no form field (e.g. `toolId`), for a banner.
 */
export function runInputErrorsOf(error: ErrorLike | null | undefined): { extraErrors: ErrorSchema | undefined; rest: string[] } {
  const problems = problemsOf(error);
  if (!problems.length) return { extraErrors: undefined, rest: [] };
  const root: Record<string, unknown> = {};
  const rest: string[] = [];
  for (const { field, message } of problems) {
    const path = field.split('.');
    if (path[0] !== 'input') {
      rest.push(message);
      continue;
    }
    const text = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
    let node = root;
    for (const key of path.slice(1)) {
      const next = (node[key] ??= {}) as Record<string, unknown>;
      node = next;
    }
    const errors = ((node.__errors as string[] | undefined) ??= []);
    errors.push(text);
  }
  return { extraErrors: Object.keys(root).length ? (root as ErrorSchema) : undefined, rest };
}
