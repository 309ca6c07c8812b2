import type { Context } from '../../context/context';
import { byIdLoader } from '../../common/batch-loaders';
import type { LeanInclude } from '../../database/lean-find';
import { User } from './user.entity';

export function createUserLoaders(ctx: Pick<Context, 'em'>) {
  // Users here only answer GraphQL fields (requester, author, ...): read lean.
  return { byId: byIdLoader(ctx.em, User, { lean: true }) };
}

/**
 * Of `properties` (many-to-one relations to User), those the GraphQL selection reads, as
 * includes for paginate(): the users come in the page's own statement and wait in the request's
 * users loader, so the field resolvers send no statement of their own.
 */
export function includeUsers(ctx: Pick<Context, 'loaders'>, selected: ReadonlySet<string> | undefined, properties: readonly string[]): LeanInclude[] {
  if (!selected) return [];
  return properties.filter((p) => selected.has(p)).map((property) => ({ property, prime: (id: string, row: object) => void ctx.loaders.users.byId.prime(id, row as User) }));
}

declare module '../../context/context' {
  interface Loaders {
    users: ReturnType<typeof createUserLoaders>;
  }
}
