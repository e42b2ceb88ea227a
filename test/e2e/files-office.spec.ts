import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { docx } from '../support/office-fixture.ts';
import { makePdf } from '../support/pdf-fixture.ts';
import { filesActivity, filesRelay } from './support/files-world.ts';
import { signedIn } from './support/web-relay.ts';
import { FilesPage } from './pages/files-page.ts';

/**
 * Office documents previewed while the relay's LibreOffice works, in French: a stand-in
 * `soffice` first on the relay's PATH waits until the test opens its gate, then writes a
 * PDF (`pass`) or exits in error (`fail`). Meanwhile the viewer says it is preparing the
 * preview (the relay answers 202 and the app asks again), then shows the PDF's pages, or
 * offers the document for download with its icon and size. The conversion itself runs
 * with the real LibreOffice in test/integration/files.
 */
const bin = path.join(tmpdir(), `fileview-soffice-${process.pid}`);
const gate = path.join(bin, 'gate');
const standIn = `#!/bin/sh
while [ $# -gt 1 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done
i=0
while [ ! -e "${gate}/pass" ] && [ ! -e "${gate}/fail" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
[ -e "${gate}/pass" ] && cp "${gate}/offer.pdf" "$out/document.pdf" && exit 0
exit 3
`;
test.beforeAll(async () => {
  await mkdir(gate, { recursive: true });
  await writeFile(path.join(bin, 'soffice'), standIn);
  await chmod(path.join(bin, 'soffice'), 0o755);
  await writeFile(path.join(gate, 'offer.pdf'), makePdf([['Offre fournisseur', 'Page une'], ['Prix unitaire 12 euros', 'Page deux']]));
});
test.afterAll(async () => {
  await rm(bin, { recursive: true, force: true });
});
const relay = filesRelay({ PATH: `${bin}:${process.env.PATH ?? ''}` });

test('a Word document: "preparing the preview" while LibreOffice works, then its pages; one it fails on is offered for download', async ({ browser }) => {
  const offer = docx('Offre du fournisseur');
  const budget = docx('Budget du magasin');
  const { bob, id, mine } = await filesActivity(browser, relay.url(), 'Supplier', 'Which supplier for the stores?');
  await mine.choose([
    { name: 'offre.docx', mimeType: 'application/octet-stream', buffer: offer },
    { name: 'budget.docx', mimeType: 'application/octet-stream', buffer: budget },
  ]);
  await expect(mine.row('offre.docx')).toContainText('Text document');

  const member = await signedIn(browser, relay.url(), bob, 'fr-FR');
  const his = new FilesPage(member.page);
  await his.open(relay.url(), id);

  await his.row('offre.docx').getByRole('button', { name: 'Aperçu de offre.docx', exact: true }).click();
  const first = member.page.getByRole('region', { name: 'offre.docx', exact: true });
  await expect(first.getByRole('status').getByText('Préparation de l’aperçu…', { exact: true })).toBeVisible();
  await writeFile(path.join(gate, 'pass'), '');
  await expect(first.getByTestId('pdf-viewer').locator('.textLayer')).toContainText('Offre fournisseur');
  await expect(first.getByText('Préparation de l’aperçu…', { exact: true })).toHaveCount(0);
  await rm(path.join(gate, 'pass'));

  await his.row('budget.docx').getByRole('button', { name: 'Aperçu de budget.docx', exact: true }).click();
  const second = member.page.getByRole('region', { name: 'budget.docx', exact: true });
  await expect(second.getByRole('status').getByText('Préparation de l’aperçu…', { exact: true })).toBeVisible();
  await writeFile(path.join(gate, 'fail'), '');
  await expect(second.getByText('Pas d’aperçu de ce document ici : téléchargez-le pour l’ouvrir.', { exact: true })).toBeVisible();
  await expect(second.getByText(`${budget.length} o`, { exact: true })).toBeVisible();
  await expect(second.locator('.file-icon-document')).toBeVisible();
  const [download] = await Promise.all([member.page.waitForEvent('download'), second.getByRole('button', { name: 'Télécharger', exact: true }).click()]);
  expect((await readFile((await download.path())!)).equals(budget)).toBe(true);
});
