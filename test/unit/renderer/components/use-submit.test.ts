import { describe, expect, it } from 'vitest';
import { FieldIssue } from '../../../../renderer/actions/field-issue.ts';
import { ApiError } from '../../../../renderer/api/client.ts';
import { describeRefusal } from '../../../../renderer/components/use-submit.ts';
import { intlFor, type Locale, type Translate } from '../../../../renderer/i18n/index.tsx';

const tFor = (locale: Locale): Translate => {
  const intl = intlFor(locale);
  return (key, values) => intl.formatMessage({ id: key }, values);
};
const t = tFor('en');
const fr = tFor('fr');
const invalid = new ApiError(400, 'validation_failed', 'title: too short', [{ path: 'title', message: 'too short' }]);

describe('what a form shows for a refusal', () => {
  it('puts the relay’s issues under the fields the form shows, with no form message', () => {
    expect(describeRefusal(invalid, new Set(['title', 'question']), t, 'en')).toEqual({ issues: invalid.issues, message: null });
  });

  it('keeps the relay’s words in English when an issue names a field the form does not show', () => {
    expect(describeRefusal(invalid, new Set(['question']), t, 'en').message).toBe('title: too short');
  });

  it('uses the form’s words for a given refusal, and the app’s for a network failure', () => {
    const wrong = new ApiError(401, 'invalid_credentials', 'Wrong credentials');
    expect(describeRefusal(wrong, new Set(), t, 'en', { invalid_credentials: 'Wrong e-mail or password.' }).message).toBe('Wrong e-mail or password.');
    expect(describeRefusal(new ApiError(0, 'network', 'x'), new Set(), t, 'en').message).toBe(t('error.network'));
  });

  it('shows a check made before sending under its field, in the app’s language', () => {
    expect(describeRefusal(new FieldIssue('price', 'sms.bad.price'), new Set(['price']), t, 'en')).toEqual({
      issues: [{ path: 'price', message: 'A price such as 0,0725' }],
      message: null,
    });
    expect(describeRefusal(new Error('boom'), new Set(), t, 'en').message).toBe('Something went wrong: boom');
  });
});

describe('refusals in French', () => {
  const noReason = new ApiError(400, 'validation_failed', 'reason: give the reason for your estimate', [
    { path: 'reason', message: 'give the reason for your estimate' },
  ]);

  it('translates core’s validation words, under the field and as the form’s message', () => {
    expect(describeRefusal(noReason, new Set(['reason']), fr, 'fr')).toEqual({
      issues: [{ path: 'reason', message: 'Indiquez la raison de votre estimation.' }],
      message: null,
    });
    expect(describeRefusal(noReason, new Set(), fr, 'fr').message).toBe('Indiquez la raison de votre estimation.');
  });

  it('reads zod’s own words by pattern, with French plurals', () => {
    const short = new ApiError(400, 'validation_failed', 'x', [{ path: 'name', message: 'Too small: expected string to have >=1 characters' }]);
    expect(describeRefusal(short, new Set(['name']), fr, 'fr').issues[0]!.message).toBe('Au moins 1 caractère.');
    const long = new ApiError(400, 'validation_failed', 'x', [{ path: 'name', message: 'Too big: expected string to have <=120 characters' }]);
    expect(describeRefusal(long, new Set(['name']), fr, 'fr').issues[0]!.message).toBe('Au plus 120 caractères.');
  });

  it('falls back on the code’s sentence, never the relay’s English, for words it has no key for', () => {
    const closed = new ApiError(409, 'conflict', 'The poll is closed.');
    expect(describeRefusal(closed, new Set(), fr, 'fr').message).toBe(fr('error.code.conflict'));
    expect(describeRefusal(closed, new Set(), t, 'en').message).toBe('The poll is closed.');
    const odd = new ApiError(400, 'validation_failed', 'x: something new', [{ path: 'x', message: 'something new' }]);
    expect(describeRefusal(odd, new Set(['x']), fr, 'fr').issues[0]!.message).toBe(fr('error.issue.invalid'));
  });
});
