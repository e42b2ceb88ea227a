/**
 * Similar titles, shown before an idea is submitted so that people vote for an idea
 * already there instead of writing it twice. Titles are folded (case, accents,
 * punctuation, a few French and English small words), then compared by their words and
 * by their letter trigrams, which forgives plurals and typos ("emballages" ~ "emballage").
 */
const smallWords = new Set(
  [
    'a an and the of to for in on at by with or our we be more less',
    'le la les l un une des de du d et ou a au aux en dans pour par sur avec plus moins nos notre nous',
  ]
    .join(' ')
    .split(' '),
);

/** Lower case, accents folded, only letters and digits, words separated by one space. */
export function foldTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function titleWords(title: string): string[] {
  const words = foldTitle(title).split(' ').filter(Boolean);
  const meaningful = words.filter((w) => !smallWords.has(w));
  return meaningful.length > 0 ? meaningful : words;
}

function trigrams(words: string[]): Set<string> {
  const grams = new Set<string>();
  for (const word of words) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

function overlap<T>(a: Set<T>, b: Set<T>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared;
}

/** A prepared title: fold once, compare many times (5,000 titles per keystroke). */
export interface TitleKey {
  words: Set<string>;
  grams: Set<string>;
}

export function titleKey(title: string): TitleKey {
  const words = titleWords(title);
  return { words: new Set(words), grams: trigrams(words) };
}

/** 0 (nothing in common) to 1 (the same once folded). */
export function titleSimilarity(a: TitleKey, b: TitleKey): number {
  if (a.grams.size === 0 || b.grams.size === 0) return 0;
  const dice = (2 * overlap(a.grams, b.grams)) / (a.grams.size + b.grams.size);
  const wordUnion = a.words.size + b.words.size - overlap(a.words, b.words);
  const jaccard = wordUnion === 0 ? 0 : overlap(a.words, b.words) / wordUnion;
  return Math.max(dice, jaccard);
}

export const similarityThreshold = 0.45;

/**
 * The titles most like `title`, best first, at most `limit`, above the threshold.
 * `keyOf` lets a caller reuse prepared keys (titles do not change once written).
 */
export function similarTitles<T extends { title: string }>(
  title: string,
  candidates: readonly T[],
  limit = 5,
  threshold = similarityThreshold,
  keyOf: (item: T) => TitleKey = (item) => titleKey(item.title),
): { item: T; score: number }[] {
  const key = titleKey(title);
  if (key.grams.size === 0) return [];
  const scored: { item: T; score: number }[] = [];
  for (const item of candidates) {
    const score = titleSimilarity(key, keyOf(item));
    if (score >= threshold) scored.push({ item, score });
  }
  return scored.sort((x, y) => y.score - x.score).slice(0, limit);
}
