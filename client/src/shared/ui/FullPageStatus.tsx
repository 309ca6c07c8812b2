import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';

/** A centred spinner, or a message with a retry, for whole-page waits. */
export function FullPageStatus({ message, onRetry }: { message?: string; onRetry?: () => void }) {
  return (
    <Box role="status" sx={{ minHeight: '60vh', display: 'grid', placeItems: 'center', textAlign: 'center', p: 4 }}>
      <Box>
        {message ? (
          <>
            <Typography variant="h4" gutterBottom>
              {message}
            </Typography>
            {onRetry && (
              <Button variant="contained" onClick={onRetry} sx={{ mt: 1 }}>
                Try again
              </Button>
            )}
          </>
        ) : (
          <CircularProgress aria-label="Loading" />
        )}
      </Box>
    </Box>
  );
}
