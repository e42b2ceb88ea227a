import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * Reads a phone number as a person typed it ("06 12 34 56 78", "+44 7700 900123") and
 * returns it in E.164, reading numbers without a country code in `region`.
 */
export function normalizePhone(input: string, region: string): PhoneResult {
  const parsed = parsePhoneNumberFromString(input.trim(), region.toUpperCase() as CountryCode);
  if (!parsed) return { ok: false, reason: `"${input}" is not a phone number` };
  if (!parsed.isValid()) {
    const where = parsed.country ?? (input.trim().startsWith('+') ? `+${parsed.countryCallingCode}` : region);
    return { ok: false, reason: `"${input}" is not a valid number in ${where}` };
  }
  const type = parsed.getType();
  if (type !== undefined && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
    return { ok: false, reason: `"${input}" is not a mobile number: it cannot receive SMS` };
  }
  return { ok: true, e164: parsed.number };
}
