import { type NextFunction, type Request, type Response, Router } from 'express';
import type { HttpRoute } from '../../common/module';
import type { Context } from '../../context/context';
import { MailStatus, OutboxMail } from './mail.entity';
import { escapeHtml, formatUtc } from './mail.templates';

/** How many mails the development mailbox shows, newest first. */
export const MAILBOX_LIMIT = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mail kept locally (no SMTP_URL) and marked sent, newest first. */
async function localMails(ctx: Context): Promise<OutboxMail[]> {
  return ctx.em.find(
    OutboxMail,
    { status: MailStatus.SENT, transport: 'local' },
    { filters: false, orderBy: { sentAt: 'DESC', id: 'DESC' }, limit: MAILBOX_LIMIT },
  );
}

/** Plain text as HTML, with each http(s) URL a link. */
function linkified(text: string): string {
  const url = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(url)) {
    const at = m.index ?? 0;
    out += escapeHtml(text.slice(last, at));
    out += `<a href="${escapeHtml(m[0])}">${escapeHtml(m[0])}</a>`;
    last = at + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

function mailboxPage(mails: OutboxMail[]): string {
  const items = mails
    .map(
      (m) => `<article>
<h2>${escapeHtml(m.subject)}</h2>
<p class="meta">To <strong>${escapeHtml(m.to)}</strong> · ${m.sentAt ? escapeHtml(formatUtc(m.sentAt)) : ''} · ${escapeHtml(m.template)} · <a href="/dev/mailbox/${escapeHtml(m.id)}">HTML part</a></p>
<pre>${linkified(m.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Development mailbox · Atrium</title>
<style>
body { margin: 0; background: #f6f7fb; color: #0f172a; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 24px 16px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
.lead { color: #64748b; margin: 0 0 24px; }
article { background: #fff; border: 1px solid #e2e8f0; border-radius: 10px; padding: 16px 20px; margin: 0 0 16px; }
h2 { font-size: 17px; margin: 0 0 4px; }
.meta { color: #64748b; font-size: 13px; margin: 0 0 12px; }
pre { white-space: pre-wrap; word-break: break-word; font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; margin: 0; }
a { color: #4338ca; }
</style>
</head>
<body>
<main>
<h1>Development mailbox</h1>
<p class="lead">Mail this server sent without SMTP_URL, newest first (the last ${MAILBOX_LIMIT}). Reload the page for new mail. As JSON: <a href="/api/dev/mailbox">/api/dev/mailbox</a>.</p>
${items || '<p>No mail yet.</p>'}
</main>
</body>
</html>
`;
}

/**
 * The mail's own HTML as a page of its own. Its Content-Security-Policy sandboxes it (no script,
 * no same-origin access, no forms) and lets it load nothing but inline styles; links still open.
 */
const MAIL_HTML_POLICY = "sandbox allow-popups allow-top-navigation-by-user-activation; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

function guard(contextOf: (req: Request) => Promise<Context>, handle: (ctx: Context, req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await handle(await contextOf(req), req, res);
    } catch (err) {
      next(err);
    }
  };
}

/**
 * The development mailbox (development and test only; production mounts nothing here, so both
 * paths answer 404): `GET /api/dev/mailbox` as JSON `[{ to, subject, text, html, sentAt }]`, and
 * `GET /dev/mailbox` as a page with the links clickable (server-rendered, no script).
 */
export const mailboxRoutes: readonly HttpRoute[] = [
  {
    path: '/api/dev/mailbox',
    router: ({ contextOf, config }) => {
      const router = Router();
      if (config.isProduction) return router;
      router.get(
        '/',
        guard(contextOf, async (ctx, _req, res) => {
          const mails = await localMails(ctx);
          res.setHeader('Cache-Control', 'no-store');
          res.json(mails.map((m) => ({ to: m.to, subject: m.subject, text: m.text, html: m.html, sentAt: m.sentAt?.toISOString() ?? null })));
        }),
      );
      return router;
    },
  },
  {
    path: '/dev/mailbox',
    router: ({ contextOf, config }) => {
      const router = Router();
      if (config.isProduction) return router;
      router.get(
        '/',
        guard(contextOf, async (ctx, _req, res) => {
          res.setHeader('Cache-Control', 'no-store');
          res.type('html').send(mailboxPage(await localMails(ctx)));
        }),
      );
      router.get(
        '/:id',
        guard(contextOf, async (ctx, req, res) => {
          const id = String(req.params.id);
          const mail = UUID.test(id)
            ? await ctx.em.findOne(OutboxMail, { id, status: MailStatus.SENT, transport: 'local' }, { filters: false })
            : null;
          if (!mail) {
            res.status(404).json({ error: 'NOT_FOUND', message: 'No such mail in the development mailbox.' });
            return;
          }
          res.setHeader('Cache-Control', 'no-store');
          res.setHeader('Content-Security-Policy', MAIL_HTML_POLICY);
          res.type('html').send(mail.html);
        }),
      );
      return router;
    },
  },
];
