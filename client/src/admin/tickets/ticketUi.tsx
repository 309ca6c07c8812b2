import LockOutlined from '@mui/icons-material/LockOutlined';
import Chip from '@mui/material/Chip';

/** The yellow of internal notes and files (portal and back office alike). */
export const NOTE_BG = '#fef9c3';
export const NOTE_BORDER = '#facc15';

/** The lock chip of what customers never see: an internal note, an internal file. */
export function InternalChip({ label }: { label: string }) {
  return <Chip size="small" icon={<LockOutlined />} label={label} sx={{ bgcolor: NOTE_BORDER, color: '#422006', fontWeight: 600 }} />;
}
