import type { Locator, Page } from '@playwright/test';

export type PriorityQuadrantName = 'quickWins' | 'majorProjects' | 'fillIns' | 'thanklessTasks';

/** Prioritisation 2×2 boards, as a person uses them (English labels). */
export class PrioritisationPage {
  constructor(readonly page: Page) {}

  boards(): Locator {
    return this.page.getByTestId('prioritisation-board');
  }

  async addBoard() {
    await this.page.getByRole('button', { name: 'Add a prioritisation 2×2', exact: true }).click();
  }

  async addItem(text: string) {
    await this.boards().getByLabel('New item to prioritise', { exact: true }).fill(text);
    await this.boards().getByRole('button', { name: 'Add', exact: true }).click();
  }

  /** The item's button on the plot (its name says where it is). */
  marker(text: string): Locator {
    return this.page.getByTestId('prioritisation-marker').filter({ hasText: text });
  }

  list(q: PriorityQuadrantName): Locator {
    return this.page.getByTestId(`prioritisation-${q}`);
  }
}
