import type { ReactNode } from 'react';

export interface NavItem {
  label: string;
  href: string;
  icon: ReactNode;
  /** Shown only to roles holding this permission. */
  permission?: string;
  /** Active on this path and below (default: exact for "/", prefix otherwise). */
  exact?: boolean;
}

export interface Command {
  id: string;
  label: string;
  group: 'Go to' | 'Actions' | 'Switch organisation';
  icon?: ReactNode;
  /** Extra words the search matches. */
  keywords?: string;
  perform: () => void | Promise<void>;
}

export interface Crumb {
  label: string;
  href?: string;
}
