import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '../shared/ui/StateViews';
import { urls } from './urls';

export function NotFoundPage() {
  return (
    <EmptyState
      heading="h1"
      title="Page not found"
      description="The link may be old, or the address mistyped."
      action={
        <Button component={RouterLink} to={urls.home()} variant="contained">
          Go to the dashboard
        </Button>
      }
    />
  );
}
