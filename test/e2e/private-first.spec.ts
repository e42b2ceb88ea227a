import path from 'node:path';
import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import type { RelayProcess } from '../support/relay.ts';
import { connectClient, waitFor } from '../support/sync-client.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { PrivateFirstPage } from './pages/private-first-page.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
let bruno: Awaited<ReturnType<typeof person>>;
let chloe: Awaited<ReturnType<typeof person>>;
test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
  bruno = await person(org.admin, 'Bruno Martin');
  chloe = await person(org.admin, 'Chloé Petit');
});
test.afterAll(async () => stopWebRelay(relay));

/** An activity with Bruno and Chloé as contributors (Alice facilitates). */
async function activity(title: string) {
  const { id } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title, question: 'Where do we stand before the spring season?' });
  for (const p of [bruno, chloe]) await org.admin.ok('POST', `/api/activities/${id}/members`, { userId: p.id, role: 'contributor' });
  return id;
}

const brunos = [
  { quadrant: 'strengths', text: 'Loyal customers in Lyon' },
  { quadrant: 'weaknesses', text: 'Deliveries take four days' },
] as const;
const chloes = [{ quadrant: 'opportunities', text: 'A new mall opens in Lille' }] as const;
const allTexts = [...brunos, ...chloes].map((e) => e.text);

test('private first: members write alone, sealed on the relay and out of the shared document, until the facilitator reveals and puts them on the board', async ({ browser }) => {
  if (!relay) throw new Error('no relay');
  const activityId = await activity('Spring plan');
  // What every client of the activity receives: the relay's copy of the shared document.
  const observer = await connectClient(org.admin, activityId, new Y.Doc());
  const sharedText = () => JSON.stringify(observer.doc.getMap('methods').toJSON());

  const people = [await signedIn(browser, relay.url, org.alice), await signedIn(browser, relay.url, bruno), await signedIn(browser, relay.url, chloe)];
  for (const p of people) await p.page.getByRole('heading', { name: 'Activities' }).waitFor();
  const [alice, bob, cleo] = people.map((p) => ({ board: new ActivityPage(p.page), round: new PrivateFirstPage(p.page) }));
  for (const p of [alice!, bob!, cleo!]) await p.board.open(relay.url, activityId);

  // Members see no round until the facilitator starts one.
  await expect(bob!.round.panel()).toHaveCount(0);
  await alice!.round.start();
  await expect(bob!.round.participation()).toHaveText('0 of 3 have written their entries', { timeout: 15_000 });
  await expect(cleo!.round.participation()).toBeVisible({ timeout: 15_000 });

  await bob!.round.writeAndSend([...brunos]);
  await cleo!.round.writeAndSend([...chloes]);

  // Everyone sees who has taken part, not what.
  for (const p of [alice!, bob!, cleo!]) {
    await expect(p.round.participation()).toHaveText('2 of 3 have written their entries: Bruno Martin, Chloé Petit', { timeout: 15_000 });
  }
  for (const text of brunos.map((e) => e.text)) {
    await expect(cleo!.board.page.locator('body')).not.toContainText(text);
    await expect(alice!.board.page.locator('body')).not.toContainText(text);
  }
  for (const text of chloes.map((e) => e.text)) {
    await expect(bob!.board.page.locator('body')).not.toContainText(text);
    await expect(alice!.board.page.locator('body')).not.toContainText(text);
  }
  for (const p of [alice!, bob!, cleo!]) await expect(p.board.page.getByTestId('swot-item')).toHaveCount(0);
  // Nor does any copy of the shared document hold them: the relay's, and each page's own.
  await waitFor(() => observer.provider.synced, 10_000, 'the observer to sync');
  const docs = [sharedText(), ...(await Promise.all([alice!, bob!, cleo!].map((p) => p.round.localDocText())))];
  for (const text of allTexts) for (const doc of docs) expect(doc).not.toContain(text);
  await bob!.board.page.screenshot({ path: path.join(screenshots, 'private-first-sealed.png'), fullPage: true });

  await alice!.round.reveal();
  await expect(alice!.round.revealed()).toContainText('Revealed: 3 entries from 2 people');
  await expect(alice!.round.revealed()).toContainText('Loyal customers in Lyonby Bruno Martin');
  await expect(bob!.round.revealed()).toContainText('A new mall opens in Lilleby Chloé Petit', { timeout: 15_000 });
  await alice!.round.putOnBoard();
  await expect(alice!.round.revealed().getByRole('status')).toHaveText('3 entries put on the board.');

  // On the board now, with their authors, for everyone — and in the shared document.
  for (const p of [alice!, bob!, cleo!]) {
    for (const e of brunos) await expect(p.board.item(e.quadrant, e.text)).toContainText('by Bruno Martin');
    for (const e of chloes) await expect(p.board.item(e.quadrant, e.text)).toContainText('by Chloé Petit');
  }
  await waitFor(() => allTexts.every((text) => sharedText().includes(text)), 10_000, 'the entries in the shared document');
  // Once on the board, the revealed list folds away.
  await expect(bob!.round.revealed()).toContainText('All 3 entries are on the board.');
  // The same readings that found nothing before find them now (the checks above can fail).
  for (const p of [bob!, cleo!]) {
    await expect.poll(async () => { const local = await p.round.localDocText(); return allTexts.every((text) => local.includes(text)); }, { timeout: 15_000 }).toBe(true);
  }

  // Putting them again adds nothing.
  await alice!.round.putOnBoard();
  await expect(alice!.round.revealed().getByRole('status')).toHaveText('They are all on the board already.');
  await expect(alice!.board.page.getByTestId('swot-item')).toHaveCount(3);
  await cleo!.board.page.screenshot({ path: path.join(screenshots, 'private-first-on-board.png'), fullPage: true });

  observer.destroy();
  for (const p of people) await p.context.close();
});

