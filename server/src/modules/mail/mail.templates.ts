import type { MailRequest, RenderedMail } from './mail.types';

/**
 * The mails Atrium sends, each as plain text and as HTML with the product's look: a simple
 * table layout with inline styles (mail clients ignore style sheets), the brand colours of the
 * apps (client/src/shared/theme/theme.ts), one button, and the link again in full for clients
 * that show no buttons. Every link is absolute to PUBLIC_URL. Every interpolated value is
 * escaped in the HTML part and stripped of control characters in the text part and the subject.
 */

const BRAND = {
  primary: '#4338ca',
  ink: '#0f172a',
  muted: '#64748b',
  border: '#e2e8f0',
  canvas: '#f6f7fb',
} as const;

const FONT = "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** A paragraph: text, with links shown as their full URL. */
type Segment = string | { url: string };
type Paragraph = Segment[];

interface Layout {
  subject: string;
  /** The line mail clients show after the subject. */
  preheader: string;
  heading: string;
  intro: Paragraph[];
  action: { label: string; url: string };
  outro: Paragraph[];
  /** Why the recipient got this mail. */
  footnote: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A value for one line: control characters (newlines included) become spaces, length is bounded. */
function clean(value: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** "10 December 2026 at 14:30 UTC". */
export function formatUtc(date: Date): string {
  return `${dateFormat.format(date)} UTC`;
}

/** How long until `until`, in the largest whole unit that reads naturally: "7 days", "1 hour", "30 minutes". */
export function durationUntil(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.round((until.getTime() - now.getTime()) / 60_000));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes >= 36 * 60) return plural(Math.round(minutes / (24 * 60)), 'day');
  if (minutes >= 90) return plural(Math.round(minutes / 60), 'hour');
  if (minutes >= 60) return '1 hour';
  return plural(minutes, 'minute');
}

function link(publicUrl: string, path: string): string {
  return `${publicUrl}${path}`;
}

function tokenLink(publicUrl: string, route: string, token: string): string {
  return link(publicUrl, `/${route}/${encodeURIComponent(token)}`);
}

function greeting(name: string): string {
  return `Hi ${clean(name) || 'there'},`;
}

