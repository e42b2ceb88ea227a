import { expect, test, type Locator, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { addComment, readComments } from '#core/doc/comments';
import { addOption, addProsConsBoard, addProsConsItem } from '#core/doc/pros-cons';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import type { RelayProcess } from '../support/relay.ts';
import { connectClient, waitFor } from '../support/sync-client.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { organisation, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * Issue 13, finding 4: boards that hold their items without overlapping or clipping.
 * The pros/cons board overlapped itself at 1366 and 1920 px (an option's "Contre" column
 * ran into the next card and under the comments), SWOT quadrants had a fixed height that
 * hid the fifth item, and the "Déplacer vers…" menu showed one of its three targets.
 * Measured from the boxes Chromium lays out, in French (the longer labels).
 */
let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
let activityId = '';
const at = new Date('2026-12-05T09:00:00Z');
const options = ['Ouvrir une boutique à Lyon en 2027', 'Attendre un an et observer le marché', 'Vendre en ligne seulement'];

test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
  ({ id: activityId } = await org.admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Boutique de Lyon',
    question: 'Ouvrir une boutique à Lyon en 2027 ?',
  }));
  // The board's content, written by a stock client as the app would.
  const client = await connectClient(org.admin, activityId, new Y.Doc());
  await waitFor(() => client.provider.synced, 10_000, 'sync');
  const alice = { id: org.alice.id, name: org.alice.name };
  const doc = client.doc;
  addProsConsBoard(doc, 'board-lyon', alice, at);
  options.forEach((label, i) => addOption(doc, 'board-lyon', `option-lyon-${i}`, label));
  options.forEach((_, i) => {
    for (const side of ['pro', 'con'] as const) {
      for (let n = 1; n <= 2; n++) {
        const text = `${side === 'pro' ? 'Avantage' : 'Inconvénient'} ${n} : une clientèle fidèle dans le Rhône, mais des loyers élevés`;
        addProsConsItem(doc, 'board-lyon', { id: `item-${i}-${side}-${n}`, optionId: `option-lyon-${i}`, side, text, author: alice, at });
      }
    }
  });
  for (let n = 1; n <= 6; n++) {
    addSwotItem(doc, { id: `swot-item-${n}`, quadrant: 'strengths', text: `Force ${n}`, author: alice, at });
  }
  addComment(doc, { id: 'comment-lyon-1', author: alice, at, body: JSON.stringify({ t: 'Le bail' }), text: 'Le bail finit en mars.', mentions: [] });
  // The relay holds all of it before this client leaves: a second client reads it back.
  const check = await connectClient(org.admin, activityId, new Y.Doc());
  await waitFor(() => readSwotItems(check.doc).length === 6 && readComments(check.doc).length === 1, 10_000, 'the seeded board');
  check.destroy();
  client.destroy();
});
test.afterAll(async () => stopWebRelay(relay));

type Box = { x: number; y: number; width: number; height: number };
const right = (b: Box) => b.x + b.width;
const bottom = (b: Box) => b.y + b.height;
/** Two boxes share some area (touching edges, within half a pixel, do not count). */
const overlap = (a: Box, b: Box) => Math.min(right(a), right(b)) - Math.max(a.x, b.x) > 0.5 && Math.min(bottom(a), bottom(b)) - Math.max(a.y, b.y) > 0.5;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && right(inner) <= right(outer) + 0.5 && bottom(inner) <= bottom(outer) + 0.5;

