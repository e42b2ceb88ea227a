import { expect, test, type Page } from '@playwright/test';
import { makePdf } from '../support/pdf-fixture.ts';
import { FilesPage } from './pages/files-page.ts';
import { filesActivity, filesRelay } from './support/files-world.ts';
import { signedIn } from './support/web-relay.ts';

/**
 * A PDF's pages drawn in the app (pdf.js) in Chromium against a real relay serving the
 * built client under its CSP: the facilitator attaches the supplier's offer, a member
 * reads its pages, selects its text, turns pages with the buttons, the page number and the
 * keyboard, at desktop width and at a phone's 390 px; in French too. Nothing is fetched
 * from elsewhere than the relay and the CSP refuses nothing.
 */
const relay = filesRelay();

const offer = makePdf([
  ['Offre fournisseur', 'Page une: le contexte'],
  ['Prix unitaire 12 euros', 'Page deux: les prix'],
  ['Livraison sous trois semaines', 'Page trois: les delais'],
]);

/** Everything the page asked for outside the relay, every CSP refusal it reported, and pdf.js running without its worker. */
function watch(page: Page, base: string) {
  const foreign: string[] = [];
  const refused: string[] = [];
  page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:') && foreign.push(r.url()));
  page.on('console', (m) => /Content Security Policy|Refused to|fake worker/i.test(m.text()) && refused.push(m.text()));
  return { foreign, refused };
}

async function openOffer(page: Page, base: string, id: string) {
  const files = new FilesPage(page);
  await files.open(base, id);
  await files.row('offre.pdf').getByRole('button', { name: /^(Preview|Aperçu de) offre\.pdf$/ }).click();
  const viewer = page.getByTestId('pdf-viewer');
  await expect(viewer.locator('.textLayer')).toContainText('Offre fournisseur');
  return viewer;
}

test('a member reads the offer’s pages, selects its text and turns its pages; the phone fits the page to its width', async ({ browser }) => {
  const base = relay.url();
  const { bob, id, mine } = await filesActivity(browser, base, 'Supplier', 'Which supplier for the stores?');
  await mine.choose([{ name: 'offre.pdf', mimeType: 'application/pdf', buffer: offer }]);
  await expect(mine.row('offre.pdf')).toContainText('PDF document');

  const member = await signedIn(browser, base, bob, 'en-GB', { viewport: { width: 1280, height: 900 } });
  const seen = watch(member.page, base);
  const viewer = await openOffer(member.page, base, id);
  await expect(viewer.getByRole('status')).toHaveText('Page 1 of 3');
  // Drawn: the canvas holds pixels that are not all white.
  await expect.poll(() => viewer.locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) return true;
    return false;
  })).toBe(true);

  // The text can be selected with the mouse, as a reader would.
  const word = viewer.locator('.textLayer span', { hasText: 'Offre fournisseur' });
  await word.dblclick();
  expect(await member.page.evaluate(() => window.getSelection()?.toString().trim())).toMatch(/^(Offre|fournisseur)$/);

  // Next, the page number, the keyboard.
  await viewer.getByRole('button', { name: 'Next page', exact: true }).click();
  await expect(viewer.locator('.textLayer')).toContainText('Prix unitaire 12 euros');
  await expect(viewer.getByRole('status')).toHaveText('Page 2 of 3');
  await viewer.getByRole('spinbutton', { name: 'Page number', exact: true }).fill('3');
  await viewer.getByRole('spinbutton', { name: 'Page number', exact: true }).press('Enter');
  await expect(viewer.locator('.textLayer')).toContainText('Livraison sous trois semaines');
  await expect(viewer.getByRole('button', { name: 'Next page', exact: true })).toBeDisabled();
  await viewer.focus();
  await member.page.keyboard.press('Home');
  await expect(viewer.locator('.textLayer')).toContainText('Offre fournisseur');
  await member.page.keyboard.press('PageDown');
  await expect(viewer.getByRole('status')).toHaveText('Page 2 of 3');
  await member.page.keyboard.press('ArrowLeft');
  await expect(viewer.getByRole('status')).toHaveText('Page 1 of 3');

  // At desktop width the page fills the viewer's width.
  const body = (await viewer.locator('.pdf-body').boundingBox())!;
  const drawn = (await viewer.locator('.pdf-page').boundingBox())!;
  expect(Math.abs(drawn.width - body.width)).toBeLessThan(2);
  expect(seen.foreign).toEqual([]);
  expect(seen.refused).toEqual([]);

  // On a phone, in French: the page fits the 390 px screen, nothing overflows sideways.
  const phone = await signedIn(browser, base, bob, 'fr-FR', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const phoneSeen = watch(phone.page, base);
  const small = await openOffer(phone.page, base, id);
  await expect(small.getByRole('status')).toHaveText('Page 1 sur 3');
  await small.getByRole('button', { name: 'Page suivante', exact: true }).click();
  await expect(small.locator('.textLayer')).toContainText('Prix unitaire 12 euros');
  const page = (await small.locator('.pdf-page').boundingBox())!;
  expect(page.x).toBeGreaterThanOrEqual(0);
  expect(page.x + page.width).toBeLessThanOrEqual(390);
  expect(page.width).toBeGreaterThan(250);
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Drawn for the screen's pixels, not blurred: three device pixels per CSS pixel.
  expect(await small.locator('canvas').evaluate((c: HTMLCanvasElement) => Math.round(c.width / c.getBoundingClientRect().width))).toBe(3);
  expect(phoneSeen.foreign).toEqual([]);
  expect(phoneSeen.refused).toEqual([]);
});
