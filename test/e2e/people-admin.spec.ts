import { expect, test } from '@playwright/test';
import path from 'node:path';
import type { RelayProcess } from '../support/relay.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * The administrator's People and Groups screens in Chromium against a real relay: correct
 * a person's name and phone (a bad number refused under the field), disable and enable
 * with a confirmation saying what it does; build a group, rename it, add and remove
 * people; a facilitator sees who is in a group before inviting it.
 */
let relay: RelayProcess | undefined;
let org: Awaited<ReturnType<typeof organisation>>;
const phone = { width: 390, height: 844 };
const shot = (name: string) => ({ path: path.join(screenshots, `people-admin-${name}.png`), fullPage: true });

test.beforeAll(async () => {
  relay = await startWebRelay();
  org = await organisation(relay.url);
});
test.afterAll(async () => stopWebRelay(relay));

test('an administrator corrects a name and a phone number, and disables then enables a person after saying what it does', async ({ browser }) => {
  const bruno = await person(org.admin, 'Bruno Petit');
  const { page } = await signedIn(browser, relay!.url, org.alice);
  await page.setViewportSize(phone);
  await page.goto(`${relay!.url}/#/people`);
  const people = page.getByRole('region', { name: 'People' });
  const row = people.getByRole('listitem', { name: 'Bruno Petit', exact: true });
  await row.getByRole('button', { name: 'Edit Bruno Petit', exact: true }).click();
  const form = row.getByRole('form', { name: 'Edit Bruno Petit', exact: true });
  await form.getByLabel('Name').fill('Bruno Petit-Jean');
  await form.getByLabel('Mobile phone (optional)').fill('123');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('“123” is not a valid phone number in FR.');
  await page.screenshot(shot('edit-refused-en-phone'));
  // Nothing was saved by the refused form.
  expect((await bruno.api.ok<{ name: string; phone: string | null }>('GET', '/api/me')).name).toBe('Bruno Petit');
  await form.getByLabel('Mobile phone (optional)').fill('06 12 34 56 78');
  await form.getByRole('button', { name: 'Save' }).click();
  const renamed = people.getByRole('listitem', { name: 'Bruno Petit-Jean', exact: true });
  await expect(renamed.getByRole('status')).toHaveText('Saved.');
  await expect(renamed.getByText('+33612345678')).toBeVisible();
  const saved = await bruno.api.ok<{ name: string; phone: string | null }>('GET', '/api/me');
  expect(saved).toMatchObject({ name: 'Bruno Petit-Jean', phone: '+33612345678' });

  // Disabling asks first, saying what it does; declining changes nothing.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await renamed.getByRole('button', { name: 'Disable', exact: true }).click();
  expect(asked).toContain('Disable Bruno Petit-Jean? Their sessions end');
  await expect(renamed.getByText('disabled', { exact: true })).toHaveCount(0);
  await bruno.api.ok('GET', '/api/me');
  page.once('dialog', (d) => void d.accept());
  await renamed.getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(renamed.getByText('disabled', { exact: true })).toBeVisible();
  expect((await fetch(`${relay!.url}/api/me`, { headers: { authorization: `Bearer ${bruno.api.token}` } })).status).toBe(401);
  await page.screenshot(shot('disabled-en-phone'));
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await renamed.getByRole('button', { name: 'Enable', exact: true }).click();
  expect(asked).toContain('Enable Bruno Petit-Jean?');
  await expect(renamed.getByText('disabled', { exact: true })).toHaveCount(0);

  // Search by name, e-mail or number.
  await people.getByLabel('Search people').fill('0612345678');
  await expect(people.getByRole('listitem')).toHaveCount(1);
  await expect(people.getByRole('listitem', { name: 'Bruno Petit-Jean', exact: true })).toBeVisible();
});

