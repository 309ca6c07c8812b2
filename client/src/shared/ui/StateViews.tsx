import ErrorOutline from '@mui/icons-material/ErrorOutline';
import Inbox from '@mui/icons-material/InboxOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * Nothing to show yet: a short explanation and, when there is one, the next step. `heading` is
 * the title's element: h4 inside a page that has its own h1; h1 when the state is the whole page.
 */
export function EmptyState({
  title,
  description,
  action,
  icon,
  heading = 'h4',
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
  heading?: 'h1' | 'h2' | 'h4';
}) {
  return (
    <Box role="status" sx={{ textAlign: 'center', py: 7, px: 3 }}>
      <Box sx={{ width: 56, height: 56, borderRadius: '16px', bgcolor: '#eef2ff', color: 'primary.main', display: 'grid', placeItems: 'center', mx: 'auto', mb: 2 }}>
        {icon ?? <Inbox />}
      </Box>
      <Typography variant="h4" component={heading} gutterBottom>
        {title}
      </Typography>
      {description && (
        <Typography color="text.secondary" sx={{ maxWidth: 420, mx: 'auto' }}>
          {description}
        </Typography>
      )}
      {action && <Box sx={{ mt: 2.5 }}>{action}</Box>}
    </Box>
  );
}

/** Loading failed: what happened, in words, and a retry. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <Box role="alert" sx={{ textAlign: 'center', py: 7, px: 3 }}>
      <Box sx={{ width: 56, height: 56, borderRadius: '16px', bgcolor: '#fef2f2', color: 'error.main', display: 'grid', placeItems: 'center', mx: 'auto', mb: 2 }}>
        <ErrorOutline />
      </Box>
      <Typography variant="h4" gutterBottom>
        Could not load this
      </Typography>
      <Typography color="text.secondary" sx={{ maxWidth: 460, mx: 'auto' }}>
        {message}
      </Typography>
      {onRetry && (
        <Button variant="outlined" onClick={onRetry} sx={{ mt: 2.5 }}>
          Retry
        </Button>
      )}
    </Box>
  );
}
