import { expect, type Locator, type Page } from '@playwright/test';

/** The notices bell in the app header and its panel (English labels). */
export class NoticesBell {
  constructor(readonly page: Page) {}

  button(): Locator {
    return this.page.getByTestId('notices-button');
  }

  panel(): Locator {
    return this.page.getByRole('dialog', { name: 'Notices' });
  }

  notices(): Locator {
    return this.panel().getByTestId('notice');
  }

  /** The relay has no push: the app asks again when its window gets the focus. */
  async refreshByFocus() {
    await this.page.evaluate(() => window.dispatchEvent(new Event('focus')));
  }

  async expectUnread(count: number) {
    await expect(this.button()).toHaveAccessibleName(count === 0 ? 'Notices, none unread' : `Notices, ${count} unread`);
  }

  async open() {
    await this.button().click();
    await expect(this.panel()).toBeVisible();
  }
}
