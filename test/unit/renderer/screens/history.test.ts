import { describe, expect, it } from 'vitest';
import { en } from '../../../../renderer/i18n/en.ts';
import { fr } from '../../../../renderer/i18n/fr.ts';
import { describePart } from '../../../../renderer/screens/HistoryPanel.tsx';
import { hrefOf, parseRoute } from '../../../../renderer/state/use-route.ts';

const t = (key: keyof typeof en, values?: Record<string, string | number>) =>
  en[key].replace(/\{(\w+)\}/g, (_, k: string) => String(values?.[k] ?? ''));

describe('history words and routes', () => {
  it('names the parts of the document the relay reports', () => {
    expect(['brief', 'comments', 'methods/swot', 'meta', 'methods/pros-cons'].map((p) => describePart(p, t))).toEqual([
      'the brief',
      'comments',
      'the SWOT board',
      'settings',
      'pros-cons',
    ]);
  });

  it('has every English message in French too, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(fr[key]), key).toEqual(names(en[key]));
    }
  });

  it('reads and writes screen addresses', () => {
    expect(parseRoute('#/activities/abcdefgh12/history')).toEqual({ name: 'activity', id: 'abcdefgh12', tab: 'history' });
    expect(parseRoute('#/activities/new')).toEqual({ name: 'new-activity' });
    expect(parseRoute('#/nonsense')).toEqual({ name: 'activities' });
    expect(hrefOf({ name: 'activity', id: 'abcdefgh12', tab: 'work' })).toBe('#/activities/abcdefgh12');
  });
});