async function boxes(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

async function openFrench(page: Page) {
  await page.getByRole('heading', { name: 'Activités' }).waitFor();
  await page.goto(`${relay!.url}/#/activities/${activityId}`);
  await new ActivityPage(page).live();
  await expect(page.getByTestId('pros-cons-item')).toHaveCount(options.length * 4);
  await expect(page.getByTestId('quadrant-strengths').getByTestId('swot-item')).toHaveCount(6);
}

for (const width of [1366, 1920]) {
  test(`finding 4 at ${width} px: option cards, their Pour and Contre columns and the comments never overlap`, async ({ browser }) => {
    const { context, page } = await signedIn(browser, relay!.url, org.alice, 'fr-FR', { viewport: { width, height: 900 } });
    await openFrench(page);
    await page.getByTestId('pros-cons-option').first().scrollIntoViewIfNeeded();

    const cards = await boxes(page.getByTestId('pros-cons-option'));
    const [comments] = await boxes(page.getByTestId('comments'));
    expect(cards).toHaveLength(options.length);
    for (let i = 0; i < cards.length; i++) {
      for (let j = i + 1; j < cards.length; j++) expect(overlap(cards[i]!, cards[j]!), `cards ${i} and ${j}`).toBe(false);
      // The comments are beside the board: nothing of a card reaches into their column.
      expect(right(cards[i]!), `card ${i} stops before the comments`).toBeLessThanOrEqual(comments!.x);
    }
    for (const [i, card] of (await page.getByTestId('pros-cons-option').all()).entries()) {
      const [pro] = await boxes(card.getByTestId('pros-cons-pro'));
      const [con] = await boxes(card.getByTestId('pros-cons-con'));
      expect(inside(pro!, cards[i]!), `Pour of card ${i} inside it`).toBe(true);
      expect(inside(con!, cards[i]!), `Contre of card ${i} inside it`).toBe(true);
      expect(overlap(pro!, con!), `Pour and Contre of card ${i}`).toBe(false);
      for (const item of await boxes(card.getByTestId('pros-cons-pro').getByTestId('pros-cons-item'))) expect(inside(item, pro!)).toBe(true);
      for (const item of await boxes(card.getByTestId('pros-cons-con').getByTestId('pros-cons-item'))) expect(inside(item, con!)).toBe(true);
      // Nothing inside the card is wider than the card (what would run into the next one).
      expect(await card.evaluate((el) => el.scrollWidth - el.clientWidth), `card ${i} overflows`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
}

test('finding 4: a SWOT quadrant of six items shows all six, and the move menu of the last shows its three targets in the viewport', async ({ browser }) => {
  const { context, page } = await signedIn(browser, relay!.url, org.alice, 'fr-FR', { viewport: { width: 1366, height: 900 } });
  await openFrench(page);
  const quadrant = page.getByTestId('quadrant-strengths');
  const items = quadrant.getByTestId('swot-item');
  // The quadrant and its items measured in one go: a line appearing above the board meanwhile
  // (the connection's state, a notice) would move the one measured second.
  const { box, itemBoxes } = await quadrant.evaluate((el) => {
    const of = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return { box: of(el), itemBoxes: [...el.querySelectorAll('[data-testid="swot-item"]')].map(of) };
  });
  expect(itemBoxes).toHaveLength(6);
  for (const [i, item] of itemBoxes.entries()) expect(inside(item, box), `item ${i + 1} inside its quadrant`).toBe(true);
  // No scroll box inside the quadrant hides some of them.
  expect(await quadrant.locator('.swot-items').evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
  for (let i = 1; i <= 6; i++) await expect(items.filter({ hasText: `Force ${i}` })).toBeVisible();

  const last = items.filter({ hasText: 'Force 6' });
  await last.getByRole('button', { name: /vers un autre quadrant$/ }).click();
  const menu = last.getByRole('group');
  const targets = menu.getByRole('button');
  await expect(targets).toHaveText(['Faiblesses', 'Opportunités', 'Menaces']);
  // Scroll the page (not the quadrant) so the menu is in view, then each target is drawn on top at its place.
  await menu.evaluate((el) => {
    const r = el.getBoundingClientRect();
    window.scrollBy(0, r.top - window.innerHeight / 2 + r.height / 2);
  });
  const viewport = page.viewportSize()!;
  for (const target of await targets.all()) {
    const [t] = await boxes(target);
    expect(inside(t!, { x: 0, y: 0, ...viewport }), `${await target.textContent()} within the viewport`).toBe(true);
    const onTop = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return hit !== null && el.contains(hit);
    });
    expect(onTop, `${await target.textContent()} is not clipped or covered`).toBe(true);
  }
  await context.close();
});
