import { describe, expect, it } from 'vitest';
import { FieldIssue } from '../../../../renderer/actions/field-issue.ts';
import { ApiError } from '../../../../renderer/api/client.ts';
import { describeRefusal } from '../../../../renderer/components/use-submit.ts';
import { intlFor, type Translate } from '../../../../renderer/i18n/index.tsx';

const intl = intlFor('en');
const t: Translate = (key, values) => intl.formatMessage({ id: key }, values);
const invalid = new ApiError(400, 'validation_failed', 'title: too short', [{ path: 'title', message: 'too short' }]);

describe('what a form shows for a refusal', () => {
  it('puts the relay’s issues under the fields the form shows, with no form message', () => {
    expect(describeRefusal(invalid, new Set(['title', 'question']), t)).toEqual({ issues: invalid.issues, message: null });
  });

  it('keeps the relay’s words when an issue names a field the form does not show', () => {
    expect(describeRefusal(invalid, new Set(['question']), t).message).toBe('title: too short');
  });

  it('uses the form’s words for a given refusal, and the app’s for a network failure', () => {
    const wrong = new ApiError(401, 'invalid_credentials', 'Wrong credentials');
    expect(describeRefusal(wrong, new Set(), t, { invalid_credentials: 'Wrong e-mail or password.' }).message).toBe('Wrong e-mail or password.');
    expect(describeRefusal(new ApiError(0, 'network', 'x'), new Set(), t).message).toBe(t('error.network'));
  });

  it('shows a check made before sending under its field, in the app’s language', () => {
    expect(describeRefusal(new FieldIssue('price', 'sms.bad.price'), new Set(['price']), t)).toEqual({
      issues: [{ path: 'price', message: 'A price such as 0,0725' }],
      message: null,
    });
    expect(describeRefusal(new Error('boom'), new Set(), t).message).toBe('Something went wrong: boom');
  });
});
