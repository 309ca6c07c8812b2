import { belgianChecksum, checkVatNumber, dutchChecksum, germanChecksum, italianChecksum, VAT_COUNTRIES } from '../handlers/vat';

/** Real, published numbers (tax authorities' and libraries' examples) and one-digit typos of them. */
describe('EU VAT numbers', () => {
  it.each([
    ['DE136695976', 'DE', 'Germany'],
    ['DE 136 695 976', 'DE', 'Germany'],
    ['NL004495445B01', 'NL', 'Netherlands'],
    ['nl 0044.95445.b01', 'NL', 'Netherlands'],
    ['NL100000024B01', 'NL', 'Netherlands'],
    ['BE0403019261', 'BE', 'Belgium'],
    ['BE 0403.019.261', 'BE', 'Belgium'],
    ['IT00743110157', 'IT', 'Italy'],
  ])('accepts %s (check digits verified)', (input, code, country) => {
    expect(checkVatNumber(input)).toMatchObject({ countryCode: code, country, formatValid: true, checksum: 'VALID', valid: true, reason: null });
  });

  it.each([['DE136695975'], ['NL004495446B01'], ['BE0403019262'], ['IT00743110158'], ['IT00000000000']])('refuses %s: the check digits do not match', (input) => {
    const r = checkVatNumber(input);
    expect(r).toMatchObject({ formatValid: true, checksum: 'INVALID', valid: false });
    expect(r.reason).toMatch(/check digits/);
  });

  it('checks each algorithm on its own', () => {
    expect(germanChecksum('136695976')).toBe(true);
    expect(germanChecksum('136695970')).toBe(false);
    // Elfproef and, for post-2020 numbers, MOD 97-10.
    expect(dutchChecksum('004495445B01')).toBe(true);
    expect(dutchChecksum('100000024B01')).toBe(true);
    expect(dutchChecksum('100000025B01')).toBe(false);
    expect(belgianChecksum('0403019261')).toBe(true);
    expect(belgianChecksum('0403019260')).toBe(false);
    expect(italianChecksum('00743110157')).toBe(true);
    // A valid Luhn sum but office code 500 does not exist.
    expect(italianChecksum('12345675008')).toBe(false);
  });

  it('checks the format of every member state, without check digits where none is implemented', () => {
    expect(VAT_COUNTRIES).toHaveLength(28);
    expect(checkVatNumber('ATU13585627')).toMatchObject({ country: 'Austria', formatValid: true, checksum: 'NOT_CHECKED', valid: true });
    expect(checkVatNumber('FRXX123456789')).toMatchObject({ formatValid: true, valid: true });
    expect(checkVatNumber('SE556188840401')).toMatchObject({ country: 'Sweden', formatValid: true });
    expect(checkVatNumber('ESX1234567L')).toMatchObject({ country: 'Spain', formatValid: true });
    for (const bad of ['ATU1234567', 'DE12345678', 'NL123456789C01', 'SE556188840402', 'BE2403019261']) {
      const r = checkVatNumber(bad);
      expect({ bad, formatValid: r.formatValid, valid: r.valid }).toEqual({ bad, formatValid: false, valid: false });
      expect(r.reason).toMatch(/format/);
    }
  });

  it('explains prefixes it cannot use', () => {
    expect(checkVatNumber('GR094259216')).toMatchObject({ countryCode: 'EL', valid: false, reason: 'Greek VAT numbers use the prefix EL, not GR.' });
    expect(checkVatNumber('EL094259216')).toMatchObject({ country: 'Greece', valid: true });
    expect(checkVatNumber('US123456789')).toMatchObject({ countryCode: 'US', valid: false });
    expect(checkVatNumber('US123456789').reason).toMatch(/not the VAT prefix of an EU member state/);
    expect(checkVatNumber('123456789')).toMatchObject({ countryCode: null, valid: false });
  });
});
