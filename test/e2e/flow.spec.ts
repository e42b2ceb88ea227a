import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Api } from '../support/api.ts';
import type { RelayProcess } from '../support/relay.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay, type Person } from './support/web-relay.ts';

/**
 * Issue 13, findings 5, 6, 8, 9 and 10 as a newcomer meets them: what needs me, polls
 * that neither lean nor puzzle, the complete decision record, deletions that can be
 * undone and irreversible actions that say what they do, daily figures for controllers.
 * One relay for the file; each test builds its own activity.
 */
let relay: RelayProcess;
let admin: Api;
const members: (Person & { api: Api })[] = [];

test.beforeAll(async () => {
  relay = await startWebRelay();
  const org = await organisation(relay.url);
  admin = org.admin;
  for (const name of ['Bruno Martin', 'Chloé Petit', 'Driss Amrani']) members.push(await person(admin, name));
});
test.afterAll(async () => stopWebRelay(relay));

async function activity(title: string, question: string) {
  const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title, question });
  for (const m of members) await admin.ok('POST', `/api/activities/${id}/members`, { userId: m.id, role: 'contributor' });
  return id;
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

test('finding 8: the decision record keeps every Delphi round, who took part, and the organisation', async ({ browser }) => {
  const question = 'What will the new store sell in its first year?';
  const activityId = await activity('First-year sales', question);
  const { id: pollId } = await admin.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
    kind: 'estimate', question, quantity: 'first-year sales', unit: 'k€', rule: 'median', deadline: inAnHour(),
  });
  await members[0]!.api.ok('POST', `/api/polls/${pollId}/votes`, { value: 600, reason: 'like Lyon' });
  await members[1]!.api.ok('POST', `/api/polls/${pollId}/votes`, { value: 840, reason: 'a busy street' });
  await admin.ok('POST', `/api/polls/${pollId}/reveal`);
  await admin.ok('POST', `/api/polls/${pollId}/rounds`, { deadline: inAnHour() });
  await admin.ok('POST', `/api/activities/${activityId}/decision`, { outcome: 'We plan on 720 k€.', rationale: 'Round one said so.' });

  for (const locale of ['en-GB', 'fr-FR']) {
    const { context, page } = await signedIn(browser, relay.url, members[2]!, locale);
    await page.goto(`${relay.url}/#/activities/${activityId}/decide`);
    const record = page.getByTestId('decision-record');
    await expect(record).toContainText('Maison Durand');
    const rounds = record.getByTestId('recorded-round');
    await expect(rounds).toHaveCount(2);
    await expect(rounds.first()).toContainText(locale === 'en-GB' ? '2 of 4 took part' : '2 sur 4 ont participé');
    await expect(rounds.first()).toContainText('median 720');
    await shoot(page, `flow-record-${locale}`);
    await context.close();
  }
});
