import { SoftChip } from '../ui/chips';

export function FlagState({ enabled }: { enabled: boolean }) {
  return <SoftChip label={enabled ? 'On' : 'Off'} colour={enabled ? '#15803d' : '#64748b'} />;
}
