import { expect, type Locator, type Page } from '@playwright/test';

export interface PhotoFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The idea box screens, as a person uses them (English labels). */
export class IdeaBoxPage {
  constructor(readonly page: Page) {}

  async open(base: string, boxId: string) {
    await this.page.goto(`${base}/#/ideas/${boxId}`);
    await expect(this.page.getByTestId('idea-counts')).toBeVisible();
  }

  form(): Locator {
    return this.page.getByRole('form', { name: 'Your idea' });
  }

  async startProposing() {
    await this.page.getByRole('button', { name: 'Propose an idea' }).click();
    await expect(this.form()).toBeVisible();
  }

  async fillIdea(idea: { title: string; text: string; category: string; photo?: PhotoFile }) {
    const form = this.form();
    await form.getByLabel('Title', { exact: true }).fill(idea.title);
    await form.getByLabel('What would you do?', { exact: true }).fill(idea.text);
    await form.getByRole('combobox', { name: 'Category' }).selectOption(idea.category);
    if (idea.photo) await form.getByLabel('Photo (optional)').setInputFiles(idea.photo);
  }

  async submit() {
    await this.form().getByRole('button', { name: 'Submit the idea' }).click();
  }

  similar(): Locator {
    return this.form().getByRole('status', { name: /Similar ideas already proposed/ });
  }

  ideas(): Locator {
    return this.page.getByTestId('idea');
  }

  idea(title: string): Locator {
    return this.ideas().filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  voteButton(title: string): Locator {
    return this.idea(title).getByRole('button', { name: new RegExp(`(Vote for|Withdraw my vote for) "${title}"`) });
  }

  notices(): Locator {
    return this.page.getByTestId('idea-notice');
  }
}

/** One idea's screen, with the facilitator's answer form. */
export class IdeaPage {
  constructor(readonly page: Page) {}

  async open(base: string, boxId: string, ideaId: string) {
    await this.page.goto(`${base}/#/ideas/${boxId}/idea/${ideaId}`);
    await expect(this.page.locator('#idea-title')).toBeVisible();
  }

  status(): Locator {
    return this.page.locator('.idea-detail-head').getByTestId('idea-status');
  }

  photo(): Locator {
    return this.page.getByRole('img', { name: /^Photo of the idea/ });
  }

  async answer(status: string, reason: string) {
    const form = this.page.getByRole('form', { name: 'Answer this idea' });
    await form.getByRole('combobox', { name: 'New status' }).selectOption({ label: status });
    await form.getByLabel('Reason', { exact: true }).fill(reason);
    await form.getByRole('button', { name: 'Send the answer' }).click();
  }
}
