/**
 * EU VAT number checks, offline: the format each member state uses (as published for VIES) and,
 * for Germany, the Netherlands, Belgium and Italy, the check-digit algorithm of the number
 * itself. A number that passes is well-formed, not necessarily registered (that needs VIES).
 */

export type ChecksumResult = 'VALID' | 'INVALID' | 'NOT_CHECKED';

export interface VatCheck {
  input: string;
  /** Upper-case, without spaces, dots or dashes; country prefix included when known. */
  normalized: string;
  countryCode: string | null;
  country: string | null;
  formatValid: boolean;
  checksum: ChecksumResult;
  valid: boolean;
  reason: string | null;
}

interface CountryRule {
  name: string;
  format: RegExp;
  checksum?: (digits: string, full: string) => boolean;
}

const digitsOf = (s: string) => [...s].map(Number);

/** Germany: ISO 7064 MOD 11,10 over the first eight digits. */
export function germanChecksum(n: string): boolean {
  let product = 10;
  for (const d of digitsOf(n.slice(0, 8))) {
    let sum = (d + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(n[8]);
}

/** Netherlands: the "elfproef" of the nine digits (RSIN/BSN based), or since 2020 MOD 97-10 over "NL" + number. */
export function dutchChecksum(n: string): boolean {
  const d = digitsOf(n.slice(0, 9));
  const eleven = d.slice(0, 8).reduce((sum, v, i) => sum + v * (9 - i), 0) - (d[8] ?? 0);
  if (eleven % 11 === 0) return true;
  const numeric = [...`NL${n}`].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
  return mod97(numeric) === 1;
}

/** Belgium: the last two digits are 97 minus the first eight modulo 97. */
export function belgianChecksum(n: string): boolean {
  return 97 - (Number(n.slice(0, 8)) % 97) === Number(n.slice(8, 10));
}

/** Italy: Luhn over the eleven digits, a real office code (digits 8-10) and a non-zero company number. */
export function italianChecksum(n: string): boolean {
  if (/^0{7}/.test(n)) return false;
  const office = Number(n.slice(7, 10));
  if (!((office >= 1 && office <= 100) || office === 120 || office === 121 || office === 888 || office === 999)) return false;
  let total = 0;
  [...n].reverse().forEach((c, i) => {
    let v = Number(c);
    if (i % 2 === 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    total += v;
  });
  return total % 10 === 0;
}

/** A long decimal string modulo 97, piece by piece (no bigint needed). */
function mod97(numeric: string): number {
  let rest = 0;
  for (const c of numeric) rest = (rest * 10 + Number(c)) % 97;
  return rest;
}

const RULES: Record<string, CountryRule> = {
  AT: { name: 'Austria', format: /^U\d{8}$/ },
  BE: { name: 'Belgium', format: /^[01]\d{9}$/, checksum: belgianChecksum },
  BG: { name: 'Bulgaria', format: /^\d{9,10}$/ },
  CY: { name: 'Cyprus', format: /^\d{8}[A-Z]$/ },
  CZ: { name: 'Czechia', format: /^\d{8,10}$/ },
  DE: { name: 'Germany', format: /^\d{9}$/, checksum: germanChecksum },
  DK: { name: 'Denmark', format: /^\d{8}$/ },
  EE: { name: 'Estonia', format: /^\d{9}$/ },
  EL: { name: 'Greece', format: /^\d{9}$/ },
  ES: { name: 'Spain', format: /^[A-Z0-9]\d{7}[A-Z0-9]$/ },
  FI: { name: 'Finland', format: /^\d{8}$/ },
  FR: { name: 'France', format: /^[A-HJ-NP-Z0-9]{2}\d{9}$/ },
  HR: { name: 'Croatia', format: /^\d{11}$/ },
  HU: { name: 'Hungary', format: /^\d{8}$/ },
  IE: { name: 'Ireland', format: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/ },
  IT: { name: 'Italy', format: /^\d{11}$/, checksum: italianChecksum },
  LT: { name: 'Lithuania', format: /^(\d{9}|\d{12})$/ },
  LU: { name: 'Luxembourg', format: /^\d{8}$/ },
  LV: { name: 'Latvia', format: /^\d{11}$/ },
  MT: { name: 'Malta', format: /^\d{8}$/ },
  NL: { name: 'Netherlands', format: /^\d{9}B\d{2}$/, checksum: dutchChecksum },
  PL: { name: 'Poland', format: /^\d{10}$/ },
  PT: { name: 'Portugal', format: /^\d{9}$/ },
  RO: { name: 'Romania', format: /^\d{2,10}$/ },
  SE: { name: 'Sweden', format: /^\d{10}01$/ },
  SI: { name: 'Slovenia', format: /^\d{8}$/ },
  SK: { name: 'Slovakia', format: /^\d{10}$/ },
  XI: { name: 'Northern Ireland', format: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/ },
};

export const VAT_COUNTRIES = Object.keys(RULES);

export function checkVatNumber(input: string): VatCheck {
  const normalized = input.toUpperCase().replace(/[\s.\-/]/g, '');
  const result = (partial: Partial<VatCheck>): VatCheck => ({
    input,
    normalized,
    countryCode: null,
    country: null,
    formatValid: false,
    checksum: 'NOT_CHECKED',
    valid: false,
    reason: null,
    ...partial,
  });
  const prefix = normalized.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(prefix)) return result({ reason: 'A VAT number starts with its two-letter country prefix, e.g. "DE".' });
  if (prefix === 'GR') return result({ countryCode: 'EL', country: 'Greece', reason: 'Greek VAT numbers use the prefix EL, not GR.' });
  const rule = RULES[prefix];
  if (!rule) return result({ countryCode: prefix, reason: `"${prefix}" is not the VAT prefix of an EU member state.` });
  const number = normalized.slice(2);
  if (!rule.format.test(number)) {
    return result({ countryCode: prefix, country: rule.name, reason: `The number does not have the format ${rule.name} uses.` });
  }
  if (!rule.checksum) return result({ countryCode: prefix, country: rule.name, formatValid: true, valid: true });
  const ok = rule.checksum(number, normalized);
  return result({
    countryCode: prefix,
    country: rule.name,
    formatValid: true,
    checksum: ok ? 'VALID' : 'INVALID',
    valid: ok,
    reason: ok ? null : 'The check digits do not match: the number is mistyped or invented.',
  });
}
