/** A mail to enqueue: which template, to whom, and what it says (the contract of issue 11). */
export type MailRequest =
  | {
      template: 'invitation';
      to: string;
      tenantId: string;
      data: { tenantName: string; roleName: string; inviterName: string | null; token: string; expiresAt: Date; newTenant: boolean };
    }
  | { template: 'password-reset'; to: string; data: { name: string; token: string; expiresAt: Date } }
  | { template: 'password-changed'; to: string; data: { name: string; at: Date } }
  | { template: 'two-factor-changed'; to: string; data: { name: string; enabled: boolean; at: Date } }
  | { template: 'webhook-disabled'; to: string; data: { name: string; tenantName: string; url: string; reason: string; at: Date } }
  | {
      template: 'notification-digest';
      to: string;
      /** `items` newest first, at most a screenful (the rest counted in `more`); each url a path of the portal or back office. */
      data: { name: string; items: readonly { title: string; body: string; url: string }[]; more: number; inboxUrl: string };
    };

export type MailTemplate = MailRequest['template'];

/** A mail as it is sent: both parts rendered. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** 'smtp' when SMTP_URL is set; 'local' keeps the mail for the development mailbox. */
export type MailTransportKind = 'smtp' | 'local';
