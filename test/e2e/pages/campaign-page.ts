import { expect, type Locator, type Page } from '@playwright/test';

/** A published idea box's public page (server/campaigns/page.ts), as a stranger or a participant uses it, in French. */
export class CampaignPage {
  constructor(readonly page: Page) {}

  get status(): Locator {
    return this.page.locator('#notice');
  }

  get join(): Locator {
    return this.page.getByRole('region', { name: 'Participer' });
  }

  get propose(): Locator {
    return this.page.getByRole('region', { name: 'Proposer une idée' });
  }

  idea(title: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title, level: 2 }) });
  }

  async open(base: string, slug: string) {
    await this.page.goto(`${base}/ideas/${slug}`);
  }

  async signUp(name: string, email: string, password: string) {
    const form = this.join.getByRole('form', { name: 'M’inscrire' });
    await form.getByLabel('Votre nom').fill(name);
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Mot de passe').fill(password);
    await form.getByLabel('Afficher mon nom avec mes idées et mes commentaires, et au palmarès').check();
    await form.getByRole('button', { name: 'M’inscrire' }).click();
  }

  async proposeIdea(title: string, text: string, rubric: string, photo: { name: string; mimeType: string; buffer: Buffer }) {
    await this.propose.getByLabel('Titre').fill(title);
    await this.propose.getByLabel('Votre idée').fill(text);
    await this.propose.getByLabel('Rubrique').selectOption(rubric);
    await this.propose.getByLabel('Photo (facultative)').setInputFiles(photo);
    await this.propose.getByRole('button', { name: 'Proposer' }).click();
  }

  async signIn(email: string, password: string) {
    await this.join.getByText('Déjà inscrit ? Connectez-vous').click();
    const form = this.join.getByRole('form', { name: 'Me connecter' });
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Mot de passe').fill(password);
    await form.getByRole('button', { name: 'Me connecter' }).click();
  }

  /** The idea's comment section (the relay's latest three, then what the script adds). */
  comments(title: string): Locator {
    return this.idea(title).locator('section.comments');
  }

  comment(title: string, text: string): Locator {
    return this.comments(title).getByRole('listitem').filter({ hasText: text });
  }

  async writeComment(title: string, text: string) {
    const comments = this.comments(title);
    await comments.getByRole('button', { name: 'Commenter' }).click();
    const form = comments.getByRole('form', { name: 'Votre commentaire' });
    await form.getByLabel('Votre commentaire').fill(text);
    await form.getByRole('button', { name: 'Envoyer' }).click();
  }

  async vote(title: string) {
    const idea = this.idea(title);
    await idea.getByRole('button', { name: 'Voter' }).click();
    await expect(idea.getByRole('button', { name: 'Voté ✓ (retirer)' })).toBeVisible();
  }
}
