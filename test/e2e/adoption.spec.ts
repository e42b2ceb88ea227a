import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import type { RelayProcess } from '../support/relay.ts';
import { axeOn } from './support/axe.ts';
import { frenchWorld } from './support/french-world.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * Issue 13 (adoptable tomorrow): refusals shown where they happen in the person's
 * language, every main screen at phone size, and axe-core (its own axe.min.js, injected)
 * on every main screen in both languages at both sizes.
 */
let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
});
test.afterAll(async () => stopWebRelay(relay));

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

test('finding 1: a Delphi estimate sent without its reason is refused under the field, in French, announced, and the value stays', async ({ browser }) => {
  const bruno = await person(org.admin, 'Bruno Lefèvre');
  const { id } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Ventes 2027', question: 'Combien vendrons-nous à Lyon en 2027 ?' });
  await org.admin.ok('POST', `/api/activities/${id}/members`, { userId: bruno.id, role: 'contributor' });
  const question = 'Quel chiffre d’affaires la première année ?';
  await org.admin.ok('POST', `/api/activities/${id}/polls`, { kind: 'estimate', quantity: 'CA', unit: 'k€', rule: 'median', question, deadline: inADay() });

  const { context, page } = await signedIn(browser, relay!.url, bruno, 'fr-FR');
  await page.getByRole('heading', { name: 'Activités' }).waitFor();
  await page.goto(`${relay!.url}/#/activities/${id}/decide`);
  const card = page.getByRole('article', { name: question });
  await card.getByLabel('Votre estimation (k€)').fill('850');
  await card.getByRole('button', { name: 'Envoyer' }).click();

  const reason = card.getByLabel('Raison');
  await expect(card.getByRole('alert')).toHaveText('Indiquez la raison de votre estimation.');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription('Indiquez la raison de votre estimation.');
  await expect(card.getByLabel('Votre estimation (k€)')).toHaveValue('850');
  await expect(card.getByTestId('participation')).toContainText('0 sur');

  await reason.fill('Comme Bordeaux la première année.');
  await card.getByRole('button', { name: 'Envoyer' }).click();
  await expect(card.getByTestId('participation')).toContainText('Bruno Lefèvre');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(screenshots, 'adoption-estimate-fr-phone.png'), fullPage: true });
  await context.close();
});

const sizes = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

test('every main screen, in French and English, at 1366 and at 390 px: no horizontal scroll, axe finds nothing serious or critical', async ({ browser }) => {
  test.setTimeout(300_000);
  const world = await frenchWorld(relay!.url, org.admin);
  /** An app screen (`hash`), or a page the relay writes itself (`path`, its first heading `heading`). */
  type Screen = { name: string; hash?: string; path?: string; heading?: string; ready?: (p: Page) => Promise<void> };
  const screens: Screen[] = [
    { name: 'activities', hash: '#/activities' },
    { name: 'new-activity', hash: '#/activities/new' },
    { name: 'activity', hash: `#/activities/${world.activityId}`, ready: (p: Page) => expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'live') },
    { name: 'decide', hash: `#/activities/${world.activityId}/decide`, ready: (p: Page) => expect(p.getByTestId('decision-record')).toBeVisible() },
    { name: 'history', hash: `#/activities/${world.activityId}/history`, ready: (p: Page) => expect(p.getByTestId('history').locator('li').first()).toBeVisible() },
    { name: 'members', hash: `#/activities/${world.activityId}/members` },
    { name: 'files', hash: `#/activities/${world.activityId}/files`, ready: (p: Page) => expect(p.getByText('ventes-lyon.csv').first()).toBeVisible() },
    { name: 'my-actions', hash: '#/actions', ready: (p: Page) => expect(p.getByText('Visiter trois locaux').first()).toBeVisible() },
    { name: 'groups', hash: '#/groups' },
    { name: 'meeting', hash: `#/activities/${world.meetingId}`, ready: (p: Page) => expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'live') },
    // The public campaign's page, written by the relay for anyone (no app around it).
    { name: 'campaign', path: `ideas/${world.campaignSlug}`, heading: 'h1', ready: (p: Page) => expect(p.getByText('Des bancs près des cabines').first()).toBeVisible() },
    { name: 'figures', hash: '#/figures' },
    { name: 'figure', hash: `#/figures/${world.figureId}` },
    { name: 'idea-boxes', hash: '#/ideas' },
    { name: 'idea-box', hash: `#/ideas/${world.boxId}` },
    { name: 'idea', hash: `#/ideas/${world.boxId}/idea/${world.ideaId}`, ready: (p: Page) => expect(p.getByTestId('idea-comment').first()).toBeVisible() },
    { name: 'sms-outbox', hash: '#/sms', ready: (p: Page) => expect(p.locator('tr.sms-row').first()).toBeVisible() },
    { name: 'sms-consent', hash: '#/sms/people' },
    { name: 'sms-replies', hash: '#/sms/replies' },
    { name: 'sms-provider', hash: '#/sms/provider' },
    { name: 'profile', hash: '#/profile' },
    { name: 'people', hash: '#/people' },
    { name: 'organization', hash: '#/organization', ready: (p: Page) => expect(p.getByRole('heading', { level: 2 }).last()).toBeVisible() },
  ];
  const problems: string[] = [];
  const axeCounts: Record<string, number> = {};
  for (const locale of ['fr-FR', 'en-GB']) {
    const lang = locale.slice(0, 2);
    const { context, page } = await signedIn(browser, relay!.url, org.alice, locale, { bypassCSP: true });
    await page.locator('main h1').first().waitFor();
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const screen of screens) {
        const where = `${screen.name} ${lang} ${size.name}`;
        await page.goto(`${relay!.url}/${screen.path ? `${screen.path}?lang=${lang}` : screen.hash}`);
        await page.locator(screen.heading ?? 'main h1').first().waitFor();
        await expect(page.getByText(/^(Loading…|Chargement…)$/)).toHaveCount(0);
        await screen.ready?.(page);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
        if (scrollWidth > clientWidth) problems.push(`${where}: ${scrollWidth} px wide in ${clientWidth}`);
        const violations = await axeOn(page);
        axeCounts[where] = violations.reduce((n, v) => n + v.nodes.length, 0);
        for (const v of violations) problems.push(`${where}: axe ${v.impact} ${v.id} ×${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`);
        if (size.name === 'phone') await page.screenshot({ path: path.join(screenshots, `adoption-${screen.name}-${lang}-phone.png`), fullPage: true });
      }
    }
    await context.close();
  }
  console.log(`axe serious+critical nodes: ${Object.values(axeCounts).reduce((a, b) => a + b, 0)} over ${Object.keys(axeCounts).length} screen views`);
  expect(problems).toEqual([]);
});
