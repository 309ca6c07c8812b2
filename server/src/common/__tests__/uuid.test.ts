import { UUID_RE, uuidv7 } from '../uuid';

describe('uuidv7', () => {
  it('makes version-7, RFC 9562 variant ids that sort in the order they were made and never repeat', () => {
    // More ids than one block of the random pool holds (256), so it is refilled several times.
    const ids = Array.from({ length: 5000 }, () => uuidv7());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(UUID_RE);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the given time in its first 48 bits and stays monotonic when the clock steps back', () => {
    const later = Date.now() + 60_000;
    const a = uuidv7(later);
    expect(parseInt(a.slice(0, 8) + a.slice(9, 13), 16)).toBe(later);
    const b = uuidv7(later - 1000);
    expect(b > a).toBe(true);
  });

  it('draws fresh random bits for each id', () => {
    const tails = new Set(Array.from({ length: 1000 }, () => uuidv7().slice(19)));
    expect(tails.size).toBe(1000);
  });
});
