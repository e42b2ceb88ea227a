import { describe, expect, it } from 'vitest';
import { intlFor } from '../../../../renderer/i18n/index.tsx';
import type { MessageKey, MessageValues } from '../../../../renderer/i18n/index.tsx';
import { refusalText } from '../../../../renderer/i18n/refusal-text.ts';

const translate = (locale: 'en' | 'fr') => {
  const intl = intlFor(locale);
  return (key: MessageKey, values?: MessageValues) => intl.formatMessage({ id: key }, values);
};

const refusal = {
  code: 'plan_limit' as const,
  message: 'The Basic plan allows 5 open activities per person, and you have 5: decide or archive one first, or move to the Professional plan.',
  issues: [],
  planLimit: { limit: 'openActivities' as const, planName: 'Basic', max: 5, used: 5, lift: 'Professional' },
};

describe('a plan_limit refusal in words', () => {
  it('names the limit, the plan and what lifts it, in English and in French', () => {
    expect(refusalText(refusal, translate('en'), 'en')).toBe(
      'The Basic plan allows 5 open activities per person, and you have 5. Decide or archive one first — the Professional plan lifts this.',
    );
    expect(refusalText(refusal, translate('fr'), 'fr')).toBe(
      'Le forfait Basic permet 5 activités ouvertes par personne, et vous en avez 5. Décidez ou archivez-en une d’abord — le forfait Professional lève cette limite.',
    );
  });

  it('storage reads in bytes people read, and no plan to move to says none', () => {
    const storage = { ...refusal, planLimit: { limit: 'storage' as const, planName: 'Professional', max: 5 * 1024 ** 3, used: 5 * 1024 ** 3 - 1024, lift: null } };
    expect(refusalText(storage, translate('fr'), 'fr')).toBe('Le forfait Professional permet 5 GB de stockage par personne, et vous en utilisez 5.0 GB. Supprimez-en d’abord.');
  });
});
