import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** A card section still loading: a few placeholder rows, announced as busy. */
export function SectionLoading({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <Stack spacing={0.5} aria-busy="true" aria-label={`Loading ${label}`}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={36} />
      ))}
    </Stack>
  );
}

/** A card section that could not load: the server's message and a retry. */
export function SectionError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = error instanceof Error && error.message ? error.message : 'Something went wrong.';
  return (
    <Alert
      severity="error"
      variant="outlined"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      {message}
    </Alert>
  );
}

/** A card section with nothing in it. */
export function SectionEmpty({ children }: { children: string }) {
  return (
    <Typography color="text.secondary" sx={{ py: 2 }}>
      {children}
    </Typography>
  );
}
