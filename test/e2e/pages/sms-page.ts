import { expect, type Locator, type Page } from '@playwright/test';

/** The SMS gateway screens, as an administrator uses them (English labels). */
export class SmsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'SMS', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'SMS', level: 1 })).toBeVisible();
  }

  async tab(name: 'Outbox' | 'Consent' | 'Replies' | 'Provider and budget') {
    await this.page.getByRole('navigation', { name: 'SMS' }).getByRole('link', { name }).click();
  }

  compose(): Locator {
    return this.page.getByRole('form', { name: 'Send a test message' });
  }

  async type(to: string, text: string) {
    await this.compose().getByLabel('To (phone number)').fill(to);
    await this.compose().getByLabel('Message').fill(text);
  }

  meter(): Locator {
    return this.compose().locator('.sms-meter');
  }

  outboxRow(text: string): Locator {
    return this.page.locator('tr.sms-row', { hasText: text });
  }

  consentRow(name: string): Locator {
    return this.page.locator('.consent-table tr', { hasText: name });
  }
}
