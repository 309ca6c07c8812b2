import util from 'node:util';

/**
 * Node 23 removed `util.isUndefined`, which graphql-shield 7.6.5 still calls (its rule chains,
 * `rules.js`) when a rule chain is evaluated: on Node 24 every chained rule (sign-in included)
 * failed with "isUndefined is not a function". Restored here, exactly as Node defined it, before
 * the schema is built; a no-op on Node 20 and 22.
 */
const legacy = util as typeof util & { isUndefined?: (value: unknown) => boolean };
if (typeof legacy.isUndefined !== 'function') {
  Object.defineProperty(legacy, 'isUndefined', { value: (value: unknown) => value === undefined, configurable: true, writable: true });
}
