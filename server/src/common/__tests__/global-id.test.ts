import { expectGlobalId, fromGlobalId, toGlobalId } from '../global-id';
import { uuidv7 } from '../uuid';

const plain = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

describe('toGlobalId', () => {
  it('encodes base64url("<Type>:<id>") and decodes back, id after id', () => {
    for (const type of ['Ticket', 'User', 'AutomationRun', 'KycCase']) {
      for (let i = 0; i < 50; i++) {
        const id = uuidv7();
        const gid = toGlobalId(type, id);
        expect(gid).toBe(plain(type, id));
        expect(gid).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(fromGlobalId(gid)).toEqual({ type, id });
        expect(expectGlobalId(gid, type)).toBe(id);
      }
    }
  });

  it('gives the same text as a fresh buffer for every length and for text beyond ASCII or beyond its scratch buffer', () => {
    // Every padding case (length mod 3), multi-byte characters, and texts longer than the scratch buffer holds.
    const texts = ['', 'a', 'ab', 'abc', 'é', 'ü€', '𝒜b', 'x'.repeat(170), 'x'.repeat(171), 'é'.repeat(300), '€'.repeat(1000)];
    for (const id of texts) expect(toGlobalId('T', id)).toBe(plain('T', id));
    // One after another: nothing of a longer id is left in a shorter one's answer.
    expect(toGlobalId('Ticket', 'x'.repeat(100))).toBe(plain('Ticket', 'x'.repeat(100)));
    expect(toGlobalId('Ticket', 'y')).toBe(plain('Ticket', 'y'));
  });
});
