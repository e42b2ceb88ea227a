import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { RelayProcess } from '../support/relay.ts';
import { axeOn } from './support/axe.ts';
import { englishIn, englishStrings, formatsIn, overflow, readable } from './support/english-strings.ts';
import { organisation, person, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * Issue 13's "done when": a French committee of eight, half on their phones, runs a decision
 * from invitation to acknowledgement. Alice opens the activity from a template, invites the
 * committee's group, opens a sealed poll; each member finds the vote in « Pour moi », votes,
 * then acknowledges the published decision from there. Every screen someone reads — four on
 * a laptop at 1366 px, four on a phone at 390 px — meets no English string from the
 * dictionaries nor English punctuation or numbers, has no horizontal scroll, and axe finds nothing serious or critical on it.
 */
let relay: RelayProcess | undefined;
test.afterAll(async () => stopWebRelay(relay));

const laptop = { viewport: { width: 1366, height: 900 }, bypassCSP: true };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true };
/** The seven members besides Alice, their device and their vote. */
const committee = [
  { name: 'Bruno Lefèvre', device: laptop, vote: 'Lyon' },
  { name: 'Chloé Bernard', device: laptop, vote: 'Lyon' },
  { name: 'David Moreau', device: laptop, vote: 'Lille' },
  { name: 'Manon Roux', device: phone, vote: 'Lyon' },
  { name: 'François Petit', device: phone, vote: 'Nantes' },
  { name: 'Gaëlle Fournier', device: phone, vote: 'Lille' },
  { name: 'Hugo Girard', device: phone, vote: 'Lyon' },
] as const;

/** The innermost elements reaching past the window's right edge (what makes it scroll sideways). */
const pastTheEdge = (page: Page) =>
  page.evaluate(() => {
    const past = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5);
    const innermost = past.filter((el) => !past.some((other) => other !== el && el.contains(other)));
    return innermost.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').slice(0, 40)}"`).join(', ');
  });

