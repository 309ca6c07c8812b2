import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';

/** What a signed-in user sees on a page their role cannot use. */
export function NotAllowed({ role, homeHref = '/', what }: { role?: string | null; homeHref?: string; what?: string }) {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', py: 8 }}>
      <Paper variant="outlined" sx={{ p: 5, maxWidth: 520, textAlign: 'center' }}>
        <Box sx={{ width: 56, height: 56, borderRadius: '50%', bgcolor: 'warning.50', display: 'grid', placeItems: 'center', mx: 'auto', mb: 2, background: '#fef3c7' }}>
          <LockOutlined sx={{ color: 'warning.main' }} />
        </Box>
        <Typography variant="h2" component="h1" gutterBottom>
          Not allowed
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {what ?? 'This page'} is not available to your role{role ? <> (<strong>{role}</strong>)</> : null}. If you need it, ask an owner or admin of
          your organisation to change your role.
        </Typography>
        <Button component={RouterLink} to={homeHref} variant="contained">
          Back to the dashboard
        </Button>
      </Paper>
    </Box>
  );
}
