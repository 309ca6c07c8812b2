import DataLoader from 'dataloader';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { FeatureFlagOverride } from './feature-flag-override.entity';

export function createFlagLoaders(ctx: Omit<Context, 'loaders'>) {
  return {
    /** Overrides of many flags in one query; inside a tenant only that tenant's. */
    overridesByFlag: new DataLoader<string, FeatureFlagOverride[]>(async (flagIds) => {
      const rows = await ctx.em.find(FeatureFlagOverride, { flag: { $in: [...flagIds] } }, { ...scopeOptions(ctx), orderBy: { createdAt: 'ASC' } });
      return flagIds.map((id) => rows.filter((r) => r.flag.id === id));
    }),
  };
}

declare module '../../context/context' {
  interface Loaders {
    flags: ReturnType<typeof createFlagLoaders>;
  }
}
