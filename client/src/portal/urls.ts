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
  /** The agents' queue: mine, unassigned or open (all tickets when left out). */
  view?: 'mine' | 'unassigned' | 'open';
  /** Global id of the assignee to filter by. */
  assignee?: string;
}

/** Filters of the activity lists (audit log, system events) and the messages list, as URL keys. */
export interface ActivityListQuery {
  correlationId?: string;
  actor?: string;
  action?: string;
  target?: string;
  type?: string;
  severity?: readonly string[];
  status?: readonly string[];
  from?: string;
  to?: string;
}

export interface IncidentListQuery {
  status?: readonly string[];
  severity?: readonly string[];
  q?: string;
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
  /** Activity: the audit log and system events; without a tab, the first one the role may use. */
  activity: () => '/activity',
  auditLog: (query?: ActivityListQuery) => withQuery('/activity/audit', query ? { ...query } : undefined),
  systemEvents: (query?: ActivityListQuery) => withQuery('/activity/events', query ? { ...query } : undefined),
  /** Everything that carries one correlation id, in time order. */
  trace: (correlationId: string) => `/trace/${encodeURIComponent(correlationId)}`,
  /** The trace page's form, to paste a correlation id. */
  traceLookup: () => '/trace',
  messages: (query?: ActivityListQuery) => withQuery('/messages', query ? { ...query } : undefined),
  incidents: (query?: IncidentListQuery) => withQuery('/incidents', query ? { ...query } : undefined),
  incident: (id: string) => `/incidents/${encodeURIComponent(id)}`,
  kyc: (query?: { status?: readonly string[] }) => withQuery('/kyc', query ? { ...query } : undefined),
  kycNew: () => '/kyc/new',
  kycCase: (id: string) => `/kyc/${encodeURIComponent(id)}`,
  kycCaseEdit: (id: string) => `/kyc/${encodeURIComponent(id)}/edit`,
  tools: () => '/tools',
  runs: (query?: RunListQuery) => withQuery('/runs', query ? { ...query } : undefined),
  run: (id: string) => `/runs/${encodeURIComponent(id)}`,
  notifications: () => '/notifications',
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
  activity: '/activity',
  activityAudit: '/activity/audit',
  activityEvents: '/activity/events',
  traceLookup: '/trace',
  trace: '/trace/:correlationId',
  messages: '/messages',
  incidents: '/incidents',
  incident: '/incidents/:incidentId',
  kyc: '/kyc',
  kycNew: '/kyc/new',
  kycCase: '/kyc/:caseId',
  kycCaseEdit: '/kyc/:caseId/edit',
  tools: '/tools',
  runs: '/runs',
  run: '/runs/:runId',
  notifications: '/notifications',
} as const;
