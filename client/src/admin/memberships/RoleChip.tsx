import { SoftChip } from '../ui/chips';

const ROLE_COLOURS: Record<string, string> = { owner: '#7c3aed', admin: '#4338ca', agent: '#0369a1', member: '#0e7490', viewer: '#64748b' };

/** A tenant role; custom roles (not system ones) in a neutral tone. */
export function RoleChip({ role }: { role: { name: string; system: boolean } }) {
  return <SoftChip label={role.system ? role.name[0]?.toUpperCase() + role.name.slice(1) : role.name} colour={role.system ? (ROLE_COLOURS[role.name] ?? '#475569') : '#a16207'} />;
}
