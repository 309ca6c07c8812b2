/** Every portal link goes through these builders, so a route change is one edit. */

function withQuery(path: string, params?: Record<string, string | number | readonly string[] | null | undefined>): string {
  if (!params) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export interface TicketListQuery {
  status?: readonly string[];
  priority?: readonly string[];
  q?: string;
  sort?: string;
  size?: number;
}

export interface RunListQuery {
  tool?: string;
  status?: readonly string[];
  from?: string;
  to?: string;
}

export const urls = {
  home: () => '/',
  login: (next?: string) => withQuery('/login', { next: next && next !== '/' ? next : undefined }),
  tickets: (query?: TicketListQuery) => withQuery('/tickets', query ? { ...query } : undefined),
  ticketNew: () => '/tickets/new',
  ticket: (id: string) => `/tickets/${encodeURIComponent(id)}`,
  account: () => '/account',
  twoFactor: () => '/account/two-factor',
  team: () => '/team',
  /** The Developers area; without a tab, the first one the role may use. */
  developers: (tab?: 'keys' | 'webhooks' | 'deliveries' | 'docs') => (tab ? `/developers/${tab}` : '/developers'),
  forgotPassword: () => '/forgot-password',
  resetPassword: (token: string) => `/reset-password/${encodeURIComponent(token)}`,
  invite: (token: string) => `/invite/${encodeURIComponent(token)}`,
  backOffice: () => '/admin/',
  tools: () => '/tools',
  runs: (query?: RunListQuery) => withQuery('/runs', query ? { ...query } : undefined),
  run: (id: string) => `/runs/${encodeURIComponent(id)}`,
  trace: (correlationId: string) => `/trace/${encodeURIComponent(correlationId)}`,
} as const;

/** Route patterns for the router (kept beside the builders so the two agree). */
export const routePaths = {
  home: '/',
  login: '/login',
  tickets: '/tickets',
  ticketNew: '/tickets/new',
  ticket: '/tickets/:ticketId',
  account: '/account',
  twoFactor: '/account/two-factor',
  team: '/team',
  developers: '/developers',
  developerKeys: '/developers/keys',
  developerWebhooks: '/developers/webhooks',
  developerDeliveries: '/developers/deliveries',
  developerDocs: '/developers/docs',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password/:token',
  invite: '/invite/:token',
  tools: '/tools',
  runs: '/runs',
  run: '/runs/:runId',
} as const;