test('a French committee of eight, half on their phones, runs a decision from invitation to acknowledgement: no English, no sideways scroll, nothing serious for axe', async ({ browser }) => {
  test.setTimeout(300_000);
  relay = await startWebRelay();
  const base = relay.url;
  const org = await organisation(base);
  const members = [];
  for (const m of committee) members.push({ ...m, ...(await person(org.admin, m.name)) });
  await org.admin.ok('POST', '/api/groups', { name: 'Comité de direction', members: members.map((m) => m.id) });

  const english = englishStrings();
  const met: string[] = [];
  /** What a person reads on this screen: English words or ways of writing, a sideways scroll, axe's serious findings. */
  const check = async (page: Page, screen: string) => {
    const text = await readable(page);
    met.push(...englishIn(screen, text, english), ...formatsIn(screen, text));
    const wide = await overflow(page);
    if (wide > 0) met.push(`${screen}: ${wide} px of horizontal scroll, past the edge: ${await pastTheEdge(page)}`);
    for (const v of await axeOn(page)) met.push(`${screen}: axe ${v.id} (${v.impact}) on ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `committee-${name}.png`), fullPage: true });

  // Alice opens the activity from the simple decision template and invites the committee's group.
  const alice = await signedIn(browser, base, org.alice, 'fr-FR', laptop);
  const a = alice.page;
  await a.getByRole('heading', { name: 'Activités' }).waitFor();
  await a.getByRole('link', { name: 'Nouvelle activité' }).first().click();
  await a.getByLabel('Titre', { exact: true }).fill('Prochaine boutique');
  await a.getByLabel('Question précise', { exact: true }).fill('Où ouvrons-nous la prochaine boutique en 2027 ?');
  await a.getByRole('radio', { name: /^Décision \(simple\)/ }).check();
  await check(a, 'nouvelle activité 1366');
  await a.getByRole('button', { name: 'Créer l’activité' }).click();
  await expect(a.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  const activityId = /#\/activities\/([^/]+)/.exec(a.url())![1]!;
  await a.getByRole('combobox', { name: 'Statut de l’activité' }).selectOption('open');
  await check(a, 'activité 1366');
  await a.getByRole('link', { name: 'Membres', exact: true }).click();
  const invite = a.getByRole('form', { name: 'Inviter', exact: true });
  await invite.getByRole('combobox', { name: 'Personne ou groupe' }).selectOption({ label: 'Comité de direction' });
  await expect(invite.getByRole('status')).toContainText('Dans ce groupe : Bruno Lefèvre');
  await invite.getByRole('combobox', { name: 'Rôle' }).selectOption('contributor');
  await invite.getByRole('button', { name: 'Inviter', exact: true }).click();
  await expect(a.getByRole('list', { name: 'Qui participe' }).getByRole('listitem')).toHaveCount(8);
  await check(a, 'membres 1366');

  // A sealed poll, its deadline a week ahead by default, said in French beside the field.
  const question = 'Dans quelle ville ouvrir ?';
  await a.getByRole('link', { name: 'Décider', exact: true }).click();
  await a.getByRole('button', { name: 'Nouveau vote' }).click();
  const form = a.getByRole('form', { name: 'Nouveau vote' });
  await form.getByLabel('Question précise').fill(question);
  await form.getByLabel('Options, une par ligne').fill('Lyon\nLille\nNantes');
  await expect(form.getByLabel('Échéance', { exact: true })).toHaveAccessibleDescription(/^\p{Ll}+ \d{1,2} \p{Ll}+ \d{4} à \d{2}:\d{2}/u);
  await check(a, 'nouveau vote 1366');
  await form.getByRole('button', { name: 'Ouvrir le vote' }).click();
  const card = a.getByRole('article', { name: question });
  await card.getByRole('radio', { name: 'Lyon' }).check();
  await card.getByRole('button', { name: 'Envoyer' }).click();
  await expect(card.getByText('Vous avez participé', { exact: false })).toBeVisible();

  // Each member finds the vote waiting in « Pour moi », on a laptop or a phone, and votes.
  const seen = new Set<string>();
  const pages: Page[] = [];
  for (const m of members) {
    const size = m.device === phone ? '390' : '1366';
    const { page } = await signedIn(browser, base, m, 'fr-FR', m.device);
    pages.push(page);
    await page.getByRole('heading', { name: 'Activités' }).waitFor();
    const forMe = page.getByTestId('for-me');
    await expect(forMe).toContainText('1 vote à donner');
    if (!seen.has(`pour moi ${size}`)) await check(page, `pour moi ${size}`);
    await forMe.getByRole('link', { name: question }).click();
    const mine = page.getByRole('article', { name: question });
    await mine.getByRole('radio', { name: m.vote }).check();
    await mine.getByRole('button', { name: 'Envoyer' }).click();
    await expect(mine.getByText('Vous avez participé', { exact: false })).toBeVisible();
    if (!seen.has(`pour moi ${size}`)) {
      await check(page, `vote ${size}`);
      await shot(page, `vote-fr-${size}`);
    }
    seen.add(`pour moi ${size}`);
  }

  // Alice reveals, after saying what it does, and publishes the decision.
  await a.reload();
  await expect(card.getByTestId('participation')).toContainText('8 sur 8 ont participé');
  await card.getByRole('button', { name: 'Révéler' }).click();
  await expect(card.getByRole('alertdialog')).toContainText('C’est irréversible.');
  await card.getByRole('button', { name: 'Oui, révéler' }).click();
  await expect(card.getByTestId('poll-status')).toHaveText('Révélé');
  await expect(card.getByTestId('result-lines')).toContainText('Résultat : Lyon (le plus de voix, 8 voix exprimées).');
  await check(a, 'résultats 1366');
  const publish = a.getByRole('form', { name: 'Publier la décision' });
  await publish.getByLabel('Décision prise').fill('Nous ouvrons à Lyon au printemps 2027.');
  await publish.getByLabel('Option retenue').fill('Lyon');
  await publish.getByLabel('Justification').fill('La moitié du comité et plus ; la ville de nos commandes en ligne.');
  await publish.getByLabel('Avis minoritaire').fill('Lille coûte moins cher ; Nantes attire les étudiants.');
  await publish.getByLabel('Date de revue', { exact: true }).fill('2027-06-01');
  await expect(publish.getByText('mardi 1 juin 2027', { exact: true })).toBeVisible();
  await publish.getByRole('button', { name: 'Publier la décision' }).click();
  const record = a.getByTestId('decision-record');
  // French counts nought as one: « 0 sur 8 en a pris acte ».
  await expect(record).toContainText('0 sur 8 en a pris acte');
  // The review is a day, the one chosen, whatever the zone: no midnight hour beside it.
  await expect(record).toContainText('Date de revue : 1 juin 2027');
  await expect(record).not.toContainText('1 juin 2027, ');

  // Each member acknowledges it from « Pour moi ».
  for (const [i, m] of members.entries()) {
    const page = pages[i]!;
    const size = m.device === phone ? '390' : '1366';
    await page.goto(`${base}/#/activities`);
    const forMe = page.getByTestId('for-me');
    await expect(forMe).toContainText('1 décision à prendre en compte');
    await forMe.getByRole('link', { name: 'Prochaine boutique' }).click();
    const theirs = page.getByTestId('decision-record');
    await theirs.getByRole('button', { name: 'J’en prends acte' }).click();
    await expect(theirs).toContainText(`${m.name} : Pris acte dans l’application`);
    if (seen.has(`pris acte ${size}`)) continue;
    seen.add(`pris acte ${size}`);
    await check(page, `décision ${size}`);
    await shot(page, `record-fr-${size}`);
  }
  await a.reload();
  await record.getByRole('button', { name: 'J’en prends acte' }).click();
  await expect(record).toContainText('8 sur 8 en ont pris acte');
  await check(a, 'décision 1366 (Alice)');
  await shot(a, 'record-fr-1366');
  expect(met).toEqual([]);
  expect(activityId).toBeTruthy();
});
