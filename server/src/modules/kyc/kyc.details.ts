import { badInput, type FieldError } from '../../common/errors';
import { isBlank, visibleLength } from '../../common/input-hygiene';
import type { KycAddressData, KycBusinessData, KycCase, KycDetails, KycPersonData } from './kyc-case.entity';
import { KycSubjectKind } from './kyc-case.entity';
import type { KycAddressInput, KycBusinessInput, KycPersonInput } from './kyc.inputs';

/**
 * A KYC case's subject details: normalizing what a customer typed (a person or a business, with
 * an address) and saying what is still missing before the case can be submitted.
 */

export const need = (field: string, message: string) => badInput(message, [{ field, message }]);

export function text(value: string | null | undefined): string | null {
  const t = value?.replace(/\s+/g, ' ').trim();
  return t && !isBlank(t) ? t : null;
}

function normalizeAddress(a: KycAddressInput, path: string): KycAddressData {
  const line1 = text(a.line1);
  const city = text(a.city);
  const postalCode = text(a.postalCode)?.toUpperCase();
  if (!line1) throw need(`${path}.line1`, 'Address line 1 cannot be blank.');
  if (!city) throw need(`${path}.city`, 'City cannot be blank.');
  if (!postalCode) throw need(`${path}.postalCode`, 'Postal code cannot be blank.');
  return { line1, line2: text(a.line2), city, postalCode, country: a.country.toUpperCase() };
}

/** A real calendar date, in the past, not before 1900. */
function checkDateOfBirth(value: string, field: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw need(field, 'Date of birth is not a real date.');
  if (d.getTime() > Date.now()) throw need(field, 'Date of birth cannot be in the future.');
  if (d.getUTCFullYear() < 1900) throw need(field, 'Date of birth cannot be before 1900.');
  return value;
}

export function normalizePerson(p: KycPersonInput, path = 'person'): KycPersonData {
  const fullName = text(p.fullName);
  if (!fullName || visibleLength(fullName) < 2) throw need(`${path}.fullName`, 'Full name needs 2 to 200 characters.');
  return {
    fullName,
    dateOfBirth: p.dateOfBirth ? checkDateOfBirth(p.dateOfBirth, `${path}.dateOfBirth`) : null,
    nationality: p.nationality ? p.nationality.toUpperCase() : null,
    address: p.address ? normalizeAddress(p.address, `${path}.address`) : null,
  };
}

export function normalizeBusiness(b: KycBusinessInput, path = 'business'): KycBusinessData {
  const legalName = text(b.legalName);
  if (!legalName || visibleLength(legalName) < 2) throw need(`${path}.legalName`, 'Legal name needs 2 to 200 characters.');
  let vatNumber: string | null = null;
  if (b.vatNumber) {
    vatNumber = b.vatNumber.replace(/\s+/g, '').toUpperCase();
    if (!/^[A-Z]{2}[A-Z0-9]{2,13}$/.test(vatNumber)) {
      throw need(`${path}.vatNumber`, 'VAT number: a two-letter country prefix, then 2 to 13 letters or digits, e.g. DE123456789.');
    }
  }
  return {
    legalName,
    registrationNumber: text(b.registrationNumber),
    country: b.country ? b.country.toUpperCase() : null,
    vatNumber,
    address: b.address ? normalizeAddress(b.address, `${path}.address`) : null,
  };
}

/** The details for the case's kind from an input that may carry either; the other must be absent. */
export function detailsOf(kind: KycSubjectKind, input: { person?: KycPersonInput | null; business?: KycBusinessInput | null }): { details: KycDetails; name: string } {
  if (kind === KycSubjectKind.PERSON) {
    if (input.business) throw need('business', 'A PERSON case takes "person" details, not "business".');
    if (!input.person) throw need('person', 'Give the person\'s details ("person").');
    const person = normalizePerson(input.person);
    return { details: person, name: person.fullName };
  }
  if (input.person) throw need('person', 'A BUSINESS case takes "business" details, not "person".');
  if (!input.business) throw need('business', 'Give the business\'s details ("business").');
  const business = normalizeBusiness(input.business);
  return { details: business, name: business.legalName };
}

/** What a case still lacks before it can be submitted, as field errors. */
export function missingForSubmit(kycCase: KycCase): FieldError[] {
  const missing: FieldError[] = [];
  const req = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === '') missing.push({ field, message: 'Required before submitting.' });
  };
  const person = kycCase.personDetails();
  const business = kycCase.businessDetails();
  if (person) {
    req('person.fullName', person.fullName);
    req('person.dateOfBirth', person.dateOfBirth);
    req('person.nationality', person.nationality);
    req('person.address', person.address);
  }
  if (business) {
    req('business.legalName', business.legalName);
    req('business.registrationNumber', business.registrationNumber);
    req('business.country', business.country);
    req('business.address', business.address);
  }
  return missing;
}
