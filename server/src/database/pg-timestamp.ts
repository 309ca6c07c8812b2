const ZERO = 48;

/**
 * A timestamptz as PostgreSQL writes it in a UTC session (`2026-12-04 00:34:17.354+00`, the
 * fraction from none to six digits) as a Date, truncated to milliseconds as the ORM's parser
 * (postgres-date) truncates it; null for anything else (another offset, `infinity`, years before
 * 1000 or after 9999, BC), which the caller hands to the ORM's parser. One pass over character
 * codes: list pages parse several timestamps per row.
 */
export function parseUtcTimestamp(text: string): Date | null {
  const n = text.length;
  if (n < 22 || n > 29) return null;
  // Fixed positions: YYYY-MM-DD HH:MM:SS, then an optional fraction, then "+00".
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  if (text.charCodeAt(n - 3) !== 43 || text.charCodeAt(n - 2) !== ZERO || text.charCodeAt(n - 1) !== ZERO) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let ms = 0;
  if (n > 22) {
    // ".f" to ".ffffff": at least one digit, the first three count, the rest must be digits too.
    if (text.charCodeAt(19) !== 46 || n === 23) return null;
    const fraction = n - 23;
    const leading = digits(text, 20, Math.min(3, fraction));
    if (leading < 0 || (fraction > 3 && digits(text, 23, fraction - 3) < 0)) return null;
    ms = leading * 10 ** Math.max(0, 3 - fraction);
  }
  // A field that is not all digits reads as -1, which fails its range.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
}

/** The number written by `count` decimal digits of `text` from `from`; -1 when one of them is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
