import { describe, expect, it } from 'vitest';
import { foldTitle, similarTitles, titleKey, titleSimilarity, titleWords } from '#core/ideas/similar';

const sim = (a: string, b: string) => titleSimilarity(titleKey(a), titleKey(b));

describe('similar titles', () => {
  it('folds case, accents, ligatures and punctuation', () => {
    expect(foldTitle('  Réduire les EMBALLAGES !!  ')).toBe('reduire les emballages');
    expect(foldTitle('Cœur de gamme — bio')).toBe('coeur de gamme bio');
    expect(titleWords('Plus de produits bio pour les enfants')).toEqual(['produits', 'bio', 'enfants']);
  });

  it('finds the same idea written differently', () => {
    expect(sim('Plus de produits bio', 'plus de produits BIO !')).toBe(1);
    expect(sim('Réduire les emballages plastiques', 'reduire emballage plastique')).toBeGreaterThan(0.6);
    expect(sim('Un coin jeux pour les enfants', 'Coin jeu enfants')).toBeGreaterThan(0.6);
  });

  it('keeps different ideas apart', () => {
    expect(sim('Plus de produits bio', 'Ouvrir le dimanche')).toBeLessThan(0.2);
    expect(sim('Carte de fidélité sur le téléphone', 'Réduire les emballages plastiques')).toBeLessThan(0.2);
  });

  it('ranks candidates best first, above the threshold, at most the limit', () => {
    const candidates = [
      { id: 'a', title: 'Ouvrir le dimanche matin' },
      { id: 'b', title: 'Réduire les emballages plastique' },
      { id: 'c', title: 'Emballages consignés' },
      { id: 'd', title: 'Réduire les emballages' },
    ];
    const found = similarTitles('Moins d’emballages plastiques', candidates);
    expect(found.map((f) => f.item.id)).toEqual(['b', 'd', 'c']);
    expect(similarTitles('Moins d’emballages plastiques', candidates, 1)).toHaveLength(1);
    expect(similarTitles('!!', candidates)).toEqual([]);
  });
});
