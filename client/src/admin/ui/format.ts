/** Dates and times as staff read them: en-GB, in the browser's time zone. */
// One date-time format and one initials rule for both apps.
export { formatDateTime, initialsOf } from '../../shared/format';
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

const parse = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};


const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** "18 Sept" this year, "18 Sept 2025" otherwise: for table cells. */
export function formatShortDate(iso: string | null | undefined, now = new Date()): string {
  const d = parse(iso);
  if (!d) return '—';
  return d.getFullYear() === now.getFullYear() ? dayMonth.format(d) : dateOnly.format(d);
}

export function formatDate(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? dateOnly.format(d) : '—';
}

/** "3 hours ago", "yesterday", "in 2 days"; whole dates beyond a month. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  const d = parse(iso);
  if (!d) return '—';
  const seconds = Math.round((d.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  return formatShortDate(iso, new Date(now));
}


/** A steady colour per person, so the same name always gets the same avatar. */
export function colourOf(seed: string): string {
  const palette = ['#4338ca', '#0e7490', '#15803d', '#b45309', '#be185d', '#7c3aed', '#0369a1', '#a16207'];
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[h % palette.length] ?? palette[0] ?? '#4338ca';
}

/** "platform.access" -> "Platform access", "ticket.updated" -> "Ticket updated". */
export function humanizeAction(action: string): string {
  const text = action.replace(/[._]/g, ' ').trim();
  return text ? text[0]?.toUpperCase() + text.slice(1) : action;
}
