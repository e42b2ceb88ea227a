import { describe, expect, it } from 'vitest';
import { composeSms } from '#core/sms/compose';
import { ideaStatusSms, maxIdeaSmsSegments } from '#core/ideas/sms';

describe('the SMS telling an author what became of their idea', () => {
  it('says the status and the reason, in the organisation language, in GSM-7', () => {
    const en = ideaStatusSms({ title: 'Kids corner', status: 'declined', reason: 'No room in the stores.', locale: 'en' });
    expect(en).toBe('Conclave - your idea "Kids corner" was declined. Reason: No room in the stores.');
    const fr = ideaStatusSms({ title: 'Coin enfants', status: 'under_study', reason: null, locale: 'fr' });
    expect(fr).toBe('Conclave - votre idée "Coin enfants" est à l\'étude.');
    expect(composeSms(fr).encoding).toBe('GSM-7');
  });

  it('shortens a long title, then the reason, never the status, to two segments', () => {
    const text = ideaStatusSms({ title: 'T'.repeat(300), status: 'declined', reason: 'R'.repeat(600), locale: 'en' });
    expect(composeSms(text).segments).toBeLessThanOrEqual(maxIdeaSmsSegments);
    expect(text).toContain('was declined. Reason: RRR');
    expect(text.endsWith('...')).toBe(true);
  });
});
