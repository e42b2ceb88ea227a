import { expect, type Locator, type Page } from '@playwright/test';

export type SideName = 'pro' | 'con';

/** The pros and cons boards of the activity screen, as a person uses them (English labels). */
export class ProsConsPage {
  constructor(readonly page: Page) {}

  boards(): Locator {
    return this.page.getByTestId('pros-cons-board');
  }

  option(label: string): Locator {
    return this.page.getByRole('region', { name: label, exact: true });
  }

  items(label: string, side: SideName): Locator {
    return this.option(label).getByTestId(`pros-cons-${side}`).getByTestId('pros-cons-item');
  }

  item(label: string, side: SideName, text: string): Locator {
    return this.items(label, side).filter({ hasText: text });
  }

  async addBoard() {
    const before = await this.boards().count();
    await this.page.getByRole('button', { name: 'Add a pros and cons board' }).click();
    await expect(this.boards()).toHaveCount(before + 1);
  }

  async addOption(label: string) {
    await this.page.getByLabel('New option', { exact: true }).fill(label);
    await this.page.getByLabel('New option', { exact: true }).press('Enter');
    await expect(this.option(label)).toBeVisible();
  }

  async addItem(label: string, side: SideName, text: string) {
    const field = this.page.getByLabel(`New ${side} for ${label}`, { exact: true });
    await field.fill(text);
    await field.press('Enter');
    await expect(this.item(label, side, text)).toBeVisible();
  }
}
