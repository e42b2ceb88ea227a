import { expect, type Locator, type Page } from '@playwright/test';

export type QuadrantName = 'strengths' | 'weaknesses' | 'opportunities' | 'threats';
const labels: Record<QuadrantName, string> = {
  strengths: 'Strengths',
  weaknesses: 'Weaknesses',
  opportunities: 'Opportunities',
  threats: 'Threats',
};

/** The activity screen, as a person uses it (English labels). */
export class ActivityPage {
  constructor(readonly page: Page) {}

  async open(base: string, id: string, tab = '') {
    await this.page.goto(`${base}/#/activities/${id}${tab ? `/${tab}` : ''}`);
    await this.live();
  }

  connection(): Locator {
    return this.page.getByTestId('connection');
  }

  async live() {
    await expect(this.connection()).toHaveAttribute('data-state', 'live');
  }

  quadrant(q: QuadrantName): Locator {
    return this.page.getByTestId(`quadrant-${q}`);
  }

  items(q: QuadrantName): Locator {
    return this.quadrant(q).getByTestId('swot-item');
  }

  item(q: QuadrantName, text: string): Locator {
    return this.items(q).filter({ hasText: text });
  }

  async addItem(q: QuadrantName, text: string) {
    await this.page.getByLabel(`New item in ${labels[q]}`).fill(text);
    await this.page.getByLabel(`New item in ${labels[q]}`).press('Enter');
    await expect(this.item(q, text)).toBeVisible();
  }

  async editItem(q: QuadrantName, text: string, next: string) {
    await this.item(q, text).getByRole('button', { name: /^Edit:/ }).click();
    const box = this.page.getByLabel('Edit item');
    await box.fill(next);
    await box.press('Enter');
  }

  async moveItem(q: QuadrantName, text: string, to: QuadrantName) {
    await this.item(q, text).getByRole('button', { name: /to another quadrant$/ }).click();
    await this.item(q, text).getByRole('button', { name: labels[to], exact: true }).click();
  }

  async deleteItem(q: QuadrantName, text: string) {
    await this.item(q, text).getByRole('button', { name: /^Delete item/ }).click();
  }

  comments(): Locator {
    return this.page.getByTestId('comment');
  }

  async writeComment(text: string) {
    const box = this.page.getByRole('textbox', { name: 'Write a comment' });
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.getByTestId('comments').getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(this.comments().filter({ hasText: text })).toBeVisible();
  }
}
