import type { IRules } from 'graphql-shield';

/** A shield rule (allow, deny, rule(...) or a logic rule). */
export type Rule = Exclude<IRules, Record<string, unknown>>;

/** What a module's `*.permissions.ts` exports: a rule for every Query, Mutation and Subscription field it adds. */
export interface ModulePermissions {
  Query?: Record<string, Rule>;
  Mutation?: Record<string, Rule>;
  Subscription?: Record<string, Rule>;
}
