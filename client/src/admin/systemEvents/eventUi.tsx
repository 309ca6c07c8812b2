import type { EventSeverity } from '../../gql/graphql';
import { SoftChip } from '../ui/chips';

export const SEVERITY_META: Record<EventSeverity, { label: string; colour: string }> = {
  DEBUG: { label: 'Debug', colour: '#64748b' },
  INFO: { label: 'Info', colour: '#2563eb' },
  WARNING: { label: 'Warning', colour: '#b45309' },
  ERROR: { label: 'Error', colour: '#b91c1c' },
  CRITICAL: { label: 'Critical', colour: '#7f1d1d' },
};

export function EventSeverityChip({ severity }: { severity: EventSeverity }) {
  const meta = SEVERITY_META[severity];
  return <SoftChip label={meta.label} colour={meta.colour} />;
}
