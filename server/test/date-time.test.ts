import { printType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DateTimeScalar } from '../src/common/date-time';

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
