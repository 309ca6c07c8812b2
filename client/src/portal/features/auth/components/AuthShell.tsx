import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { BrandMark } from '../../../../shared/ui/BrandMark';
import { brand } from '../../../../shared/theme/theme';

const HIGHLIGHTS = ['Raise and follow support tickets with your team', 'See who is working on what, as it happens', 'One place for your organisation’s accounts and access'];

/**
 * The frame of the pages a visitor sees before signing in (sign-in, forgotten password, reset,
 * invitation): the brand panel on the left on wide screens, and the page's card on the right.
 */
export function AuthShell({ title, subtitle, children }: { title: ReactNode; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1.05fr 1fr' }, bgcolor: 'background.default' }}>
      <Box
        sx={{
          display: { xs: 'none', md: 'flex' },
          flexDirection: 'column',
          justifyContent: 'space-between',
          p: 6,
          color: '#fff',
          background: `radial-gradient(1200px 600px at 10% 10%, #6366f1 0%, transparent 60%), linear-gradient(145deg, ${brand.primaryDark} 0%, #1e1b4b 100%)`,
        }}
      >
        <BrandMark tone="light" subtitle="Customer portal" />
        <Box sx={{ maxWidth: 460 }}>
          <Typography sx={{ fontSize: '2.25rem', fontWeight: 750, lineHeight: 1.15, letterSpacing: '-0.03em', mb: 2 }}>Support that keeps your whole team in the loop.</Typography>
          <Stack spacing={1.5} sx={{ mt: 3 }}>
            {HIGHLIGHTS.map((h) => (
              <Stack key={h} direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                <CheckCircleOutline sx={{ color: '#a5b4fc' }} fontSize="small" />
                <Typography sx={{ color: 'rgba(255,255,255,.88)' }}>{h}</Typography>
              </Stack>
            ))}
          </Stack>
        </Box>
        <Typography sx={{ color: 'rgba(255,255,255,.6)', fontSize: '0.8rem' }}>© Atrium. Your data stays within your organisation.</Typography>
      </Box>

      <Box sx={{ display: 'grid', placeItems: 'center', p: { xs: 2, sm: 4 } }}>
        <Paper variant="outlined" sx={{ width: '100%', maxWidth: 440, p: { xs: 3, sm: 5 }, borderRadius: 3, boxShadow: '0 10px 40px -12px rgba(15,23,42,.15)' }}>
          <Box sx={{ display: { md: 'none' }, mb: 3 }}>
            <BrandMark subtitle="Customer portal" />
          </Box>
          <Typography variant="h1" gutterBottom>
            {title}
          </Typography>
          {subtitle && (
            <Typography color="text.secondary" sx={{ mb: 3 }}>
              {subtitle}
            </Typography>
          )}
          {children}
        </Paper>
      </Box>
    </Box>
  );
}

/** A notice carried to the sign-in page in the router's state (after a reset, say). */
export interface LoginNotice {
  notice?: string;
}
