import { CombinedGraphQLErrors } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Admin, CustomRoutes, HttpError, Resource } from 'react-admin';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Runtime } from '../shared/runtime';
import { AdminAccount, AdminDashboard } from './AdminDashboard';
import { AdminLayout } from './AdminLayout';
import { AdminLoginPage } from './AdminLoginPage';
import { createAuthProvider } from './providers/authProvider';
import { createDataProvider } from './providers/dataProvider';
import { ADMIN_RESOURCES } from './resources';
import { adminTheme } from './theme';
import { AdminTracePage } from './trace/TracePage';

/**
 * react-admin's queries (auth checks included) retry three times by default, which keeps a
 * signed-out visitor waiting seconds for the login page. A coded answer from the API is final;
 * only a network failure (status 503 from the data provider, or no code at all) is worth one more try.
 */
function createQueryClient(): QueryClient {
  const isFinal = (error: unknown) =>
    CombinedGraphQLErrors.is(error) || (error instanceof Error && error.name === 'AuthError') || (error instanceof HttpError && error.status !== 503);
  return new QueryClient({
    defaultOptions: {
      queries: { retry: (failures, error) => failures < 1 && !isFinal(error), refetchOnWindowFocus: false },
    },
  });
}

/**
 * The back office: react-admin on the shared theme and session layer, under /admin/ with
 * real paths (react-admin's way to live in a sub path: a browser router outside, basename inside).
 *
 * The router runs without React transitions, as react-admin's own router asks for
 * (`v7_startTransition: false` in ra-core). With them (React Router 7's default), a signed-out
 * visit never settled: react-admin's auth check redirects to the login page while the previous
 * navigation is still a pending transition, each redirect restarted it, and the page stayed
 * blank for thousands of renders (12-18 s) before one committed.
 */
export function AdminApp({ runtime }: { runtime: Runtime }) {
  const [authProvider] = useState(() => createAuthProvider(runtime.client, runtime.store));
  const [dataProvider] = useState(() => createDataProvider(runtime.client, ADMIN_RESOURCES, runtime.store));
  const [queryClient] = useState(createQueryClient);
  return (
    <ApolloProvider client={runtime.client}>
      <BrowserRouter useTransitions={false}>
        <Routes>
          <Route
            path="/admin/*"
            element={
              <Admin
                basename="/admin"
                title="Atrium back office"
                theme={adminTheme}
                authProvider={authProvider}
                dataProvider={dataProvider}
                queryClient={queryClient}
                dashboard={AdminDashboard}
                layout={AdminLayout}
                loginPage={AdminLoginPage}
                requireAuth
                disableTelemetry
              >
                {ADMIN_RESOURCES.map((r) => (
                  <Resource key={r.name} {...r.props} />
                ))}
                <CustomRoutes>
                  <Route path="/account" element={<AdminAccount />} />
                  <Route path="/trace" element={<AdminTracePage />} />
                  <Route path="/trace/:id" element={<AdminTracePage />} />
                </CustomRoutes>
              </Admin>
            }
          />
        </Routes>
      </BrowserRouter>
    </ApolloProvider>
  );
}
