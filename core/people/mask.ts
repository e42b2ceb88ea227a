/**
 * A phone number shown to someone who may know that a number exists but not what it is
 * (a controller who is not an administrator): the country code and the last two digits.
 * `+33612345678` → `+33 ••••••• 78`.
 */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/^\+/, '');
  if (digits.length < 6) return '••••';
  const country = /^(1|7|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/.exec(digits)?.[0] ?? digits.slice(0, 3);
  const hidden = digits.length - country.length - 2;
  return `+${country} ${'•'.repeat(Math.max(hidden, 1))} ${digits.slice(-2)}`;
}
