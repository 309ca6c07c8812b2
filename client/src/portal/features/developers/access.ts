/** The permissions that open the Developers area: either one is enough. */
export const DEVELOPER_PERMISSIONS = ['apikey:manage', 'webhook:manage'] as const;

export type DeveloperTab = 'keys' | 'webhooks' | 'deliveries' | 'docs';

/** What each tab needs; the documentation is for anyone in the area. */
export const TAB_PERMISSION: Record<DeveloperTab, string | null> = {
  keys: 'apikey:manage',
  webhooks: 'webhook:manage',
  deliveries: 'webhook:manage',
  docs: null,
};
