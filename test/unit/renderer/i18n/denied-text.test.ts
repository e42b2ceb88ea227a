import { describe, expect, it } from 'vitest';
import { DeniedReason, refusedReason } from '../../../../core/sync/protocol.ts';
import { deniedText } from '../../../../renderer/i18n/denied-text.ts';
import { intlFor, type Locale, type Translate } from '../../../../renderer/i18n/index.tsx';

const tFor = (locale: Locale): Translate => {
  const intl = intlFor(locale);
  return (key, values) => intl.formatMessage({ id: key }, values);
};
const en = tFor('en');
const fr = tFor('fr');

describe('what the relay said on the socket, in the person’s language', () => {
  it('SPEC W8: a rule’s refusal names the rule’s sense, in English and French', () => {
    const told = refusedReason('a comment is removed only by its author or a facilitator', 'W4');
    expect(deniedText(told, en)).toBe(
      'The relay refused your change and put the activity back as it has it: a comment is removed only by its author or a facilitator.',
    );
    expect(deniedText(told, fr)).toBe(
      'Le relais a refusé votre modification et a remis l’activité comme il l’a : un commentaire n’est retiré que par son auteur ou un animateur.',
    );
    for (const rule of ['W1', 'W2', 'W3', 'W5', 'W6', 'W7', 'W10', 'W14']) {
      const text = deniedText(refusedReason('whatever the relay says', rule), fr);
      expect(text, rule).toMatch(/^Le relais a refusé votre modification/);
      expect(text, rule).not.toContain('whatever');
    }
  });

  it('has words for every reason the relay gives (V1, L4, U2–U8), in both languages', () => {
    for (const reason of Object.values(DeniedReason)) {
      expect(deniedText(reason, en), reason).not.toBe(reason);
      expect(deniedText(reason, fr), reason).not.toBe(reason);
    }
    expect(deniedText(DeniedReason.readOnly, fr)).toMatch(/ne pouvez que lire/);
  });

  it('shows words it does not know as the relay sent them', () => {
    expect(deniedText('something new', fr)).toBe('something new');
    expect(deniedText(refusedReason('a new rule', 'W9'), en)).toBe(refusedReason('a new rule', 'W9'));
  });
});
