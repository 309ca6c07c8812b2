import type { Context } from './context';
import { createEventLoaders } from '../modules/events/event.loaders';
import { createIncidentLoaders } from '../modules/incidents/incident.loaders';
import { createFlagLoaders } from '../modules/flags/flag.loaders';
import { createKycLoaders } from '../modules/kyc/kyc.loaders';
import { createRunLoaders } from '../modules/automation/run.loaders';
import { createEntitlementLoaders } from '../modules/entitlements/entitlement.loaders';
import { createMessageLoaders } from '../modules/messages/message.loaders';
import { createTenancyLoaders } from '../modules/tenancy/tenancy.loaders';
import { createTicketLoaders } from '../modules/tickets/ticket.loaders';
import { createToolLoaders } from '../modules/tools/tool.loaders';
import { createUserLoaders } from '../modules/users/user.loaders';

/** Every module's per-request loaders; one registration line per module. */
export function createLoaders(ctx: Omit<Context, 'loaders'>) {
  return {
    users: createUserLoaders(ctx),
    tenancy: createTenancyLoaders(ctx),
    tickets: createTicketLoaders(ctx),
    flags: createFlagLoaders(ctx),
    events: createEventLoaders(ctx),
    incidents: createIncidentLoaders(ctx),
    kyc: createKycLoaders(ctx),
    tools: createToolLoaders(ctx),
    entitlements: createEntitlementLoaders(ctx),
    runs: createRunLoaders(ctx),
    messages: createMessageLoaders(ctx),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
