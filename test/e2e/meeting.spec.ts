import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { AgendaPage } from './pages/agenda-page.ts';
import { ActivityPage } from './pages/activity-page.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
test.afterAll(async () => stopWebRelay(relay));

/**
 * Issue 17's meeting, two people in Chromium on a real relay: Alice opens a meeting from
 * its template (the agenda first, then the action items), runs the agenda's timer, which
 * Bruno sees move on his phone; she assigns Bruno an action item on the board, and Bruno
 * finds it in "My actions". Then she saves the meeting as her organisation's template.
 */
test('a meeting from its template: the agenda timer seen by both, an action item assigned and listed in its owner’s “My actions”', async ({ browser }) => {
  relay = await startWebRelay();
  const org = await organisation(relay.url);
  const bruno = await person(org.admin, 'Bruno Martin');

  const alice = await signedIn(browser, relay.url, org.alice);
  await alice.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await alice.page.getByRole('link', { name: 'New activity' }).first().click();
  await alice.page.getByLabel('Title', { exact: true }).fill('Monday meeting');
  await alice.page.getByLabel('Precise question', { exact: true }).fill('What do we settle this week?');
  const meeting = alice.page.getByRole('radio', { name: /^Meeting/ });
  await expect(alice.page.getByTestId('template-picker')).toContainText('Meeting Agenda → Action items');
  await meeting.check();
  await alice.page.getByRole('button', { name: 'Create the activity' }).click();
  await expect(alice.page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  const activityId = /#\/activities\/([^/]+)/.exec(alice.page.url())![1]!;
  await org.admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bruno.id, role: 'contributor' });

  // The template's boards, in its order: the agenda, then the action items.
  const agendaBoard = alice.page.getByTestId('agenda-board');
  const actionsBoard = alice.page.getByTestId('action-items-board');
  await expect(agendaBoard).toHaveCount(1);
  await expect(actionsBoard).toHaveCount(1);
  const above = await agendaBoard.evaluate((a, b) => Boolean(a.compareDocumentPosition(b!) & Node.DOCUMENT_POSITION_FOLLOWING), await actionsBoard.elementHandle());
  expect(above).toBe(true);
  await expect(alice.page.getByRole('button', { name: 'Add an agenda', exact: true })).toBeVisible();
  // Every activity holds a SWOT board; a meeting's stays out of sight while empty, with a button beside the others to show it.
  await expect(alice.page.getByTestId('swot-board')).toHaveCount(0);
  await expect(alice.page.getByRole('button', { name: 'Add a SWOT board', exact: true })).toBeVisible();

  const agendaA = new AgendaPage(alice.page);
  await agendaA.addItem('Sales figures', 10, 'Alice Durand');
  await agendaA.addItem('Next steps', 5);
  await alice.page.getByRole('button', { name: 'Start the agenda', exact: true }).click();

  const phone = await signedIn(browser, relay.url, bruno, 'en-GB', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.page.getByRole('heading', { name: 'Activities' }).waitFor();
  // Bruno's phone runs three minutes fast: the timer is read on the relay's clock, so he still sees what Alice sees.
  await phone.context.clock.install({ time: Date.now() + 3 * 60_000 });
  await phone.page.reload();
  await phone.page.getByRole('heading', { name: 'Activities' }).waitFor();
  await new ActivityPage(phone.page).open(relay.url, activityId);
  const agendaB = new AgendaPage(phone.page);
  await expect(agendaB.current()).toHaveText('Sales figures');
  await expect(phone.page.getByTestId('swot-board')).toHaveCount(0);
  await expect(phone.page.getByRole('button', { name: 'Add a SWOT board', exact: true })).toHaveCount(0);
  await expect(agendaB.left()).toHaveText(/^(10:00|9:\d\d) left$/);
  await expect(agendaA.left()).toHaveText(/^(10:00|9:\d\d) left$/);
  await alice.page.getByRole('button', { name: 'Next: Next steps', exact: true }).click();
  await expect(agendaB.current()).toHaveText('Next steps');
  await expect(agendaA.current()).toHaveText('Next steps');
  // A decision and a proposal taken from the first item, recorded by Alice, seen on Bruno's phone under their item.
  const sales = agendaA.item('Sales figures');
  await sales.getByText('Decision from this item', { exact: true }).click();
  const decide = sales.getByRole('form', { name: 'Decision from "Sales figures"' });
  await decide.getByLabel('What was decided or proposed', { exact: true }).fill('Publish the figures every Monday');
  await decide.getByRole('button', { name: 'Record', exact: true }).click();
  await decide.getByLabel('What was decided or proposed', { exact: true }).fill('Add the web shop to the figures');
  await decide.getByLabel('Decided or proposed', { exact: true }).selectOption('proposed');
  await decide.getByRole('button', { name: 'Record', exact: true }).click();
  const taken = agendaB.item('Sales figures').getByTestId('agenda-decision');
  await expect(taken).toHaveCount(2);
  await expect(taken.nth(0)).toHaveText('Decided Publish the figures every Monday');
  await expect(taken.nth(1)).toHaveText('Proposed Add the web shop to the figures');
  // Recording is the facilitator's: Bruno has no form.
  await expect(agendaB.item('Sales figures').getByText('Decision from this item')).toHaveCount(0);
  await sales.getByRole('button', { name: 'Mark decided', exact: true }).click();
  await expect(taken.nth(1)).toHaveAttribute('data-status', 'decided');
  await agendaB.board().screenshot({ path: path.join(screenshots, 'agenda-phone.png') });

  // An action item for Bruno, on the meeting's board.
  await actionsBoard.getByLabel('New action item', { exact: true }).fill('Send the sales figures to the shops');
  // Bruno joined after the activity opened: the owner picker asks for the members again when it is focused.
  const owner = actionsBoard.getByLabel('Owner', { exact: true });
  await owner.focus();
  await expect(owner.getByRole('option', { name: 'Bruno Martin' })).toHaveCount(1);
  await owner.selectOption({ label: 'Bruno Martin' });
  await actionsBoard.getByLabel('Due', { exact: true }).fill('2099-03-15');
  await actionsBoard.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(phone.page.getByTestId('action-item').filter({ hasText: 'Send the sales figures to the shops' })).toBeVisible();

  await phone.page.getByRole('button', { name: 'Menu' }).click();
  await phone.page.getByRole('link', { name: 'My actions', exact: true }).click();
  const mine = phone.page.getByTestId('my-action');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('Send the sales figures to the shops');
  await expect(mine).toContainText('Monday meeting');
  await expect(mine).toContainText('due Mar 15, 2099');
  // And one from the agenda's first item, linked to it.
  const fromAgenda = agendaA.item('Sales figures');
  await fromAgenda.getByText('Action item from this item', { exact: true }).click();
  const assign = fromAgenda.getByRole('form', { name: 'Action item from "Sales figures"' });
  await assign.getByLabel('New action item', { exact: true }).fill('Call the Lille shop');
  await assign.getByLabel('Owner', { exact: true }).selectOption({ label: 'Bruno Martin' });
  await assign.getByLabel('Due', { exact: true }).fill('2099-03-16');
  await assign.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(actionsBoard.getByTestId('action-item').filter({ hasText: 'Call the Lille shop' })).toContainText('from a board item');
  await phone.page.reload();
  await expect(mine).toHaveCount(2);
  await expect(mine.nth(1)).toContainText('Call the Lille shop');
  const fits = await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);

  // Saved as the organisation's template, it is offered for the next activity with its agenda.
  await alice.page.getByText('Save as template', { exact: true }).click();
  await alice.page.getByLabel('Template name', { exact: true }).fill('Weekly meeting');
  await alice.page.getByRole('button', { name: 'Save template', exact: true }).click();
  await expect(alice.page.getByRole('status').filter({ hasText: 'Saved as the template "Weekly meeting" for your organisation.' })).toBeVisible();
  await alice.page.goto(`${relay.url}/#/activities/new`);
  await expect(alice.page.getByRole('radio', { name: /^Weekly meeting/ })).toBeVisible();
  await alice.page.screenshot({ path: path.join(screenshots, 'new-activity-templates.png'), fullPage: true });

  // Alice shows the meeting's SWOT board: it is there for Bruno too, still empty.
  await new ActivityPage(alice.page).open(relay.url, activityId);
  await alice.page.getByRole('button', { name: 'Add a SWOT board', exact: true }).click();
  await expect(alice.page.getByTestId('swot-board')).toBeVisible();
  await expect(alice.page.getByRole('button', { name: 'Add a SWOT board', exact: true })).toHaveCount(0);
  await new ActivityPage(phone.page).open(relay.url, activityId);
  await expect(phone.page.getByTestId('swot-board')).toHaveAttribute('data-total', '0');

  await alice.context.close();
  await phone.context.close();
});
