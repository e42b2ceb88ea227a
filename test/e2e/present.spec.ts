import { expect, test, type Page } from '@playwright/test';
import { makePdf } from '../support/pdf-fixture.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../support/relay.ts';
import { FilesPage } from './pages/files-page.ts';
import { organisation, person, signedIn, webRoot } from './support/web-relay.ts';

/**
 * Issue 16's end to end, in Chromium with two people against a real relay: the facilitator
 * uploads a PDF, both see its pages, the member comments on page 2 (the marker shows for
 * both), the facilitator presents and the member follows from page 1 to 3, leaves to
 * browse alone, rejoins in one click; stopping ends it for the member.
 */
let relay: RelayProcess | undefined;
test.beforeAll(async () => {
  relay = await startRelayProcess({ env: { CONCLAVE_WEB_ROOT: webRoot } });
});
test.afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

const offer = makePdf([
  ['Offre fournisseur', 'Page une: le contexte'],
  ['Prix unitaire 12 euros', 'Page deux: les prix'],
  ['Livraison sous trois semaines', 'Page trois: les delais'],
]);

/** Opens the offer's preview on the Files tab; returns its viewer. */
async function preview(page: Page, base: string, id: string) {
  const files = new FilesPage(page);
  await files.open(base, id);
  await files.row('offre.pdf').getByRole('button', { name: 'Preview offre.pdf', exact: true }).click();
  const viewer = page.getByTestId('pdf-viewer').first();
  await expect(viewer.locator('.textLayer')).toContainText('Offre fournisseur');
  return viewer;
}

const status = (viewer: ReturnType<Page['getByTestId']>) => viewer.getByRole('status');

test('a facilitator presents a PDF page by page; a member comments on page 2, follows, leaves and rejoins', async ({ browser }) => {
  const base = relay!.url;
  const { admin } = await organisation(base);
  const fiona = await person(admin, 'Fiona Facilitatrice');
  const bob = await person(admin, 'Bob Martin');
  const { id } = await fiona.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Supplier', question: 'Which supplier for the stores?' });
  await fiona.api.ok('POST', `/api/activities/${id}/members`, { userId: bob.id, role: 'contributor' });

  // The facilitator uploads the offer; both see its pages.
  const facilitator = await signedIn(browser, base, fiona);
  const files = new FilesPage(facilitator.page);
  await files.open(base, id);
  await files.choose([{ name: 'offre.pdf', mimeType: 'application/pdf', buffer: offer }]);
  await expect(files.row('offre.pdf')).toBeVisible();
  const hers = await preview(facilitator.page, base, id);
  const member = await signedIn(browser, base, bob);
  const his = await preview(member.page, base, id);
  await expect(status(his)).toHaveText('Page 1 of 3');

  // The member comments on page 2: the marker shows for both.
  await his.getByRole('button', { name: 'Next page', exact: true }).click();
  await expect(status(his)).toHaveText('Page 2 of 3');
  await member.page.getByRole('textbox', { name: 'Comment on page 2' }).click();
  await member.page.keyboard.type('Prix unitaire trop haut');
  await member.page.getByRole('button', { name: 'Comment on this page', exact: true }).click();
  await expect(his.getByTestId('page-marker')).toHaveCount(1);
  await hers.getByRole('button', { name: 'Next page', exact: true }).click();
  await expect(status(hers)).toHaveText('Page 2 of 3');
  await hers.getByRole('button', { name: 'Comment by Bob Martin: Prix unitaire trop haut', exact: true }).click();
  await expect(hers.getByTestId('page-marker-note')).toContainText('Prix unitaire trop haut');
  // The comment is also in the activity's comments, linking back to its page.
  await expect(facilitator.page.getByTestId('page-comments').getByTestId('page-comment')).toHaveCount(1);

  // The facilitator presents from page 1: the member follows to page 3.
  await hers.getByRole('button', { name: 'Previous page', exact: true }).click();
  await hers.getByRole('button', { name: 'Present', exact: true }).click();
  const shown = member.page.getByTestId('presentation');
  await expect(shown.getByText('Fiona Facilitatrice is presenting “offre.pdf”, page 1.', { exact: true })).toBeVisible();
  await expect(status(shown.getByTestId('pdf-viewer'))).toHaveText('Page 1 of 3');
  await hers.getByRole('button', { name: 'Next page', exact: true }).click();
  await hers.getByRole('button', { name: 'Next page', exact: true }).click();
  await expect(status(shown.getByTestId('pdf-viewer'))).toHaveText('Page 3 of 3');
  await expect(shown.getByTestId('pdf-viewer').locator('.textLayer')).toContainText('Livraison sous trois semaines');

  // The member leaves to browse alone, then rejoins where the presenter is now.
  await shown.getByRole('button', { name: 'Leave the presentation', exact: true }).click();
  await expect(shown).toHaveCount(0);
  await hers.getByRole('button', { name: 'Previous page', exact: true }).click();
  await member.page.getByTestId('presentation-bar').getByRole('button', { name: 'Rejoin', exact: true }).click();
  await expect(status(shown.getByTestId('pdf-viewer'))).toHaveText('Page 2 of 3');
  // The page's comment marker shows in the presentation too.
  await expect(shown.getByTestId('page-marker')).toHaveCount(1);

  // Stopping ends it for everyone.
  await hers.getByRole('button', { name: 'Stop presenting', exact: true }).click();
  await expect(shown).toHaveCount(0);
  await expect(member.page.getByTestId('presentation-bar')).toHaveCount(0);
});
