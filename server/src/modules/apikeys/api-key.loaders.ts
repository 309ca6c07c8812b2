import type { LoaderScope } from '../../context/context';
import { byIdLoader } from '../../common/batch-loaders';
import { isPlatformScope } from '../../context/scope';
import { ApiKey } from './api-key.entity';

export function createApiKeyLoaders(ctx: LoaderScope) {
  // Keys named by what the caller already reads (audit entries): the tenant filter keeps them to
  // the caller's tenant; staff reading every tenant's audit trail see every tenant's keys.
  return { byId: byIdLoader(ctx.em, ApiKey, { lean: true, ...(isPlatformScope(ctx) ? { filters: { tenant: false } } : {}) }) };
}

declare module '../../context/context' {
  interface Loaders {
    apikeys: ReturnType<typeof createApiKeyLoaders>;
  }
}
