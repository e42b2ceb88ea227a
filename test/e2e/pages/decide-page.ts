import { expect, type Locator, type Page } from '@playwright/test';

/** The Decide tab, as a person uses it (English labels). */
export class DecidePage {
  constructor(readonly page: Page) {}

  async open(base: string, activityId: string) {
    await this.page.goto(`${base}/#/activities/${activityId}/decide`);
    await expect(this.page.getByTestId('decide-panel')).toBeVisible();
  }

  poll(question: string): Locator {
    return this.page.getByRole('article', { name: question });
  }

  async openSinglePoll(question: string, options: string[], deadline: Date, { anonymous = false } = {}) {
    await this.page.getByRole('button', { name: 'New poll' }).click();
    const form = this.page.getByRole('form', { name: 'New poll' });
    await form.getByLabel('Precise question').fill(question);
    await form.getByLabel('Options, one per line').fill(options.join('\n'));
    await form.getByLabel('Deadline').fill(localInput(deadline));
    if (anonymous) await form.getByLabel('Anonymous: never store who chose what').check();
    await form.getByRole('button', { name: 'Open the poll' }).click();
    await expect(this.poll(question)).toBeVisible();
  }

  async choose(question: string, option: string) {
    const card = this.poll(question);
    await card.getByRole('radio', { name: option }).check();
    await card.getByRole('button', { name: 'Send' }).click();
    await expect(card.getByText('You have taken part')).toBeVisible();
  }

  async publish(fields: { outcome: string; chosen: string; rationale: string; dissent: string }) {
    const form = this.page.getByRole('form', { name: 'Publish the decision' });
    await form.getByLabel('Outcome').fill(fields.outcome);
    await form.getByLabel('Chosen option').fill(fields.chosen);
    await form.getByLabel('Rationale').fill(fields.rationale);
    await form.getByLabel('Dissent (minority view)').fill(fields.dissent);
    await form.getByRole('button', { name: 'Publish the decision' }).click();
    await expect(this.page.getByTestId('decision-record')).toBeVisible();
  }
}

/** The value an `<input type="datetime-local">` takes, in the browser's (UTC here) time. */
export function localInput(at: Date): string {
  return at.toISOString().slice(0, 16);
}
