import { ApolloLink } from '@apollo/client';
import { Observable, type Subscriber } from 'rxjs';

/**
 * A GraphQL endpoint in memory for component tests: each operation name maps to a handler that
 * sees the variables and the bearer token and answers data or errors, as the real API would.
 * Every call is recorded, so tests can count refreshes and check which token went where.
 */

export interface FakeCall {
  operationName: string;
  variables: Record<string, unknown>;
  token: string | null;
}

export type FakeAnswer = { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
export type FakeHandler = (variables: Record<string, unknown>, token: string | null) => FakeAnswer | Promise<FakeAnswer>;

/** Subscriptions in memory: components subscribe through `link`, tests `emit` events. */
export interface FakeLive {
  link: ApolloLink;
  /** Sends `data` to every open subscription named `operationName`; returns how many got it. */
  emit(operationName: string, data: unknown): number;
  /** Open subscriptions by operation name. */
  open(operationName: string): number;
}

export function createFakeLive(): FakeLive {
  const observers = new Map<string, Set<Subscriber<ApolloLink.Result>>>();
  return {
    link: new ApolloLink(
      (operation) =>
        new Observable<ApolloLink.Result>((subscriber) => {
          const name = operation.operationName ?? 'anonymous';
          const set = observers.get(name) ?? new Set();
          observers.set(name, set);
          set.add(subscriber);
          return () => set.delete(subscriber);
        }),
    ),
    emit(operationName, data) {
      const set = observers.get(operationName) ?? new Set();
      for (const s of set) s.next({ data } as ApolloLink.Result);
      return set.size;
    },
    open: (operationName) => observers.get(operationName)?.size ?? 0,
  };
}

export interface FakeServer {
  fetch: typeof fetch;
  live: FakeLive;
  calls: FakeCall[];
  callsOf(operationName: string): FakeCall[];
  handlers: Record<string, FakeHandler>;
}

export const unauthenticated = (message = 'Your access token has expired; refresh it and try again.'): FakeAnswer => ({
  data: null,
  errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }],
});

export const gqlError = (code: string, message: string, extra: Record<string, unknown> = {}): FakeAnswer => ({
  data: null,
  errors: [{ message, extensions: { code, ...extra } }],
});

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, string>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  return key ? (record[key] ?? null) : null;
}

export function createFakeServer(handlers: Record<string, FakeHandler>): FakeServer {
  const calls: FakeCall[] = [];
  const server: FakeServer = {
    live: createFakeLive(),
    calls,
    handlers,
    callsOf: (name) => calls.filter((c) => c.operationName === name),
    fetch: (async (_input: unknown, init?: { body?: unknown; headers?: unknown }) => {
      const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { operationName?: string; query?: string; variables?: Record<string, unknown> };
      const operationName = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? 'anonymous';
      const auth = headerOf(init?.headers, 'authorization');
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
      const variables = body.variables ?? {};
      calls.push({ operationName, variables, token });
      const handler = server.handlers[operationName];
      const answer: FakeAnswer = handler ? await handler(variables, token) : gqlError('BAD_USER_INPUT', `No fake handler for ${operationName}`);
      const text = JSON.stringify(answer);
      return {
        ok: true,
        status: 200,
        headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
        text: async () => text,
        json: async () => JSON.parse(text) as unknown,
      };
    }) as unknown as typeof fetch,
  };
  return server;
}

/** Resolves after the current macrotask queue, for "let the other requests catch up". */
export const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A `me` as the API answers it, for a role in acme. */
export function fakeMe(role: 'owner' | 'admin' | 'agent' | 'member' | 'viewer', overrides: Record<string, unknown> = {}) {
  const permissions: Record<string, string[]> = {
    owner: ['audit:read', 'member:manage', 'member:read', 'role:manage', 'session:read', 'tenant:manage', 'ticket:assign', 'ticket:comment', 'ticket:read', 'ticket:write'],
    admin: ['audit:read', 'member:manage', 'member:read', 'session:read', 'ticket:assign', 'ticket:comment', 'ticket:read', 'ticket:write'],
    agent: ['member:read', 'ticket:assign', 'ticket:comment', 'ticket:read', 'ticket:write'],
    member: ['member:read', 'ticket:comment', 'ticket:read', 'ticket:write'],
    viewer: ['member:read', 'ticket:read'],
  };
  const tenant = { __typename: 'Tenant', id: 'VGVuYW50OmFjbWU=', slug: 'acme', name: 'Acme Corporation' };
  return {
    __typename: 'Me',
    user: { __typename: 'User', id: `VXNlcjo${role}`, name: `${role[0]?.toUpperCase()}${role.slice(1)} Person`, email: `${role}@acme.test`, staffRole: null },
    tenant,
    role,
    staffRole: null,
    permissions: permissions[role],
    twoFactorEnabled: false,
    twoFactorEnrollmentRequired: false,
    featureFlags: [{ __typename: 'EvaluatedFlag', key: 'portal.command-palette', enabled: true }],
    memberships: [{ __typename: 'Membership', id: `TWVtYmVyc2hpcDo${role}`, tenant, role: { __typename: 'Role', id: `Um9sZTo${role}`, name: role } }],
    ...overrides,
  };
}
