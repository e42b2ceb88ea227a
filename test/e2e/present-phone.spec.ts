import { expect, test, type Locator, type Page } from '@playwright/test';
import { makePdf } from '../support/pdf-fixture.ts';
import { FilesPage } from './pages/files-page.ts';
import { filesActivity, filesRelay } from './support/files-world.ts';
import { signedIn } from './support/web-relay.ts';

/**
 * Presenting to someone on a phone (issue 16), in Chromium against a real relay: the
 * facilitator presents the offer from a desktop window; a member on a 390 × 844 phone
 * (touch) follows page by page, the page drawn within the phone's width, leaves with a
 * tap, rejoins where the presenter is, and sees it end when the presenter stops.
 */
const relay = filesRelay();
const offer = makePdf([
  ['Offre fournisseur', 'Page une: le contexte'],
  ['Prix unitaire 12 euros', 'Page deux: les prix'],
  ['Livraison sous trois semaines', 'Page trois: les delais'],
]);
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const status = (viewer: Locator) => viewer.getByRole('status');

/** Nothing wider than the phone: no sideways scroll, the page's canvas within 390 px. */
async function fitsThePhone(page: Page, viewer: Locator) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const canvas = await viewer.locator('canvas').first().boundingBox();
  expect(canvas!.x).toBeGreaterThanOrEqual(0);
  expect(canvas!.x + canvas!.width).toBeLessThanOrEqual(390);
}

test('a member on a phone follows the presenter page by page, leaves with a tap and rejoins', async ({ browser }) => {
  const base = relay.url();
  const { bob, id, facilitator, mine } = await filesActivity(browser, base, 'Supplier', 'Which supplier for the stores?');
  await mine.choose([{ name: 'offre.pdf', mimeType: 'application/pdf', buffer: offer }]);
  await mine.row('offre.pdf').getByRole('button', { name: 'Preview offre.pdf', exact: true }).click();
  const hers = facilitator.page.getByTestId('pdf-viewer').first();
  await expect(hers.locator('.textLayer')).toContainText('Offre fournisseur');

  // The member is on the activity's Files tab on a phone, previewing nothing.
  const member = await signedIn(browser, base, bob, 'en-GB', phone);
  await new FilesPage(member.page).open(base, id);
  await member.page.waitForFunction(() => window.innerWidth === 390);

  await hers.getByRole('button', { name: 'Present', exact: true }).click();
  const shown = member.page.getByTestId('presentation');
  const his = shown.getByTestId('pdf-viewer');
  await expect(shown.getByText('Fiona Facilitatrice is presenting “offre.pdf”, page 1.', { exact: true })).toBeVisible();
  await expect(status(his)).toHaveText('Page 1 of 3');
  await expect(his.locator('.textLayer')).toContainText('Offre fournisseur');
  await fitsThePhone(member.page, his);

  await hers.getByRole('button', { name: 'Next page', exact: true }).click();
  await expect(status(his)).toHaveText('Page 2 of 3');
  await expect(his.locator('.textLayer')).toContainText('Prix unitaire 12 euros');
  await hers.getByRole('button', { name: 'Next page', exact: true }).click();
  await expect(status(his)).toHaveText('Page 3 of 3');
  await expect(shown.getByText('Fiona Facilitatrice is presenting “offre.pdf”, page 3.', { exact: true })).toBeVisible();
  await fitsThePhone(member.page, his);

  // A tap leaves; the bar stays to rejoin, which comes back to where the presenter is now.
  await shown.getByRole('button', { name: 'Leave the presentation', exact: true }).tap();
  await expect(shown).toHaveCount(0);
  const bar = member.page.getByTestId('presentation-bar');
  await expect(bar).toBeVisible();
  await hers.getByRole('button', { name: 'Previous page', exact: true }).click();
  await expect(status(hers)).toHaveText('Page 2 of 3');
  await bar.getByRole('button', { name: 'Rejoin', exact: true }).tap();
  await expect(status(his)).toHaveText('Page 2 of 3');
  await fitsThePhone(member.page, his);

  await hers.getByRole('button', { name: 'Stop presenting', exact: true }).click();
  await expect(shown).toHaveCount(0);
  await expect(bar).toHaveCount(0);
});
