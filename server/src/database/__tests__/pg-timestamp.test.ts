import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { parseUtcTimestamp } from '../pg-timestamp';

/** The ORM's own parser (postgres-date), which the fast path must agree with wherever it answers. */
const platform = new PostgreSqlPlatform();
const ormParse = (text: string) => platform.parseDate(text);

describe('parseUtcTimestamp', () => {
  it('agrees with the ORM on UTC timestamps with no fraction up to six digits, across years, months and leap days', () => {
    const samples = [
      '2026-12-04 00:34:17+00',
      '2026-12-04 00:34:17.3+00',
      '2026-12-04 00:34:17.35+00',
      '2026-12-04 00:34:17.354+00',
      '2026-12-04 00:34:17.3549+00',
      '2026-12-04 00:34:17.354999+00',
      '2024-02-29 23:59:59.999+00',
      '1970-01-01 00:00:00+00',
      '1000-01-01 00:00:00.001+00',
      '9999-12-31 23:59:59.999999+00',
    ];
    // And a spread of generated instants, written as PostgreSQL writes them.
    for (let i = 0; i < 500; i++) {
      const d = new Date(Date.UTC(1990, 0, 1) + Math.floor(i * 7_919_130_017.3) % (60 * 365 * 86_400_000));
      const iso = d.toISOString();
      const micro = String((i * 7) % 1000).padStart(3, '0');
      samples.push(`${iso.slice(0, 10)} ${iso.slice(11, 19)}${i % 3 === 0 ? '' : `.${iso.slice(20, 23)}${i % 2 ? micro : ''}`}+00`);
    }
    for (const text of samples) {
      const fast = parseUtcTimestamp(text);
      expect([text, fast?.toISOString()]).toEqual([text, (ormParse(text)).toISOString()]);
    }
  });

  it('declines what it does not read (another offset, infinity, BC, early years, malformed text), leaving it to the ORM', () => {
    for (const text of ['2026-12-04 00:34:17+01', '2026-12-04 00:34:17.354-05', '2026-12-04 00:34:17+05:30', 'infinity', '-infinity', '2026-12-04 00:34:17 BC', '0099-01-01 00:00:00+00', '2026-12-04T00:34:17.354Z', '2026-12-04 00:34:17.+00', '2026-13-04 00:34:17+00', '2026-12-04 0a:34:17+00', '2026-12-04 00:34:1x+00', '2026-12-04 00:34:17.3x4+00', '2026-12-04 00:34:17.3549x+00', '']) {
      expect([text, parseUtcTimestamp(text)]).toEqual([text, null]);
    }
  });
});