function layoutOf(publicUrl: string, mail: MailRequest, now: Date): Layout {
  const to = clean(mail.to, 320);
  switch (mail.template) {
    case 'invitation': {
      const d = mail.data;
      const tenant = clean(d.tenantName);
      const role = clean(d.roleName, 100);
      const inviter = d.inviterName ? clean(d.inviterName) : '';
      const expires = `The invitation expires in ${durationUntil(d.expiresAt, now)}, on ${formatUtc(d.expiresAt)}, and works once.`;
      const accept = 'Accept it to join. New to Atrium? You choose your name and a password. Already have an account? Sign in with it.';
      if (d.newTenant) {
        return {
          subject: `An Atrium workspace was opened for ${tenant}`,
          preheader: `You are invited as ${role}.`,
          heading: `An Atrium workspace was opened for ${tenant}`,
          intro: [[inviter ? `${inviter} invited you to it as ${role}.` : `You are invited to it as ${role}.`], [accept]],
          action: { label: 'Accept the invitation', url: tokenLink(publicUrl, 'invite', d.token) },
          outro: [[expires]],
          footnote: `You received this because ${to} was invited to Atrium. If you did not expect it, you can ignore this mail.`,
        };
      }
      const who = inviter ? `${inviter} invited you` : 'You are invited';
      return {
        subject: `${who} to join ${tenant} on Atrium`,
        preheader: `Join ${tenant} as ${role}.`,
        heading: `${who} to join ${tenant} on Atrium as ${role}`,
        intro: [[accept]],
        action: { label: 'Accept the invitation', url: tokenLink(publicUrl, 'invite', d.token) },
        outro: [[expires]],
        footnote: `You received this because ${to} was invited to Atrium. If you did not expect it, you can ignore this mail.`,
      };
    }
    case 'password-reset': {
      const d = mail.data;
      return {
        subject: 'Reset your Atrium password',
        preheader: `The link works once, for ${durationUntil(d.expiresAt, now)}.`,
        heading: 'Reset your password',
        intro: [[greeting(d.name)], ['Someone, hopefully you, asked to reset the password of your Atrium account.']],
        action: { label: 'Choose a new password', url: tokenLink(publicUrl, 'reset-password', d.token) },
        outro: [
          [`The link works once and is valid for ${durationUntil(d.expiresAt, now)}, until ${formatUtc(d.expiresAt)}.`],
          ['If you did not ask for this, ignore this mail: your password stays as it is.'],
        ],
        footnote: `You received this because a password reset was requested for ${to}.`,
      };
    }
    case 'password-changed': {
      const d = mail.data;
      return {
        subject: 'Your Atrium password was changed',
        preheader: `Changed on ${formatUtc(d.at)}.`,
        heading: 'Your password was changed',
        intro: [
          [greeting(d.name)],
          [`The password of your Atrium account was changed on ${formatUtc(d.at)}, and your other sessions were signed out.`],
        ],
        action: { label: 'Review your account', url: link(publicUrl, '/account') },
        outro: [
          ['If this was you, there is nothing to do.'],
          ['If it was not, reset your password right away at ', { url: link(publicUrl, '/forgot-password') }, ' and tell your administrator.'],
        ],
        footnote: `You received this because the password of the Atrium account ${to} was changed.`,
      };
    }
    case 'two-factor-changed': {
      const d = mail.data;
      const state = d.enabled ? 'on' : 'off';
      return {
        subject: `Two-factor sign-in was turned ${state} for your Atrium account`,
        preheader: `Turned ${state} on ${formatUtc(d.at)}.`,
        heading: `Two-factor sign-in is ${state}`,
        intro: [
          [greeting(d.name)],
          [`Two-factor sign-in was turned ${state} for your Atrium account on ${formatUtc(d.at)}.`],
          [
            d.enabled
              ? 'From now on, signing in asks for a code from your authenticator app, or one of your recovery codes. Keep the recovery codes somewhere safe.'
              : 'Signing in now needs only your password.',
          ],
        ],
        action: { label: 'Review your account', url: link(publicUrl, '/account') },
        outro: [['If this was not you, change your password right away, check two-factor sign-in on your account page, and tell your administrator.']],
        footnote: `You received this because the sign-in settings of the Atrium account ${to} changed.`,
      };
    }
    case 'webhook-disabled': {
      const d = mail.data;
      const tenant = clean(d.tenantName);
      return {
        subject: `A webhook endpoint of ${tenant} was disabled`,
        preheader: `Disabled on ${formatUtc(d.at)} after repeated failures.`,
        heading: 'A webhook endpoint was disabled',
        intro: [
          [greeting(d.name)],
          [`Atrium disabled the webhook endpoint ${clean(d.url, 300)} of ${tenant} on ${formatUtc(d.at)}: ${clean(d.reason, 300)}`],
          ['It receives no events until someone turns it on again. Check the delivery log for the answers it gave, fix the receiver, send a test event, then enable it.'],
        ],
        action: { label: 'Open the developer settings', url: link(publicUrl, '/developers') },
        outro: [['Events from while it was off are in the delivery log; redeliver the ones you need.']],
        footnote: `You received this because ${to} manages the webhooks of ${tenant} on Atrium.`,
      };
    }
    case 'notification-digest': {
      const d = mail.data;
      const total = d.items.length + d.more;
      const items: Paragraph[] = d.items.map((item) => {
        const body = clean(item.body, 280);
        return [`• ${clean(item.title)}${body ? ` — ${body}` : ''} `, { url: link(publicUrl, item.url) }];
      });
      return {
        subject: total === 1 ? clean(d.items[0]?.title ?? 'You have a new notification') : `${total} new notifications on Atrium`,
        preheader: total === 1 ? 'You have a new notification.' : `You have ${total} new notifications.`,
        heading: total === 1 ? 'You have a new notification' : `You have ${total} new notifications`,
        intro: [[greeting(d.name)], ...items, ...(d.more > 0 ? [[`…and ${d.more} more.`]] : [])],
        action: { label: 'Open your notifications', url: link(publicUrl, d.inboxUrl) },
        outro: [['Choose which notifications reach you by mail on your account page.']],
        footnote: `You received this because ${to} has mail notifications turned on. Several notifications close together come in one mail.`,
      };
    }
  }
}

