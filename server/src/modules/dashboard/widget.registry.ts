import { z } from 'zod';
import { runsByStatusSince } from '../automation/run.widgets';
import { quotaUsage } from '../entitlements/quota.widgets';
import { activeIncidents } from '../incidents/incident.widgets';
import { kycAwaitingAction } from '../kyc/kyc.widgets';
import { TicketStatus } from '../tickets/ticket.entity';
import { openTicketsByStatus } from '../tickets/ticket.widgets';
import { WidgetType } from './dashboard-widget.entity';
import type { WidgetPoint, WidgetScope } from './widget.types';

/** How one widget type validates its config, who may see it, and where its data comes from. */
export interface WidgetKind {
  /** Checks and normalizes a config; throws a ZodError with the offending paths. */
  parseConfig(config: unknown): Record<string, unknown>;
  /** Tenant permission needed to add the widget and to see its data. */
  requires: string;
  /** One aggregate query. */
  load: (scope: WidgetScope, config: Record<string, unknown>) => Promise<WidgetPoint[]>;
}

function widget<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  requires: string,
  load: (scope: WidgetScope, config: z.infer<S>) => Promise<WidgetPoint[]>,
): WidgetKind {
  return {
    parseConfig: (config) => schema.parse(config ?? {}),
    requires,
    // Stored configs are parsed again on read, so a row that predates a rule cannot slip through.
    load: (scope, config) => load(scope, schema.parse(config)),
  };
}

const noConfig = z.object({}).strict();

/** Widget type → config rules, permission and data function; one entry per type. */
export const WIDGET_KINDS: Record<WidgetType, WidgetKind> = {
  [WidgetType.OPEN_TICKETS_BY_STATUS]: widget(
    z.object({ statuses: z.array(z.enum(TicketStatus)).min(1).max(4).optional() }).strict(),
    'ticket:read',
    ({ em, tenantId }, c) => openTicketsByStatus(em, tenantId, [...new Set(c.statuses ?? [TicketStatus.OPEN, TicketStatus.PENDING])]),
  ),
  [WidgetType.ACTIVE_INCIDENTS]: widget(z.object({ includeMitigated: z.boolean().optional() }).strict(), 'incident:read', ({ em, tenantId }, c) =>
    activeIncidents(em, tenantId, c.includeMitigated ?? true),
  ),
  [WidgetType.RUNS_LAST_7_DAYS_BY_STATUS]: widget(noConfig, 'run:read', ({ em, tenantId, now }) =>
    runsByStatusSince(em, tenantId, new Date(now.getTime() - 7 * 86_400_000)),
  ),
  [WidgetType.KYC_AWAITING_ACTION]: widget(noConfig, 'kyc:read', ({ em, tenantId }) => kycAwaitingAction(em, tenantId)),
  // Entitlements are read with tool:read (see entitlement.permissions.ts).
  [WidgetType.QUOTA_USAGE]: widget(noConfig, 'tool:read', ({ em, tenantId, now }) => quotaUsage(em, tenantId, now)),
};

/** Every widget type, in the order the registry lists them. */
export function availableWidgetTypes(): WidgetType[] {
  return Object.keys(WIDGET_KINDS) as WidgetType[];
}
