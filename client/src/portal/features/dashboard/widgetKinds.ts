import type { WidgetType } from '../../../gql/graphql';

/** What the dashboard tells people about each widget type, and the permission its data needs. */
export interface WidgetKindInfo {
  label: string;
  description: string;
  /** The tenant permission the server requires to add it and to see its data. */
  requires: string;
  /** The size a new one gets (columns, rows). */
  size: { w: number; h: number };
}

export const WIDGET_KINDS: Record<WidgetType, WidgetKindInfo> = {
  OPEN_TICKETS_BY_STATUS: { label: 'Open tickets by status', description: 'How many tickets wait, per status.', requires: 'ticket:read', size: { w: 6, h: 4 } },
  RUNS_LAST_7_DAYS_BY_STATUS: { label: 'Runs in the last 7 days', description: 'Automation runs started this week, per outcome.', requires: 'run:read', size: { w: 6, h: 4 } },
  ACTIVE_INCIDENTS: { label: 'Active incidents', description: 'Incidents affecting your organisation that are not resolved, by severity.', requires: 'incident:read', size: { w: 6, h: 4 } },
  KYC_AWAITING_ACTION: { label: 'KYC awaiting action', description: 'Identity checks waiting for our review or for your information.', requires: 'kyc:read', size: { w: 12, h: 3 } },
  QUOTA_USAGE: { label: 'Quota usage', description: 'This month’s runs against each plan limit.', requires: 'tool:read', size: { w: 6, h: 4 } },
};

/** The widget's label, also for a type this build does not know yet. */
export function widgetLabel(type: string): string {
  return (WIDGET_KINDS as Record<string, WidgetKindInfo | undefined>)[type]?.label ?? type;
}

/** Colours of data points by key (ticket and run statuses, incident severities); others use the palette. */
export const POINT_COLOURS: Record<string, string> = {
  OPEN: '#4f46e5',
  PENDING: '#d97706',
  RESOLVED: '#16a34a',
  CLOSED: '#64748b',
  QUEUED: '#64748b',
  RUNNING: '#2563eb',
  SUCCEEDED: '#16a34a',
  FAILED: '#dc2626',
  CANCELLED: '#94a3b8',
  SEV1: '#b91c1c',
  SEV2: '#ea580c',
  SEV3: '#ca8a04',
  SEV4: '#64748b',
  'kyc.submitted': '#4f46e5',
  'kyc.in_review': '#0891b2',
  'kyc.needs_info': '#d97706',
};

export const PALETTE = ['#4f46e5', '#0891b2', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#64748b'];

/** Grid rows are this tall (px); a widget of h rows is h × this plus the gaps. */
export const ROW_HEIGHT = 64;
