import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { createApolloClient } from './apollo/create-apollo-client';
import { createRefreshTransport, SessionProvider, SessionStore } from './session';
import { theme } from './theme/theme';

export interface Runtime {
  store: SessionStore;
  client: ApolloClient;
}

/** The session store and Apollo client of one app; each app keeps its own session. */
export function createRuntime(app: 'portal' | 'admin', uri = '/graphql'): Runtime {
  const store = new SessionStore({ storageKey: `atrium.${app}.session`, refresh: createRefreshTransport(uri) });
  return { store, client: createApolloClient({ store, uri }) };
}

/** Theme, Apollo and the session, in the order every screen expects them. */
export function AppProviders({ runtime, children }: { runtime: Runtime; children: ReactNode }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <ApolloProvider client={runtime.client}>
        <SessionProvider store={runtime.store}>{children}</SessionProvider>
      </ApolloProvider>
    </ThemeProvider>
  );
}
