import type { ToolStatus } from '../../gql/graphql';
import { SoftChip } from '../ui/chips';

export const TOOL_STATUS_META: Record<ToolStatus, { label: string; colour: string; help: string }> = {
  ACTIVE: { label: 'Active', colour: '#15803d', help: 'Generally available' },
  BETA: { label: 'Beta', colour: '#b45309', help: 'Available, still changing' },
  RETIRED: { label: 'Retired', colour: '#64748b', help: 'Off: no new runs or grants' },
};

export const TOOL_STATUS_CHOICES = (['ACTIVE', 'BETA', 'RETIRED'] as const).map((id) => ({ id, name: `${TOOL_STATUS_META[id].label} — ${TOOL_STATUS_META[id].help}` }));

export function ToolStatusChip({ status }: { status: ToolStatus }) {
  const meta = TOOL_STATUS_META[status];
  return <SoftChip label={meta.label} colour={meta.colour} />;
}

/** An entitlement's state in words: active, revoked, expired or not yet started. */
export function EntitlementStateChip({ e }: { e: { active: boolean; revokedAt: string | null; validFrom: string; validUntil: string | null } }) {
  if (e.active) return <SoftChip label="Active" colour="#15803d" />;
  if (e.revokedAt) return <SoftChip label="Revoked" colour="#b91c1c" />;
  if (new Date(e.validFrom).getTime() > Date.now()) return <SoftChip label="Not started" colour="#2563eb" />;
  return <SoftChip label="Expired" colour="#64748b" />;
}
