import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../../core/api/errors.ts';
import { normalizePhone } from '../../../../core/people/phone.ts';
import { intlFor, type Locale, type Translate } from '../../../../renderer/i18n/index.tsx';
import { issueText, refusalText } from '../../../../renderer/i18n/refusal-text.ts';

const tFor = (locale: Locale): Translate => {
  const intl = intlFor(locale);
  return (key, values) => intl.formatMessage({ id: key }, values);
};

/** The relay's refusal of a typed number (server/accounts/users.ts phoneFor), from core's own words. */
function refusal(input: string) {
  const result = normalizePhone(input, 'FR');
  if (result.ok) throw new Error(`${input} was accepted`);
  return { code: ErrorCode.validation, message: `phone: ${result.reason}`, issues: [{ path: 'phone', message: result.reason }] };
}

const shown = (input: string, locale: Locale) => {
  const r = refusal(input);
  return { field: issueText(r.issues[0]!, tFor(locale), locale), form: refusalText(r, tFor(locale), locale) };
};

describe('phone number refusals in the person’s language', () => {
  it('says in English what is wrong with the number, naming it', () => {
    expect(shown('123', 'en')).toEqual({ field: '“123” is not a valid phone number in FR.', form: '“123” is not a valid phone number in FR.' });
    expect(shown('+44 7700 900', 'en').field).toBe('“+44 7700 900” is not a valid phone number in +44.');
    expect(shown('01 42 68 53 00', 'en').field).toBe('“01 42 68 53 00” is not a mobile number: it cannot receive SMS.');
    expect(shown('hello', 'en').field).toBe('“hello” is not a phone number.');
  });

  it('says the same in French, with no English left in it', () => {
    expect(shown('123', 'fr')).toEqual({
      field: '« 123 » n’est pas un numéro de téléphone valide en FR.',
      form: '« 123 » n’est pas un numéro de téléphone valide en FR.',
    });
    expect(shown('+44 7700 900', 'fr').field).toBe('« +44 7700 900 » n’est pas un numéro de téléphone valide en +44.');
    expect(shown('01 42 68 53 00', 'fr').field).toBe('« 01 42 68 53 00 » n’est pas un numéro de mobile : il ne peut pas recevoir de SMS.');
    expect(shown('hello', 'fr').field).toBe('« hello » n’est pas un numéro de téléphone.');
  });
});
