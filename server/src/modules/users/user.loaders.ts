import type { Context } from '../../context/context';
import { byIdLoader } from '../../common/batch-loaders';
import { User } from './user.entity';

export function createUserLoaders(ctx: Pick<Context, 'em'>) {
  return { byId: byIdLoader(ctx.em, User) };
}

declare module '../../context/context' {
  interface Loaders {
    users: ReturnType<typeof createUserLoaders>;
  }
}