test('an anonymous private-first round puts its entries on the board without their authors', async ({ browser }) => {
  if (!relay) throw new Error('no relay');
  const activityId = await activity('Autumn plan');
  const facilitator = await signedIn(browser, relay.url, org.alice);
  const member = await signedIn(browser, relay.url, bruno);
  const alice = { board: new ActivityPage(facilitator.page), round: new PrivateFirstPage(facilitator.page) };
  const bob = { board: new ActivityPage(member.page), round: new PrivateFirstPage(member.page) };
  for (const p of [alice, bob]) {
    await p.board.page.getByRole('heading', { name: 'Activities' }).waitFor();
    await p.board.open(relay.url, activityId);
  }
  await alice.round.start({ anonymous: true });
  await expect(bob.round.participation()).toBeVisible({ timeout: 15_000 });
  await bob.round.writeAndSend([{ quadrant: 'threats', text: 'Rents go up in town' }], 'This round is anonymous');
  // Chloé writes the same threat through the API: it is counted once, by two people.
  const { polls } = await chloe.api.ok<{ polls: { id: string }[] }>('GET', `/api/activities/${activityId}/polls`);
  await chloe.api.ok('POST', `/api/polls/${polls[0]!.id}/votes`, { entries: [{ column: 'threats', text: 'rents go up in  town' }] });
  // An anonymous round is revealed by hand only from three ballots: Alice writes too.
  await org.admin.ok('POST', `/api/polls/${polls[0]!.id}/votes`, { entries: [{ column: 'opportunities', text: 'A market hall downtown' }] });
  await expect(alice.round.participation()).toHaveText('3 of 3 have written their entries: Alice Durand, Bruno Martin, Chloé Petit', {
    timeout: 15_000,
  });

  await alice.round.reveal();
  await expect(alice.round.revealed()).toContainText('Rents go up in townby Anonymous (×2)');
  await alice.round.putOnBoard();
  for (const p of [alice, bob]) {
    await expect(p.board.item('threats', 'Rents go up in town')).toContainText('by Anonymous (×2)');
    await expect(p.board.items('threats')).toHaveCount(1);
    await expect(p.board.quadrant('threats')).not.toContainText('Bruno');
  }
  await facilitator.context.close();
  await member.context.close();
});