function textOf(paragraph: Paragraph): string {
  return paragraph.map((s) => (typeof s === 'string' ? s : s.url)).join('');
}

function renderText(publicUrl: string, l: Layout): string {
  const blocks = [l.heading, ...l.intro.map(textOf), `${l.action.label}:\n${l.action.url}`, ...l.outro.map(textOf), `--\nAtrium · ${publicUrl}/\n${l.footnote}`];
  return `${blocks.join('\n\n')}\n`;
}

const P_STYLE = 'margin:0 0 16px 0;';
const A_STYLE = `color:${BRAND.primary};text-decoration:underline;word-break:break-all;`;

function htmlOf(paragraph: Paragraph): string {
  const inner = paragraph
    .map((s) => (typeof s === 'string' ? escapeHtml(s) : `<a href="${escapeHtml(s.url)}" style="${A_STYLE}">${escapeHtml(s.url)}</a>`))
    .join('');
  return `<p style="${P_STYLE}">${inner}</p>`;
}

function renderHtml(publicUrl: string, l: Layout): string {
  const e = escapeHtml;
  const home = `${publicUrl}/`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${e(l.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:${BRAND.canvas};">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;color:${BRAND.canvas};">${e(l.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${BRAND.canvas};">
<tr><td align="center" style="padding:32px 16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
<tr><td style="padding:0 4px 16px 4px;font-family:${FONT};font-size:20px;font-weight:700;letter-spacing:-0.02em;">
<a href="${e(home)}" style="color:${BRAND.primary};text-decoration:none;">Atrium</a>
</td></tr>
<tr><td style="background-color:#ffffff;border:1px solid ${BRAND.border};border-radius:10px;padding:32px;font-family:${FONT};font-size:15px;line-height:1.6;color:${BRAND.ink};">
<h1 style="margin:0 0 16px 0;font-size:20px;line-height:1.3;font-weight:700;color:${BRAND.ink};">${e(l.heading)}</h1>
${l.intro.map(htmlOf).join('\n')}
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px 0;">
<tr><td style="border-radius:8px;background-color:${BRAND.primary};">
<a href="${e(l.action.url)}" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:8px;">${e(l.action.label)}</a>
</td></tr>
</table>
${l.outro.map(htmlOf).join('\n')}
<p style="margin:24px 0 0 0;font-size:13px;color:${BRAND.muted};">If the button does not work, open this link:<br><a href="${e(l.action.url)}" style="${A_STYLE}">${e(l.action.url)}</a></p>
</td></tr>
<tr><td style="padding:16px 4px;font-family:${FONT};font-size:12px;line-height:1.5;color:${BRAND.muted};">
${e(l.footnote)}<br>
Atrium · <a href="${e(home)}" style="color:${BRAND.muted};">${e(publicUrl)}</a>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/**
 * Renders a mail for `publicUrl` (no trailing slash: config.publicUrl). `now` only words how long
 * a link stays valid ("7 days", "1 hour").
 */
export function renderMail(publicUrl: string, mail: MailRequest, now: Date = new Date()): RenderedMail {
  const base = publicUrl.replace(/\/+$/, '');
  const layout = layoutOf(base, mail, now);
  return { subject: clean(layout.subject, 250), text: renderText(base, layout), html: renderHtml(base, layout) };
}
