import type { ReactElement } from 'react';
import { SoftChip } from '../ui/chips';

const FAMILY_COLOURS: Record<string, string> = {
  ticket: '#0369a1',
  membership: '#7c3aed',
  role: '#7c3aed',
  flag: '#0e7490',
  auth: '#15803d',
  platform: '#64748b',
};

/** An action as a monospace chip, tinted by its family (ticket., auth., flag. ...). */
export function ActionChip({ action }: { action: string }): ReactElement {
  const family = action.split('.')[0] ?? '';
  const colour = action === 'auth.login_failed' || action === 'auth.refresh_reuse' ? '#b91c1c' : (FAMILY_COLOURS[family] ?? '#475569');
  return <SoftChip label={action} colour={colour} mono />;
}
