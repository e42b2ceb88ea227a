import { expect, type Locator, type Page } from '@playwright/test';

/** An activity's Files tab, as a person uses it (English labels unless said). */
export class FilesPage {
  constructor(readonly page: Page) {}

  async open(base: string, activityId: string) {
    await this.page.goto(`${base}/#/activities/${activityId}/files`);
    await expect(this.page.getByRole('heading', { name: /^(Files|Fichiers)$/, level: 2 })).toBeVisible();
  }

  /** Picks files with the "choose files" control, as the file dialog would. */
  async choose(files: { name: string; mimeType: string; buffer: Buffer }[], label = 'choose files') {
    await this.page.getByLabel(label, { exact: true }).setInputFiles(files);
  }

  /** Drops files on the drop zone, as a drag from the desktop would. */
  async drop(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.mimeType }));
      return dt;
    }, files.map((f) => ({ name: f.name, mimeType: f.mimeType, bytes: [...f.buffer] })));
    await this.page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  }

  uploads(): Locator {
    return this.page.getByRole('list', { name: /^(Files being sent|Fichiers en cours d’envoi)$/ });
  }

  /** The row of a file by its name (its latest version's), whatever its version number. */
  row(name: string): Locator {
    return this.page.getByTestId('file-row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( Version \\d+)?$`) }) });
  }
}
