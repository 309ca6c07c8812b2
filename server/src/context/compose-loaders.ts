import type { LoaderScope, Loaders } from './context';

const SCOPE = Symbol('loaderScope');

/**
 * Turns the modules' loader factories into a per-request `Loaders` builder. Each module's
 * loaders are made the first time a request reads them (most requests touch two or three
 * modules), through getters on one prototype shared by every request.
 */
export function loadersFrom(factories: ReadonlyMap<string, (scope: LoaderScope) => object>): (scope: LoaderScope) => Loaders {
  const proto: object = {};
  for (const [name, factory] of factories) {
    Object.defineProperty(proto, name, {
      enumerable: true,
      get(this: { [SCOPE]: LoaderScope }) {
        const built = factory(this[SCOPE]);
        // Cache on the request's own object: later reads skip the getter.
        Object.defineProperty(this, name, { value: built, enumerable: true });
        return built;
      },
    });
  }
  return (scope) => {
    const loaders = Object.create(proto) as { [SCOPE]: LoaderScope };
    loaders[SCOPE] = scope;
    return loaders as unknown as Loaders;
  };
}
