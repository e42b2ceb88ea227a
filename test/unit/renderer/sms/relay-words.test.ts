import { describe, expect, it } from 'vitest';
import { intlFor, type Locale, type Translate } from '../../../../renderer/i18n/index.tsx';
import { consentHowText, detailText, providerText } from '../../../../renderer/sms/relay-words.ts';

const translator = (locale: Locale): Translate => {
  const intl = intlFor(locale);
  return (key, values) => intl.formatMessage({ id: key }, values);
};
const when = (iso: string) => `<${iso}>`;

/** Notes exactly as server/sms writes them into an SMS's history and its provider's status. */
const notes = [
  'attempt 1',
  '2 × GSM-7; quiet hours: not before 2026-12-06T07:00:00.000Z',
  'accepted by outbox',
  'part 1 of 2 accepted by smpp as 0A1B',
  'all 2 parts accepted',
  'receipt for 1 of 2 parts',
  'simulated in the Outbox',
  'not sent within its validity period',
  'gave up after 5 attempts: attempt 5',
  'unconfirmed: the relay restarted while sending; waiting for a receipt',
  'confirmed by a receipt: the provider had it',
  'attempt 2; next try at 2026-12-05T10:00:00.000Z',
  'Outbox: messages are kept here and never leave this machine.',
];

describe('the relay’s SMS notes in the app’s language (issue 13, finding 3)', () => {
  it('reads every note the relay writes in French, with no English left', () => {
    const t = translator('fr');
    const french = notes.map((note) => detailText(note, t, when));
    expect(french).toContain('tentative 1');
    expect(french).toContain('2 segments × GSM-7 ; heures calmes : pas avant <2026-12-06T07:00:00.000Z>');
    expect(french).toContain('accepté par la boîte d’envoi');
    expect(french).toContain('abandon après 5 tentatives : tentative 5');
    expect(french).toContain('tentative 2 ; nouvel essai à <2026-12-05T10:00:00.000Z>');
    for (const text of french) expect(text).not.toMatch(/\b(attempt|accepted|parts?|receipt|waiting|Outbox|next try|quiet hours|gave up)\b/);
  });

  it('keeps a note it does not know (a provider’s own words) as it is, and English as it was', () => {
    expect(detailText('ESME_RTHROTTLED', translator('fr'), when)).toBe('ESME_RTHROTTLED');
    const t = translator('en');
    const plain = notes.filter((n) => !n.includes('T'));
    expect(plain.map((note) => detailText(note, t, when))).toEqual(plain.map((n) => (n === 'accepted by outbox' ? 'accepted by the Outbox' : n)));
  });

  it('names the provider and the way consent was given in French', () => {
    const t = translator('fr');
    expect(providerText('outbox', t)).toBe('Boîte d’envoi');
    expect(consentHowText('declared by admin', t)).toBe('déclaré par l’administrateur');
    expect(consentHowText('in the app, by the person', t)).toBe('donné dans l’application par la personne');
    expect(consentHowText('SMS STOP', t)).toBe('SMS STOP');
  });
});
