import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import type { KycBusinessInput, KycPersonInput, KycSubjectKind } from '../../../../gql/graphql';

/** The form's values: every field a string, as typed. */
export interface AddressValues {
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  country: string;
}
export interface KycDetailsValues {
  fullName: string;
  dateOfBirth: string;
  nationality: string;
  legalName: string;
  registrationNumber: string;
  country: string;
  vatNumber: string;
  address: AddressValues;
}

/** Field errors keyed by the path inside the subject's details: "fullName", "address.city". */
export type DetailErrors = Record<string, string>;

export const EMPTY_ADDRESS: AddressValues = { line1: '', line2: '', city: '', postalCode: '', country: '' };
export const EMPTY_DETAILS: KycDetailsValues = { fullName: '', dateOfBirth: '', nationality: '', legalName: '', registrationNumber: '', country: '', vatNumber: '', address: EMPTY_ADDRESS };

interface AddressLike {
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  country: string;
}

/** Values from what the server answered for a case. */
export function valuesOf(
  person: { fullName: string; dateOfBirth?: string | null; nationality?: string | null; address?: AddressLike | null } | null | undefined,
  business: { legalName: string; registrationNumber?: string | null; country?: string | null; vatNumber?: string | null; address?: AddressLike | null } | null | undefined,
): KycDetailsValues {
  const address = person?.address ?? business?.address;
  return {
    ...EMPTY_DETAILS,
    fullName: person?.fullName ?? '',
    dateOfBirth: person?.dateOfBirth ?? '',
    nationality: person?.nationality ?? '',
    legalName: business?.legalName ?? '',
    registrationNumber: business?.registrationNumber ?? '',
    country: business?.country ?? '',
    vatNumber: business?.vatNumber ?? '',
    address: address ? { line1: address.line1, line2: address.line2 ?? '', city: address.city, postalCode: address.postalCode, country: address.country } : EMPTY_ADDRESS,
  };
}

const blank = (s: string) => s.trim() === '';
const orNull = (s: string) => (blank(s) ? null : s.trim());
const COUNTRY = /^[A-Za-z]{2}$/;

function addressStarted(a: AddressValues): boolean {
  return [a.line1, a.line2, a.city, a.postalCode, a.country].some((v) => !blank(v));
}

/** The same rules as the server's, checked first so the person hears about them at once. */
export function validateDetails(kind: KycSubjectKind, v: KycDetailsValues): DetailErrors {
  const e: DetailErrors = {};
  if (kind === 'PERSON') {
    if (v.fullName.trim().length < 2) e.fullName = 'Give the full name (2 to 200 characters).';
    if (!blank(v.dateOfBirth)) {
      const d = new Date(`${v.dateOfBirth}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.dateOfBirth) || Number.isNaN(d.getTime())) e.dateOfBirth = 'Give a real date, e.g. 1990-04-23.';
      else if (d.getTime() > Date.now()) e.dateOfBirth = 'Date of birth cannot be in the future.';
    }
    if (!blank(v.nationality) && !COUNTRY.test(v.nationality.trim())) e.nationality = 'Use a two-letter country code, e.g. DE or GB.';
  } else {
    if (v.legalName.trim().length < 2) e.legalName = 'Give the legal name (2 to 200 characters).';
    if (!blank(v.country) && !COUNTRY.test(v.country.trim())) e.country = 'Use a two-letter country code, e.g. DE or GB.';
    if (!blank(v.vatNumber) && !/^[A-Za-z]{2}[A-Za-z0-9]{2,13}$/.test(v.vatNumber.replace(/\s+/g, ''))) e.vatNumber = 'A two-letter country prefix, then 2 to 13 letters or digits, e.g. DE123456789.';
  }
  if (addressStarted(v.address)) {
    if (blank(v.address.line1)) e['address.line1'] = 'Give the street and number.';
    if (blank(v.address.city)) e['address.city'] = 'Give the city.';
    if (blank(v.address.postalCode)) e['address.postalCode'] = 'Give the postal code.';
    if (!COUNTRY.test(v.address.country.trim())) e['address.country'] = 'Use a two-letter country code, e.g. DE or GB.';
  }
  return e;
}

function addressInput(a: AddressValues) {
  return addressStarted(a) ? { line1: a.line1.trim(), line2: orNull(a.line2), city: a.city.trim(), postalCode: a.postalCode.trim(), country: a.country.trim().toUpperCase() } : null;
}

/** The GraphQL input for the subject's kind. */
export function detailsInput(kind: KycSubjectKind, v: KycDetailsValues): { person?: KycPersonInput; business?: KycBusinessInput } {
  if (kind === 'PERSON') {
    return { person: { fullName: v.fullName.trim(), dateOfBirth: orNull(v.dateOfBirth), nationality: orNull(v.nationality)?.toUpperCase() ?? null, address: addressInput(v.address) } };
  }
  return {
    business: {
      legalName: v.legalName.trim(),
      registrationNumber: orNull(v.registrationNumber),
      country: orNull(v.country)?.toUpperCase() ?? null,
      vatNumber: orNull(v.vatNumber),
      address: addressInput(v.address),
    },
  };
}

/**
 * The server's field errors keyed by path inside the details ("input.person.address.city" →
 * "address.city"); other fields (documents, the kind itself) keep their name.
 */
export function detailErrorsOf(error: ErrorLike | null | undefined): DetailErrors {
  const out: DetailErrors = {};
  if (!CombinedGraphQLErrors.is(error)) return out;
  for (const e of error.errors) {
    const fields = e.extensions?.fields;
    if (!Array.isArray(fields)) continue;
    for (const f of fields as unknown[]) {
      if (!f || typeof f !== 'object' || !('field' in f) || !('message' in f)) continue;
      const path = String(f.field)
        .replace(/^input\./, '')
        .replace(/^(person|business)\./, '');
      out[path] ??= String(f.message);
    }
  }
  return out;
}

/** Field paths in words, for a list of what is missing. */
export const DETAIL_LABEL: Record<string, string> = {
  fullName: 'Full name',
  dateOfBirth: 'Date of birth',
  nationality: 'Nationality',
  legalName: 'Legal name',
  registrationNumber: 'Registration number',
  country: 'Country of registration',
  vatNumber: 'VAT number',
  address: 'Address',
  documents: 'Documents',
};
