import { expect, type Locator, type Page } from '@playwright/test';
import type { QuadrantName } from './activity-page.ts';

const labels: Record<QuadrantName, string> = {
  strengths: 'Strengths',
  weaknesses: 'Weaknesses',
  opportunities: 'Opportunities',
  threats: 'Threats',
};

/** The SWOT board's "private first" round, as a person uses it (English labels). */
export class PrivateFirstPage {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByTestId('private-first');
  }

  participation(): Locator {
    return this.page.getByTestId('private-participation');
  }

  async start(options: { anonymous?: boolean } = {}) {
    await this.panel().getByRole('button', { name: 'Start a private-first round' }).click();
    const form = this.page.getByRole('form', { name: 'Start a private-first round' });
    if (options.anonymous) await form.getByLabel(/Anonymous: entries/).check();
    await form.getByRole('button', { name: 'Start the round' }).click();
    await expect(this.participation()).toBeVisible();
  }

  /** Writes entries in the private forms (nothing leaves the page), then sends them. */
  async writeAndSend(entries: { quadrant: QuadrantName; text: string }[], confirmation = 'Your entries are sealed on the relay') {
    const form = this.page.getByTestId('private-entries');
    for (const { quadrant, text } of entries) {
      const box = form.getByLabel(`Private entry in ${labels[quadrant]}`);
      await box.fill(text);
      await box.press('Enter');
      await expect(form.getByTestId(`private-${quadrant}`).getByText(text, { exact: true })).toBeVisible();
    }
    await form.getByRole('button', { name: 'Send my entries' }).click();
    await expect(this.panel().getByText(confirmation)).toBeVisible();
  }

  async reveal() {
    await this.panel().getByRole('button', { name: 'Reveal the entries' }).click();
    await expect(this.panel().getByRole('alertdialog')).toContainText('This cannot be undone.');
    await this.panel().getByRole('button', { name: 'Yes, reveal' }).click();
    await expect(this.revealed()).toBeVisible();
  }

  revealed(): Locator {
    return this.page.getByTestId('revealed-entries');
  }

  async putOnBoard() {
    await this.revealed().getByRole('button', { name: 'Put them on the board' }).click();
  }

  /**
   * Everything this page's copy of the activity's Y.Doc holds, as text: the updates
   * y-indexeddb keeps for it (Yjs writes strings in UTF-8 inside them).
   */
  async localDocText(): Promise<string> {
    return this.page.evaluate(async () => {
      const texts: string[] = [];
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(info.name!);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        if (db.objectStoreNames.contains('updates')) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const all = db.transaction('updates').objectStore('updates').getAll();
            all.onsuccess = () => resolve(all.result as unknown[]);
            all.onerror = () => reject(all.error);
          });
          for (const row of rows) if (row instanceof Uint8Array) texts.push(new TextDecoder().decode(row));
        }
        db.close();
      }
      return texts.join('\n');
    });
  }
}
