import type { Locator, Page } from '@playwright/test';

/** An agenda on the activity screen, as a person uses it; `fr` for the French labels. */
export class AgendaPage {
  constructor(readonly page: Page, readonly fr = false) {}

  board(): Locator {
    return this.page.getByTestId('agenda-board');
  }

  item(text: string): Locator {
    return this.board().getByTestId('agenda-item').filter({ hasText: text });
  }

  current(): Locator {
    return this.board().getByTestId('agenda-current');
  }

  left(): Locator {
    return this.board().getByTestId('agenda-left');
  }

  async addItem(text: string, minutes: number, presenter = '') {
    await this.page.getByLabel(this.fr ? 'Nouveau point' : 'New agenda item', { exact: true }).fill(text);
    await this.page.getByLabel(this.fr ? 'Durée prévue en minutes' : 'Time box in minutes', { exact: true }).fill(String(minutes));
    if (presenter) await this.page.getByLabel(this.fr ? 'Intervenant (facultatif)' : 'Presenter (optional)', { exact: true }).fill(presenter);
    await this.page.getByRole('button', { name: this.fr ? 'Ajouter le point' : 'Add item', exact: true }).click();
    await this.item(text).waitFor();
  }
}
