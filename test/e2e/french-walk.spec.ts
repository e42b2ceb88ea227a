import { expect, test, type Page } from '@playwright/test';
import { catalogues } from '../../renderer/i18n/messages/index.ts';
import type { RelayProcess } from '../support/relay.ts';
import { frenchWorld } from './support/french-world.ts';
import { organisation, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * Issue 13, finding 3: a French person walks the main screens and meets no English. The
 * English strings looked for are the English dictionaries' own words: each message's
 * literal text (between its ICU arguments), kept when it does not read the same in French
 * (nor appear in any French message). Phrases of two words or more, and single words of
 * five letters or more, are looked for anywhere; shorter single words ("Undo", "Line") as
 * whole words, unless French uses the same word.
 */
function englishStrings(): { phrases: string[]; words: string[] } {
  const literal = (message: string) =>
    message
      .replace(/\{[^{}]*\{[^{}]*\}[^{}]*\}/g, '\u0000') // a plural or select: its branches are checked on their own screens
      .replace(/\{[^{}]*\}/g, '\u0000')
      .split('\u0000')
      .map((part) => part.replace(/[\s.,:;!?()—–…'"-]+$/u, '').replace(/^[\s.,:;!?()—–…'"-]+/u, '').trim());
  const french = Object.values(catalogues.fr).join('\n');
  const frenchWords = new Set(french.split(/[^\p{L}]+/u));
  const found = new Set<string>();
  const words = new Set<string>();
  for (const message of Object.values(catalogues.en)) {
    for (const part of literal(message)) {
      if (part.includes('{') || part.includes('}')) continue;
      if (part.includes(' ') || part.length >= 5) {
        if (!french.includes(part)) found.add(part);
      } else if (/^\p{Lu}?\p{Ll}{2,3}$/u.test(part) && !frenchWords.has(part) && !frenchWords.has(part.toLowerCase())) words.add(part);
    }
  }
  return { phrases: [...found], words: [...words] };
}

/** Everything a person reads on the page: its text, and the names, placeholders and titles of its controls. */
const readable = (page: Page) =>
  page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((el) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });

let relay: RelayProcess | undefined;
test.afterAll(async () => stopWebRelay(relay));

test('a French walk through the main screens meets no English string from the dictionaries', async ({ browser }) => {
  test.setTimeout(180_000);
  relay = await startWebRelay();
  const org = await organisation(relay.url);
  const world = await frenchWorld(relay.url, org.admin);
  const { phrases: english, words } = englishStrings();
  expect(english.length).toBeGreaterThan(300);
  expect(words).toEqual(expect.arrayContaining(['Undo', 'Edit', 'Save']));

  const { context, page } = await signedIn(browser, relay.url, org.alice, 'fr-FR');
  await page.getByRole('heading', { name: 'Activités' }).waitFor();
  const screens: { name: string; hash: string; ready?: (p: Page) => Promise<void> }[] = [
    { name: 'activity list', hash: '#/activities' },
    { name: 'activity with its boards', hash: `#/activities/${world.activityId}`, ready: (p) => expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'live') },
    { name: 'votes and the decision', hash: `#/activities/${world.activityId}/decide`, ready: (p) => expect(p.getByTestId('decision-record')).toBeVisible() },
    { name: 'members', hash: `#/activities/${world.activityId}/members` },
    { name: 'history', hash: `#/activities/${world.activityId}/history` },
    { name: 'figures', hash: '#/figures' },
    { name: 'a figure', hash: `#/figures/${world.figureId}` },
    {
      name: 'a refused CSV import',
      hash: `#/figures/${world.figureId}`,
      ready: async (p) => {
        const form = p.getByRole('form', { name: 'Importer un CSV' });
        const csv = 'Date;Valeur\n2026-11-20;10\n2026-11-21;douze\n2026-11-21;12\n2026-11-31;3\n';
        await form.getByLabel('Fichier CSV').setInputFiles({ name: 'ventes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await form.getByRole('button', { name: 'Importer', exact: true }).click();
        await expect(form.getByRole('alert')).toHaveText('Rien n’a été importé. Ligne 3 : Colonne « Valeur » : « douze » n’est pas un nombre. (et 1 autre problème)');
        await expect(form.locator('.csv-problems li')).toHaveCount(2);
      },
    },
    {
      name: 'SMS outbox',
      hash: '#/sms',
      ready: async (p) => {
        await p.locator('tr.sms-row').first().click();
        await expect(p.locator('.sms-timeline li').first()).toBeVisible();
      },
    },
    { name: 'SMS consent', hash: '#/sms/people' },
    { name: 'SMS provider', hash: '#/sms/provider' },
    { name: 'people', hash: '#/people' },
    { name: 'profile', hash: '#/profile' },
    { name: 'idea box', hash: `#/ideas/${world.boxId}` },
    { name: 'idea and its comments', hash: `#/ideas/${world.boxId}/idea/${world.ideaId}`, ready: (p) => expect(p.getByTestId('idea-comment').first()).toBeVisible() },
  ];
  const met: string[] = [];
  for (const screen of screens) {
    await page.goto(`${relay.url}/${screen.hash}`);
    await page.locator('main h1').first().waitFor();
    await expect(page.getByText(/^(Loading…|Chargement…)$/)).toHaveCount(0);
    await screen.ready?.(page);
    const text = await readable(page);
    const found = (phrase: string, at: number) =>
      met.push(`${screen.name}: "${phrase}" in "…${text.slice(Math.max(0, at - 30), at + phrase.length + 30).replace(/\s+/g, ' ')}…"`);
    for (const phrase of english) {
      const at = text.indexOf(phrase);
      if (at >= 0) found(phrase, at);
    }
    for (const word of words) {
      // Whole words only: not inside a longer word, nor inside an IANA zone's name (America/New_York).
      const m = new RegExp(`(?<![\\p{L}_/])${word}(?![\\p{L}_/])`, 'u').exec(text);
      if (m) found(word, m.index);
    }
  }
  await context.close();
  expect(met).toEqual([]);
});
