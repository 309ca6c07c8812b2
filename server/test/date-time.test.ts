import { printType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DateTimeScalar, isoText } from '../src/common/date-time';

/** The DateTime scalar answers text (the ISO form a Date's JSON has) and reads input as graphql-scalars' does. */
describe('DateTime', () => {
  it('is graphql-scalars\' DateTime in the schema: the same name, description and specification', () => {
    expect(printType(DateTimeScalar)).toBe(printType(GraphQLDateTime));
  });

  it('answers the text JSON would have written for the Date, in UTC, with milliseconds', () => {
    const at = new Date('2026-12-04T15:24:03.928Z');
    expect(DateTimeScalar.serialize(at)).toBe('2026-12-04T15:24:03.928Z');
    expect(DateTimeScalar.serialize(at)).toBe(JSON.parse(JSON.stringify(at)));
    expect(DateTimeScalar.serialize('2026-12-04T17:24:03+02:00')).toBe('2026-12-04T15:24:03.000Z');
    expect(DateTimeScalar.serialize(Date.UTC(2026, 0, 2, 3, 4, 5, 6))).toBe('2026-01-02T03:04:05.006Z');
  });

  it('writes every time as toISOString does: month and year ends, leap days, centuries, milliseconds, before 1970 and after 9999', () => {
    const edges = [
      0, -1, 1, 999, 1000, 86_399_999, 86_400_000,
      Date.UTC(1972, 1, 29, 23, 59, 59, 999), Date.UTC(1999, 11, 31, 23, 59, 59, 999), Date.UTC(2000, 1, 29), Date.UTC(2000, 2, 1),
      Date.UTC(2024, 1, 29, 12), Date.UTC(2026, 11, 31, 23, 59, 59, 999), Date.UTC(2100, 1, 28, 23, 59, 59, 999), Date.UTC(2100, 2, 1),
      Date.UTC(2400, 1, 29), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 1,
      Date.UTC(1969, 11, 31, 23, 59, 59, 999), Date.UTC(1, 0, 1), -8.64e15, 8.64e15,
    ];
    for (const time of edges) expect([time, isoText(time)]).toEqual([time, new Date(time).toISOString()]);
    // Every day of 1970 to 2500 at a time of day that moves with it, and spread moments up to 9999.
    for (let day = 0; day < 194_724; day++) {
      const time = day * 86_400_000 + ((day * 7_919_993) % 86_400_000);
      if (isoText(time) !== new Date(time).toISOString()) expect([time, isoText(time)]).toEqual([time, new Date(time).toISOString()]);
    }
    // A fixed sequence (Park and Miller's generator), so that a failure names the same times again.
    let seed = 20_261_204;
    for (let i = 0; i < 100_000; i++) {
      seed = (seed * 48_271) % 2_147_483_647;
      const time = Math.floor((seed / 2_147_483_647) * 253_402_300_800_000);
      if (isoText(time) !== new Date(time).toISOString()) expect([time, isoText(time)]).toEqual([time, new Date(time).toISOString()]);
    }
  });

  it('refuses what is not a moment in time, as graphql-scalars does', () => {
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow(/invalid Date/);
    expect(() => DateTimeScalar.serialize('yesterday')).toThrow(/invalid date-time-string/);
    expect(() => DateTimeScalar.serialize({})).toThrow(/cannot be serialized/);
  });

  it('reads variables and literals into Dates unchanged', () => {
    expect(DateTimeScalar.parseValue('2026-12-04T15:24:03.928Z')).toEqual(new Date('2026-12-04T15:24:03.928Z'));
    expect(() => DateTimeScalar.parseValue('2026-13-40')).toThrow();
  });
});
