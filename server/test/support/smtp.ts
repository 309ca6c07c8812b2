import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One mail as the test SMTP server received it. */
export interface ReceivedMail {
  /** The envelope recipient (RCPT TO). */
  to: string;
  subject: string;
  text: string;
  /** The HTML part; empty when the mail had none. */
  html: string;
  /** Every http(s) link in the text and the HTML part (href values), in order, without repeats. */
  links: string[];
  /** The Message-ID header. */
  messageId: string;
}

export interface TestSmtp {
  /** smtp://[user:pass@]127.0.0.1:port, for SMTP_URL. */
  readonly url: string;
  readonly port: number;
  /** Everything received so far, oldest first (also mail already returned by waitForMail). */
  readonly messages: ReceivedMail[];
  /** Mail received for `to` (case-insensitive), oldest first. */
  mailsTo(to: string): ReceivedMail[];
  /**
   * The oldest mail for `to` (case-insensitive) whose subject matches, as soon as there is one:
   * at once when it has arrived already, else when it arrives. Rejects after timeoutMs (default
   * 10 s), listing what did arrive.
   */
  waitForMail(to: string, opts?: { subject?: RegExp; timeoutMs?: number }): Promise<ReceivedMail>;
  /** Like waitForMail, for the first `count` such mails (oldest first). */
  waitForMails(to: string, count: number, opts?: { subject?: RegExp; timeoutMs?: number }): Promise<ReceivedMail[]>;
  /** While true, every connection is answered 421 (service not available) and nothing is accepted. */
  refuse(on: boolean): void;
  /** Refuses `to` for good: RCPT TO answers 550 (no such mailbox). */
  rejectRecipient(to: string): void;
  /** Stops listening: connections are refused (the server is down) until restart(). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Links in a mail: URLs in the text part, href values in the HTML part. */
export function linksOf(text: string, html: string): string[] {
  const fromText = [...text.matchAll(/https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g)].map((m) => m[0]);
  const fromHtml = [...html.matchAll(/\shref\s*=\s*"([^"]*)"/gi)].map((m) => decodeEntities(m[1] ?? '')).filter((href) => /^https?:\/\//i.test(href));
  return [...new Set([...fromText, ...fromHtml])];
}

/**
 * A real SMTP server on 127.0.0.1 (an ephemeral port), for tests that send mail through the app:
 * plain SMTP without STARTTLS, no authentication unless `auth` is given (then required). Mail is
 * parsed with mailparser as it arrives. stop()/restart() and refuse() make it unavailable.
 */
export async function startTestSmtp(opts: { auth?: { user: string; pass: string } } = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const rejected = new Set<string>();
  const waiters = new Set<() => void>();
  let refusing = false;

  const options: SMTPServerOptions = {
    logger: false,
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    closeTimeout: 100,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      callback(refusing ? smtpError('Service not available, try again later', 421) : null);
    },
    onAuth(auth, _session, callback) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) callback(null, { user: auth.username });
      else callback(smtpError('Authentication failed', 535));
    },
    onRcptTo(address, _session, callback) {
      callback(rejected.has(address.address.toLowerCase()) ? smtpError('No such mailbox here', 550) : null);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? '';
          const html = typeof parsed.html === 'string' ? parsed.html : '';
          for (const rcpt of session.envelope.rcptTo) {
            messages.push({ to: rcpt.address, subject: parsed.subject ?? '', text, html, links: linksOf(text, html), messageId: parsed.messageId ?? '' });
          }
          for (const wake of [...waiters]) wake();
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  };

  let server = new SMTPServer(options);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.server.address() as AddressInfo).port);
      });
    });
  const port = await listen(0);
  let listening = true;
  const credentials = opts.auth ? `${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@` : '';

  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const matching = (to: string, subject?: RegExp) => messages.filter((m) => same(m.to, to) && (!subject || subject.test(m.subject)));

  const waitForMails: TestSmtp['waitForMails'] = async (to, count, { subject, timeoutMs = 10_000 } = {}) => {
    const found = await new Promise<ReceivedMail[] | undefined>((resolve) => {
      const check = () => {
        const mails = matching(to, subject);
        if (mails.length >= count) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(mails.slice(0, count));
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        resolve(undefined);
      }, timeoutMs);
      waiters.add(check);
      check();
    });
    if (!found) {
      const seen = messages.map((m) => `${m.to}: ${m.subject}`).join('; ') || 'nothing';
      throw new Error(`Fewer than ${count} mail(s) for ${to}${subject ? ` matching ${String(subject)}` : ''} within ${timeoutMs} ms (received: ${seen}).`);
    }
    return found;
  };

  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    messages,
    mailsTo: (to) => matching(to),
    async waitForMail(to, opts) {
      const [first] = await waitForMails(to, 1, opts);
      if (!first) throw new Error(`No mail for ${to}.`);
      return first;
    },
    waitForMails,
    refuse(on) {
      refusing = on;
    },
    rejectRecipient(to) {
      rejected.add(to.toLowerCase());
    },
    async stop() {
      if (!listening) return;
      listening = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async restart() {
      if (listening) return;
      server = new SMTPServer(options);
      await listen(port);
      listening = true;
    },
  };
}
