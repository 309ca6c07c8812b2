import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders, createRuntime } from '../shared/runtime';
import { FullPageStatus } from '../shared/ui/FullPageStatus';
import { createPortalRouter } from './routes';

const runtime = createRuntime('portal');
const router = createPortalRouter();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <AppProviders runtime={runtime}>
      <Suspense fallback={<FullPageStatus />}>
        <RouterProvider router={router} />
      </Suspense>
    </AppProviders>
  </StrictMode>,
);
