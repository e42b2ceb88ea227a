import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../support/relay.ts';
import { FilesPage } from './pages/files-page.ts';
import { organisation, person, screenshots, signedIn, webRoot } from './support/web-relay.ts';

/**
 * Files in an activity, in Chromium against a real relay serving the built client: the
 * facilitator drops the supplier's offer and the budget (one refused for its size, in
 * English then French), a member sees them and downloads the offer byte for byte, a
 * viewer reads but has nowhere to add, and the facilitator removes one after confirming.
 */
let relay: RelayProcess | undefined;
test.beforeAll(async () => {
  relay = await startRelayProcess({ env: { CONCLAVE_WEB_ROOT: webRoot, CONCLAVE_FILE_MAX_BYTES: String(1024 * 1024) } });
});
test.afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

const offer = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const budget = Buffer.from('Poste;Montant\nLoyer;12000\nÉnergie;3400\n');

test('the facilitator attaches the offer and the budget; a member sees them and downloads the offer; a viewer only reads', async ({ browser }) => {
  const base = relay!.url;
  const { admin } = await organisation(base);
  const fiona = await person(admin, 'Fiona Facilitatrice');
  const bob = await person(admin, 'Bob Martin');
  const vera = await person(admin, 'Vera Viewer');
  const { id } = await fiona.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Supplier', question: 'Which supplier for the stores?' });
  await fiona.api.ok('POST', `/api/activities/${id}/members`, { userId: bob.id, role: 'contributor' });
  await fiona.api.ok('POST', `/api/activities/${id}/members`, { userId: vera.id, role: 'viewer' });

  const facilitator = await signedIn(browser, base, fiona);
  const mine = new FilesPage(facilitator.page);
  await mine.open(base, id);
  await expect(facilitator.page.getByText('No files yet.', { exact: true })).toBeVisible();
  await expect(facilitator.page.getByText('Several at once if you like, up to 1 MB each.', { exact: true })).toBeVisible();

  // Three at once: two go in, one is refused for its size before a byte is sent.
  await mine.choose([
    { name: 'offre-fournisseur.pdf', mimeType: 'application/pdf', buffer: offer },
    { name: 'budget 2027.csv', mimeType: 'text/csv', buffer: budget },
    { name: 'plan-magasin.png', mimeType: 'image/png', buffer: Buffer.alloc(1024 * 1024 + 1) },
  ]);
  await expect(mine.uploads().getByText('“plan-magasin.png” is too large: files up to 1 MB are accepted.', { exact: true })).toBeVisible();
  await expect(mine.uploads().getByText('Attached.', { exact: true })).toHaveCount(2);
  await expect(mine.row('offre-fournisseur.pdf')).toContainText('PDF document');
  await expect(mine.row('offre-fournisseur.pdf')).toContainText('Fiona Facilitatrice');
  await expect(mine.row('budget 2027.csv')).toContainText('CSV table');
  await expect(mine.row('budget 2027.csv')).toContainText(`${budget.length} B`);

  // In French, the refusal shown reads in French, and so does one dropped on the zone.
  await facilitator.page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  const tooLarge = mine.uploads().getByText('« plan-magasin.png » est trop volumineux : les fichiers sont acceptés jusqu’à 1 Mo.', { exact: true });
  await expect(tooLarge).toHaveCount(1);
  await mine.drop([{ name: 'plan-magasin.png', mimeType: 'image/png', buffer: Buffer.alloc(1024 * 1024 + 1) }]);
  await expect(tooLarge).toHaveCount(2);
  await facilitator.page.screenshot({ path: `${screenshots}/files-fr.png` });

  // Bob sees both and downloads the offer as it was sent.
  const member = await signedIn(browser, base, bob);
  const his = new FilesPage(member.page);
  await his.open(base, id);
  await expect(member.page.getByTestId('file-row')).toHaveCount(2);
  const [download] = await Promise.all([member.page.waitForEvent('download'), his.row('offre-fournisseur.pdf').getByRole('button', { name: 'Download offre-fournisseur.pdf', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('offre-fournisseur.pdf');
  expect((await readFile((await download.path())!)).equals(offer)).toBe(true);
  // The budget reads as a table inside the activity.
  await his.row('budget 2027.csv').getByRole('button', { name: 'Preview budget 2027.csv', exact: true }).click();
  const preview = member.page.getByRole('region', { name: 'budget 2027.csv', exact: true });
  await expect(preview.getByRole('columnheader', { name: 'Montant', exact: true })).toBeVisible();
  await expect(preview.getByRole('row', { name: 'Énergie 3400', exact: true })).toBeVisible();
  await member.page.getByRole('button', { name: 'Close the preview', exact: true }).click();
  await expect(preview).toHaveCount(0);
  // This offer has no page pdf.js can draw: the preview says so and points to the download.
  await his.row('offre-fournisseur.pdf').getByRole('button', { name: 'Preview offre-fournisseur.pdf', exact: true }).click();
  await expect(member.page.getByText('This PDF cannot be shown here: download it to read it.', { exact: true })).toBeVisible();
  await member.page.getByRole('button', { name: 'Close the preview', exact: true }).click();
  // Not his to remove.
  await expect(his.row('offre-fournisseur.pdf').getByRole('button', { name: 'Remove offre-fournisseur.pdf', exact: true })).toHaveCount(0);

  // Vera reads, and is told why she cannot add.
  const viewer = await signedIn(browser, base, vera);
  const hers = new FilesPage(viewer.page);
  await hers.open(base, id);
  await expect(viewer.page.getByTestId('file-row')).toHaveCount(2);
  await expect(viewer.page.getByText('You read this activity’s files; as a viewer you cannot add any.', { exact: true })).toBeVisible();
  await expect(viewer.page.getByTestId('drop-zone')).toHaveCount(0);

  // The facilitator removes the budget, after confirming; Bob's list follows.
  await facilitator.page.getByRole('button', { name: 'Retirer budget 2027.csv', exact: true }).click();
  await facilitator.page.getByRole('button', { name: 'Retirer le fichier', exact: true }).click();
  await expect(facilitator.page.getByRole('status').getByText('« budget 2027.csv » retiré.', { exact: true })).toBeVisible();
  await expect(mine.row('budget 2027.csv')).toHaveCount(0);
  await member.page.reload();
  await expect(member.page.getByTestId('file-row')).toHaveCount(1);
});
