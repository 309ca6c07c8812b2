import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { brand } from '../theme/theme';

/** The Atrium logo: a mark and the word, light or dark. */
export function BrandMark({ tone = 'dark', subtitle }: { tone?: 'dark' | 'light'; subtitle?: string }) {
  const color = tone === 'light' ? '#ffffff' : brand.ink;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25 }}>
      <Box
        component="svg"
        viewBox="0 0 32 32"
        aria-hidden
        sx={{ width: 30, height: 30, flexShrink: 0, filter: tone === 'light' ? 'drop-shadow(0 2px 6px rgba(0,0,0,.25))' : 'none' }}
      >
        <rect width="32" height="32" rx="8" fill={tone === 'light' ? '#ffffff' : brand.primary} />
        <path d="M9 23 16 8l7 15h-3.4L16 15l-3.6 8z" fill={tone === 'light' ? brand.primary : '#ffffff'} />
      </Box>
      <Box>
        <Typography sx={{ fontWeight: 750, fontSize: '1.15rem', letterSpacing: '-0.02em', color, lineHeight: 1.1 }}>Atrium</Typography>
        {subtitle && <Typography sx={{ fontSize: '0.72rem', color: tone === 'light' ? 'rgba(255,255,255,.7)' : brand.muted, lineHeight: 1.2 }}>{subtitle}</Typography>}
      </Box>
    </Box>
  );
}
