import type { ReactNode } from 'react';

export interface NavItem {
  label: string;
  href: string;
  icon: ReactNode;
  /** Shown only to roles holding this permission (a list: any one of them). */
  permission?: string | readonly string[];
  /** Active on this path and below (default: exact for "/", prefix otherwise). */
  exact?: boolean;
}

export interface Command {
  id: string;
  label: string;
  group: 'Go to' | 'Actions' | 'Switch organisation' | 'Tickets';
  icon?: ReactNode;
  /** Extra words the search matches. */
  keywords?: string;
  /** Found by a server-side search for the current query: shown without matching it again. */
  found?: boolean;
  /** Ends something (signing out, deleting): never preselected, so Enter alone cannot run it. */
  destructive?: boolean;
  perform: () => void | Promise<void>;
}

export interface Crumb {
  label: string;
  href?: string;
}
