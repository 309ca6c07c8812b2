import type { Context } from '../../context/context';
import { byIdLoader } from '../../common/batch-loaders';
import { User } from './user.entity';

export function createUserLoaders(ctx: Pick<Context, 'em'>) {
  // Users here only answer GraphQL fields (requester, author, ...): read lean.
  return { byId: byIdLoader(ctx.em, User, { lean: true }) };
}

declare module '../../context/context' {
  interface Loaders {
    users: ReturnType<typeof createUserLoaders>;
  }
}
