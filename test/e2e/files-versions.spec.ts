import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { FilesPage } from './pages/files-page.ts';
import { plainWebp } from '../support/images.ts';
import { filesActivity, filesRelay } from './support/files-world.ts';
import { signedIn } from './support/web-relay.ts';

/**
 * Versions of a file in Chromium against a real relay: the facilitator sends a new
 * version of the budget, the list shows it as version 2 with the first one under it,
 * a member downloads the first version as it was; in French, removing the latest says
 * which version comes back.
 */
const relay = filesRelay();

const first = Buffer.from('Poste;Montant\nLoyer;12000\n');
const second = Buffer.from('Poste;Montant\nLoyer;11500\nÉnergie;3400\n');

test('a new version goes on top; the earlier one stays listed and downloads as it was', async ({ browser }) => {
  const base = relay.url();
  const { bob, id, facilitator, mine } = await filesActivity(browser, base, 'Budget', 'Which budget for the new store?');
  await mine.choose([{ name: 'budget.csv', mimeType: 'text/csv', buffer: first }]);
  await expect(mine.row('budget.csv')).toHaveCount(1);
  // An image shows the relay's thumbnail in the list; the CSV, its badge.
  await mine.choose([{ name: 'vitrine.webp', mimeType: 'image/webp', buffer: plainWebp }]);
  await expect.poll(() => mine.row('vitrine.webp').getByTestId('file-thumbnail').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(mine.row('budget.csv').getByTestId('file-thumbnail')).toHaveCount(0);
  await mine.choose([{ name: 'budget v2.csv', mimeType: 'text/csv', buffer: second }], 'New version of budget.csv');
  await expect(mine.row('budget v2.csv')).toContainText('Version 2');
  await expect(facilitator.page.getByTestId('file-row')).toHaveCount(2);

  const member = await signedIn(browser, base, bob);
  const his = new FilesPage(member.page);
  await his.open(base, id);
  await his.row('budget v2.csv').getByRole('button', { name: '1 earlier version', exact: true }).click();
  const earlier = member.page.getByTestId('file-version-row');
  await expect(earlier).toContainText('Version 1');
  await expect(earlier).toContainText('Fiona Facilitatrice');
  const [download] = await Promise.all([member.page.waitForEvent('download'), earlier.getByRole('button', { name: 'Download budget.csv, version 1', exact: true }).click()]);
  expect((await readFile((await download.path())!)).equals(first)).toBe(true);
  await earlier.getByRole('button', { name: 'Preview budget.csv, version 1', exact: true }).click();
  await expect(member.page.getByRole('row', { name: 'Loyer 12000', exact: true })).toBeVisible();

  // In French, removing the latest says which version becomes current.
  await facilitator.page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await mine.row('budget v2.csv').getByRole('button', { name: 'Retirer budget v2.csv, version 2', exact: true }).click();
  await expect(facilitator.page.getByText('Retirer la version 2 de « budget v2.csv » pour tous les participants de l’activité ? La version 1 redevient la version courante.', { exact: true })).toBeVisible();
  await facilitator.page.getByRole('button', { name: 'Retirer le fichier', exact: true }).click();
  await expect(facilitator.page.getByRole('status').getByText('Version 2 de « budget v2.csv » retirée.', { exact: true })).toBeVisible();
  await expect(mine.row('budget.csv')).toHaveCount(1);
  await expect(mine.row('budget.csv')).not.toContainText('Version 2');
});