test('an administrator builds a group, adds and removes one person, renames it and deletes it after saying what it does', async ({ browser }) => {
  const dora = await person(org.admin, 'Dora Vidal');
  const emil = await person(org.admin, 'Emil Roche');
  const { page } = await signedIn(browser, relay!.url, org.alice);
  await page.goto(`${relay!.url}/#/people`);
  await page.getByRole('navigation').getByRole('link', { name: 'Groups', exact: true }).click();
  const create = page.getByRole('form', { name: 'New group', exact: true });
  await create.getByLabel('Group name').fill('Lyon team');
  await create.getByRole('button', { name: 'Create the group' }).click();
  await expect(create.getByRole('status')).toHaveText('Group Lyon team created.');
  const groups = page.getByRole('region', { name: 'Groups', exact: true });
  const card = groups.getByRole('listitem', { name: 'Lyon team', exact: true });
  await expect(card.getByText('0 members')).toBeVisible();

  await card.getByRole('button', { name: 'Show members' }).click();
  await expect(card.getByText('Nobody in this group yet.')).toBeVisible();
  const add = card.getByRole('form', { name: 'Add to Lyon team', exact: true });
  await add.getByLabel('Add to Lyon team').selectOption({ label: 'Dora Vidal' });
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  const members = card.getByRole('list', { name: 'Members of Lyon team' });
  // The form starts again once the first person is in (under load, a choice made before then is reset).
  await expect(members.getByRole('listitem')).toHaveText([/Dora Vidal/]);
  await add.getByLabel('Add to Lyon team').selectOption({ label: 'Emil Roche' });
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(members.getByRole('listitem')).toHaveText([/Dora Vidal/, /Emil Roche/]);
  await expect(card.getByText('2 members')).toBeVisible();
  // Someone already in the group is not offered again.
  await expect(add.getByRole('option', { name: 'Dora Vidal' })).toHaveCount(0);

  await members.getByRole('button', { name: 'Remove Dora Vidal from Lyon team' }).click();
  await expect(members.getByRole('listitem')).toHaveText([/Emil Roche/]);
  const group = (await org.admin.ok<{ groups: { id: string; name: string; members: string[] }[] }>('GET', '/api/groups')).groups.find((g) => g.name === 'Lyon team');
  expect(group?.members).toEqual([emil.id]);
  expect(dora.id).not.toBe(emil.id);

  await card.getByRole('button', { name: 'Rename' }).click();
  const rename = card.getByRole('form', { name: 'New name of Lyon team' });
  await rename.getByLabel('New name of Lyon team').fill('Lyon office');
  await rename.getByRole('button', { name: 'Save the name' }).click();
  const renamed = groups.getByRole('listitem', { name: 'Lyon office', exact: true });
  await expect(renamed).toBeVisible();
  await page.screenshot(shot('groups-en'));

  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await renamed.getByRole('button', { name: 'Delete Lyon office' }).click();
  expect(asked).toContain('Delete the group Lyon office?');
  await expect(renamed).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await renamed.getByRole('button', { name: 'Delete Lyon office' }).click();
  await expect(renamed).toHaveCount(0);
  expect((await org.admin.ok<{ groups: { name: string }[] }>('GET', '/api/groups')).groups.map((g) => g.name)).not.toContain('Lyon office');
});

test('a facilitator sees who is in a group before inviting it, then who takes part with the role that counts and where it comes from', async ({ browser }) => {
  const gina = await person(org.admin, 'Gina Blanc');
  const hugo = await person(org.admin, 'Hugo Marin');
  await org.admin.ok('POST', '/api/groups', { name: 'Buyers', members: [hugo.id, gina.id] });
  await org.admin.ok('POST', '/api/groups', { name: 'Nobody yet' });
  const { id: activity } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Suppliers', question: 'Which supplier for 2027?' });
  await org.admin.ok('POST', `/api/activities/${activity}/members`, { userId: hugo.id, role: 'viewer' });
  const { page } = await signedIn(browser, relay!.url, org.alice);
  await page.goto(`${relay!.url}/#/activities/${activity}/members`);
  const invite = page.getByRole('form', { name: 'Invite', exact: true });
  await invite.getByRole('combobox', { name: 'Person or group' }).selectOption({ label: 'Nobody yet' });
  await expect(invite.getByRole('status')).toHaveText('This group has nobody in it.');
  await invite.getByRole('combobox', { name: 'Person or group' }).selectOption({ label: 'Buyers' });
  await expect(invite.getByRole('status')).toHaveText('In this group: Gina Blanc, Hugo Marin');
  await invite.getByRole('combobox', { name: 'Role' }).selectOption('contributor');
  await invite.getByRole('button', { name: 'Invite' }).click();

  const taking = page.getByRole('list', { name: 'Who takes part' });
  const ginaRow = taking.getByRole('listitem', { name: 'Gina Blanc', exact: true });
  await expect(ginaRow).toContainText('Contributor');
  await expect(ginaRow).toContainText('through the group Buyers');
  const hugoRow = taking.getByRole('listitem', { name: 'Hugo Marin', exact: true });
  await expect(hugoRow).toContainText('Viewer');
  await expect(hugoRow).toContainText('named directly · Buyers would give Contributor; the role given directly wins');
  await expect(taking.getByRole('listitem', { name: 'Alice Durand', exact: true })).toContainText('Facilitator');
  await page.screenshot(shot('effective-roles-en'));

  // Taking Hugo's direct role away leaves him the group's.
  await page.getByRole('button', { name: 'Remove Hugo Marin' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(hugoRow).toContainText('through the group Buyers');
  await expect(hugoRow).toContainText('Contributor');
});
