import { byIdLoader } from '../../common/batch-loaders';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { SystemEvent } from './system-event.entity';

export function createEventLoaders(ctx: Omit<Context, 'loaders'>) {
  return {
    /** Inside a tenant only that tenant's events (the filter hides platform-wide ones); staff see all. */
    byId: byIdLoader(ctx.em, SystemEvent, scopeOptions(ctx)),
  };
}

declare module '../../context/context' {
  interface Loaders {
    events: ReturnType<typeof createEventLoaders>;
  }
}
