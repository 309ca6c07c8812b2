import type { Context } from './context';
import { createFlagLoaders } from '../modules/flags/flag.loaders';
import { createTenancyLoaders } from '../modules/tenancy/tenancy.loaders';
import { createTicketLoaders } from '../modules/tickets/ticket.loaders';
import { createUserLoaders } from '../modules/users/user.loaders';

/** Every module's per-request loaders; one registration line per module. */
export function createLoaders(ctx: Omit<Context, 'loaders'>) {
  return {
    users: createUserLoaders(ctx),
    tenancy: createTenancyLoaders(ctx),
    tickets: createTicketLoaders(ctx),
    flags: createFlagLoaders(ctx),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
