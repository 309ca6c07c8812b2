import { createTransport } from 'nodemailer';
import type { MailConfig } from '../../config';
import type { MailTransportKind, RenderedMail } from './mail.types';

/** One mail as the worker hands it to a transport. */
export interface OutgoingMail extends RenderedMail {
  to: string;
  /** The same on every attempt, so a mail sent twice (a worker died before marking it) reads as one. */
  messageId: string;
}

/** Where mail goes: an SMTP server, or nowhere but the outbox row itself (the development mailbox). */
export interface MailTransport {
  readonly kind: MailTransportKind;
  /** Sends one mail; resolves with the Message-ID it went out with, rejects when it did not go out. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** A send that did not settle within the deadline: it may still complete, so this counts as a failed attempt. */
class SendDeadline extends Error {
  readonly code = 'ETIMEDOUT';
}

/**
 * The transport SMTP_URL asks for (nodemailer, one connection per mail), or the local one without
 * it. Connecting, the greeting and every pause on the socket are each bounded by smtpTimeoutMs, and
 * a whole send by three of them (the lease is longer, see config.ts).
 */
export function createMailTransport(config: MailConfig): MailTransport {
  if (!config.smtpUrl) {
    return { kind: 'local', send: (mail) => Promise.resolve({ messageId: mail.messageId }), close: () => undefined };
  }
  const timeout = config.smtpTimeoutMs;
  const smtp = createTransport(
    { url: config.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout, dnsTimeout: timeout },
    { from: config.from },
  );
  return {
    kind: 'smtp',
    async send(mail) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new SendDeadline(`The SMTP server did not accept the mail within ${Math.round((3 * timeout) / 1000)} s.`)), 3 * timeout);
      });
      const sending = smtp.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
      // A send abandoned at the deadline may still fail later; nobody is waiting for it then.
      sending.catch(() => undefined);
      try {
        const info = await Promise.race([sending, deadline]);
        return { messageId: info.messageId || mail.messageId };
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => smtp.close(),
  };
}

interface SendErrorFields {
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  permanent?: unknown;
  message?: unknown;
}

/**
 * True when the SMTP server refused this mail for good (a 5xx reply to the recipient or to the
 * message itself): retrying would get the same answer. Connection, authentication and sender
 * failures are retried: they are about the server or its configuration, not this mail.
 */
export function isPermanentFailure(err: unknown): boolean {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SendErrorFields;
  return e.permanent === true && (e.command === 'RCPT TO' || e.command === 'DATA');
}

/**
 * A short, safe description of why a send failed, for the row's lastError and the log: the error
 * code, the SMTP reply code and the first line of the message, with any credentials in a URL
 * removed. Never the mail's body.
 */
export function describeSendError(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SendErrorFields;
  const code = typeof e.code === 'string' ? e.code : 'ERROR';
  const reply = typeof e.responseCode === 'number' ? ` ${e.responseCode}` : '';
  const raw = typeof e.message === 'string' ? e.message : String(err);
  const message = raw
    .split('\n')[0]
    ?.replace(/\/\/[^/@\s]*@/g, '//')
    .replace(/\s+/g, ' ')
    .trim();
  const text = `${code}${reply}: ${message ?? ''}`;
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
