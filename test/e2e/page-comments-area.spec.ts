import { expect, test, type Locator, type Page } from '@playwright/test';
import { makePdf } from '../support/pdf-fixture.ts';
import { FilesPage } from './pages/files-page.ts';
import { filesActivity, filesRelay } from './support/files-world.ts';
import { signedIn } from './support/web-relay.ts';

/**
 * A comment about an area of a PDF page, made in French on a 390 × 844 touch phone (issue
 * 16), in Chromium against a real relay: the member marks the area with a finger (real
 * touch events), comments, and the marker stands on that area, for them and for the
 * facilitator on a desktop in English; all of it within the phone's width.
 */
const relay = filesRelay();
const offer = makePdf([
  ['Offre fournisseur', 'Page une'],
  ['Prix unitaire 12 euros', 'Page deux: les prix'],
]);
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const area = { x: 0.2, y: 0.3, w: 0.5, h: 0.2 };

/** Where `marker` stands on `page`, as fractions of the page. */
async function fractionOf(marker: Locator, page: Locator) {
  const m = (await marker.boundingBox())!;
  const p = (await page.boundingBox())!;
  return { x: (m.x - p.x) / p.width, y: (m.y - p.y) / p.height, w: m.width / p.width, h: m.height / p.height };
}

function expectNear(got: Record<keyof typeof area, number>) {
  for (const k of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(got[k] - area[k]), `${k}: ${got[k]}`).toBeLessThan(0.03);
}

/** A finger drawn across `target` from one fraction of it to another (Chromium's touch input). */
async function fingerDrag(page: Page, target: Locator, from: { x: number; y: number }, to: { x: number; y: number }) {
  const box = (await target.boundingBox())!;
  const point = (f: { x: number; y: number }) => ({ x: box.x + f.x * box.width, y: box.y + f.y * box.height });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(from)] });
  for (let i = 1; i <= 5; i++) {
    const at = { x: from.x + ((to.x - from.x) * i) / 5, y: from.y + ((to.y - from.y) * i) / 5 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point(at)] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('en français sur un téléphone : un commentaire sur une zone marquée de la page 2, vu à sa place par tous', async ({ browser }) => {
  const base = relay.url();
  const { bob, id, facilitator, mine } = await filesActivity(browser, base, 'Fournisseur', 'Quel fournisseur pour les magasins ?');
  await mine.choose([{ name: 'offre.pdf', mimeType: 'application/pdf', buffer: offer }]);
  await expect(mine.row('offre.pdf')).toBeVisible();

  const member = await signedIn(browser, base, bob, 'fr-FR', phone);
  const his = new FilesPage(member.page);
  await his.open(base, id);
  await member.page.waitForFunction(() => window.innerWidth === 390);
  await his.row('offre.pdf').getByRole('button', { name: 'Aperçu de offre.pdf', exact: true }).click();
  const viewer = member.page.getByTestId('pdf-viewer').first();
  await expect(viewer.locator('.textLayer')).toContainText('Offre fournisseur');
  await viewer.getByRole('button', { name: 'Page suivante', exact: true }).tap();
  await expect(viewer.getByRole('status')).toHaveText('Page 2 sur 2');

  // Mark an area with a finger, then comment on it.
  const comments = member.page.getByRole('region', { name: 'Commentaires sur la page 2', exact: true });
  await comments.getByRole('button', { name: 'Marquer une zone de la page', exact: true }).tap();
  await expect(comments.getByText('Faites glisser sur la page pour marquer la zone.', { exact: true })).toBeVisible();
  const canvas = viewer.getByTestId('page-region-canvas');
  await fingerDrag(member.page, canvas, { x: area.x, y: area.y }, { x: area.x + area.w, y: area.y + area.h });
  await expect(comments.getByText('Zone marquée : le commentaire la désignera.', { exact: true })).toBeVisible();
  await member.page.getByRole('textbox', { name: 'Commenter la page 2' }).click();
  await member.page.keyboard.type('Ce prix est trop haut');
  await comments.getByRole('button', { name: 'Commenter cette page', exact: true }).tap();

  // On the phone: the marker stands on the area, its comment says it is about an area, nothing wider than the phone.
  const marker = viewer.getByRole('button', { name: 'Commentaire de Bob Martin : Ce prix est trop haut', exact: true });
  await expect(marker).toBeVisible();
  const page = viewer.locator('canvas').first();
  expectNear(await fractionOf(viewer.locator('.page-marker-area'), page));
  await expect(comments.getByTestId('page-comment')).toContainText('sur une zone marquée');
  await marker.tap();
  await expect(viewer.getByTestId('page-marker-note')).toContainText('Ce prix est trop haut');
  expect(await member.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The note opens within the page, so nothing of it is cut off.
  const note = (await viewer.getByTestId('page-marker-note').boundingBox())!;
  const drawn = (await page.boundingBox())!;
  expect(note.x).toBeGreaterThanOrEqual(drawn.x);
  expect(note.x + note.width).toBeLessThanOrEqual(Math.min(390, drawn.x + drawn.width) + 1);
  // In the activity's comments (off screen on the phone), it links back to the page and says an area is marked.
  await expect(member.page.getByTestId('comment-page-link')).toHaveText('Page 2 de offre.pdf (une zone marquée)');

  // The facilitator, on a desktop in English, sees it on the same area.
  await mine.row('offre.pdf').getByRole('button', { name: 'Preview offre.pdf', exact: true }).click();
  const hers = facilitator.page.getByTestId('pdf-viewer').first();
  await hers.getByRole('button', { name: 'Next page', exact: true }).click();
  await expect(hers.getByRole('button', { name: 'Comment by Bob Martin: Ce prix est trop haut', exact: true })).toBeVisible();
  expectNear(await fractionOf(hers.locator('.page-marker-area'), hers.locator('canvas').first()));
  await expect(facilitator.page.getByRole('region', { name: 'Comments on page 2', exact: true }).getByTestId('page-comment')).toContainText('about a marked area');
  await expect(facilitator.page.getByTestId('comment-page-link')).toHaveText('Page 2 of offre.pdf (a marked area)');
});
