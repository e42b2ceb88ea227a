import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { docx } from '../support/office-fixture.ts';
import { filesActivity, filesRelay } from './support/files-world.ts';
import { signedIn } from './support/web-relay.ts';
import { FilesPage } from './pages/files-page.ts';

/**
 * An Office document on a relay whose LibreOffice fails (a stand-in `soffice` first on its
 * PATH, exiting in error): Preview offers it for download with its icon and size, in
 * French. The conversion itself runs with the real LibreOffice in test/integration/files.
 */
const bin = path.join(tmpdir(), `fileview-soffice-${process.pid}`);
test.beforeAll(async () => {
  await mkdir(bin, { recursive: true });
  await writeFile(path.join(bin, 'soffice'), '#!/bin/sh\nexit 3\n');
  await chmod(path.join(bin, 'soffice'), 0o755);
});
test.afterAll(async () => {
  await rm(bin, { recursive: true, force: true });
});
const relay = filesRelay({ PATH: `${bin}:${process.env.PATH ?? ''}` });

test('without a working LibreOffice, a Word document is offered for download with its icon and size', async ({ browser }) => {
  const offer = docx('Offre du fournisseur');
  const { bob, id, mine } = await filesActivity(browser, relay.url(), 'Supplier', 'Which supplier for the stores?');
  await mine.choose([{ name: 'offre.docx', mimeType: 'application/octet-stream', buffer: offer }]);
  await expect(mine.row('offre.docx')).toContainText('Text document');

  const member = await signedIn(browser, relay.url(), bob, 'fr-FR');
  const his = new FilesPage(member.page);
  await his.open(relay.url(), id);
  await his.row('offre.docx').getByRole('button', { name: 'Aperçu de offre.docx', exact: true }).click();
  const preview = member.page.getByRole('region', { name: 'offre.docx', exact: true });
  await expect(preview.getByText('Pas d’aperçu de ce document ici : téléchargez-le pour l’ouvrir.', { exact: true })).toBeVisible();
  await expect(preview.getByText(`${offer.length} o`, { exact: true })).toBeVisible();
  await expect(preview.locator('.file-icon-document')).toBeVisible();
  const [download] = await Promise.all([member.page.waitForEvent('download'), preview.getByRole('button', { name: 'Télécharger', exact: true }).click()]);
  expect((await readFile((await download.path())!)).equals(offer)).toBe(true);
});
