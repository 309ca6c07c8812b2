import Chip from '@mui/material/Chip';

const TONES: Record<string, { bg: string; fg: string }> = {
  green: { bg: '#dcfce7', fg: '#166534' },
  amber: { bg: '#fef3c7', fg: '#92400e' },
  red: { bg: '#fee2e2', fg: '#991b1b' },
  grey: { bg: '#f1f5f9', fg: '#475569' },
  blue: { bg: '#e0e7ff', fg: '#3730a3' },
};

/** A small coloured status label. */
export function StatusChip({ label, tone }: { label: string; tone: keyof typeof TONES }) {
  const t = TONES[tone] ?? TONES.grey;
  return <Chip size="small" label={label} sx={{ bgcolor: t?.bg, color: t?.fg, fontWeight: 600 }} />;
}
