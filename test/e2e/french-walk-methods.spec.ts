import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { Api, password } from '../support/api.ts';
import type { RelayProcess } from '../support/relay.ts';
import { englishIn, englishStrings, formatsIn, overflow, readable } from './support/english-strings.ts';
import { frenchWorld } from './support/french-world.ts';
import { emailOf, organisation, screenshots, signedIn, startWebRelay, stopWebRelay } from './support/web-relay.ts';

/**
 * Issue 13, finding 3, continued from french-walk.spec.ts: a French facilitator fills the
 * methods' boards through their French screens — the meeting's agenda with its timer, notes
 * and a decision taken from an item, a RACI matrix, a cost/benefit board, a prioritisation
 * 2×2 — then reads the idea box's funnel (its stages and every moderation queue) and the
 * public campaign page with a participant's profile open. Each screen, at 1366 and at 390 px,
 * meets no English string from the dictionaries (nor a library's own), no English number,
 * date or punctuation, and at
 * 390 px has no horizontal scroll. What each screen read is attached to the report; the phone
 * views are in test-results/screenshots/french-walk-*-390.png.
 */
let relay: RelayProcess | undefined;
test.afterAll(async () => stopWebRelay(relay));

const sizes = [
  { name: '1366', width: 1366, height: 900 },
  { name: '390', width: 390, height: 844 },
] as const;

/** The drop-downs on screen whose chosen option is wider than the room the field gives it (cut at « … »). */
function cutChoices(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d');
    if (!canvas) return [];
    const cut: string[] = [];
    for (const select of document.querySelectorAll('select')) {
      const chosen = select.selectedOptions[0]?.text ?? '';
      if (!chosen || select.getClientRects().length === 0) continue;
      const style = getComputedStyle(select);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // The room for the text: the field less its padding and the arrow Chromium draws (about 20 px).
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      if (canvas.measureText(chosen).width > room) cut.push(chosen);
    }
    return cut;
  });
}

test('a French walk through the methods’ boards, the idea funnel and the public campaign page meets no English, and no screen scrolls sideways at 390 px', async ({ browser }) => {
  test.setTimeout(240_000);
  relay = await startWebRelay();
  const base = relay.url;
  const org = await organisation(base);
  const world = await frenchWorld(base, org.admin);
  const english = englishStrings();
  expect(english.phrases).toEqual(expect.arrayContaining(['Sign up to vote', 'Shortlisted', 'more than one', '1 idea']));
  // The checks themselves find what they look for.
  expect(englishIn('check', 'Présélectionnée · Shortlisted', english)).not.toEqual([]);
  expect(formatsIn('check', 'Question: €1,234.50 le 2026-12-03, 2 vote(s)').map((m) => m.split(' "')[0])).toEqual([
    'check: an English thousands separator', 'check: an English decimal point', 'check: a currency sign before its amount', 'check: an ISO date', 'check: a plural written with (s)',
    'check: a colon, semicolon, ! or ? without the space French puts before it',
  ]);
  expect(formatsIn('check', 'Coût : 0,145 € · Mozilla/5.0 (X11) · « 2026-11-31 » n’est pas une date')).toEqual([]);
  const chloeToken = (await new Api(base).ok<{ token: string }>('POST', '/api/session', { email: emailOf('Chloé Bernard'), password })).token;
  const chloe = org.admin.as(chloeToken);

  // The funnel: one idea shortlisted and voted, one reported, one off topic, one waiting for approval.
  await org.admin.ok('POST', `/api/ideas/${world.ideaId}/shortlist`, {});
  await org.admin.ok('POST', `/api/ideas/${world.ideaId}/votes`, {});
  const reported = await chloe.ok<{ id: string }>('POST', `/api/activities/${world.boxId}/ideas`, { title: 'Une caisse rapide', text: 'Pour moins de cinq articles.', category: 'Caisse' });
  await org.admin.ok('POST', `/api/ideas/${reported.id}/reports`, { reason: 'duplicate', note: 'Déjà proposé l’an dernier.' });
  const offTopic = await chloe.ok<{ id: string }>('POST', `/api/activities/${world.boxId}/ideas`, { title: 'Changer de banque', text: 'Les frais sont trop élevés.', category: 'Caisse' });
  await org.admin.ok('POST', `/api/ideas/${offTopic.id}/moderation`, { decision: 'off_topic', reason: 'Cette boîte parle de l’accueil en magasin.' });
  await org.admin.ok('PATCH', `/api/activities/${world.boxId}/idea-settings`, { premoderation: true, stageNames: { under_study: 'En chantier' } });
  const waiting = await chloe.ok<{ id: string }>('POST', `/api/activities/${world.boxId}/ideas`, { title: 'Un vestiaire pour les manteaux', text: 'L’hiver, les cabines débordent.', category: 'Accueil' });

  const { context, page } = await signedIn(browser, base, org.alice, 'fr-FR', { viewport: { width: 1366, height: 900 } });
  await page.getByRole('heading', { name: 'Activités' }).waitFor();
  const live = (p: Page) => expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'live');

  // The meeting's agenda: three items (one parked), the timer started, notes, a decision and an action taken from an item.
  await page.goto(`${base}/#/activities/${world.meetingId}`);
  await live(page);
  const agenda = page.getByTestId('agenda-board');
  for (const [text, minutes, presenter] of [['Budget', '5', 'Chloé'], ['Recrutement', '10', ''], ['Questions diverses', '5', '']] as const) {
    await agenda.getByLabel('Nouveau point', { exact: true }).fill(text);
    await agenda.getByLabel('Durée prévue en minutes', { exact: true }).fill(minutes);
    await agenda.getByLabel('Intervenant (facultatif)', { exact: true }).fill(presenter);
    await agenda.getByRole('button', { name: 'Ajouter le point', exact: true }).click();
    await agenda.getByTestId('agenda-item').filter({ hasText: text }).waitFor();
  }
  await agenda.getByRole('button', { name: 'Démarrer l’ordre du jour', exact: true }).click();
  await expect(agenda.getByTestId('agenda-current')).toHaveText('Budget');
  const budget = agenda.getByTestId('agenda-item').filter({ hasText: 'Budget' });
  await budget.getByLabel('Notes sur « Budget »').fill('Demander le chiffrage à la finance');
  await budget.getByLabel('Notes sur « Budget »').blur();
  await budget.getByText('Décision issue de ce point', { exact: true }).click();
  const decide = budget.getByRole('form', { name: 'Décision issue de « Budget »' });
  await decide.getByLabel('Ce qui est décidé ou proposé', { exact: true }).fill('Budget 2027 reconduit, 12 500,50 € de marge');
  await decide.getByRole('button', { name: 'Consigner', exact: true }).click();
  await expect(budget.getByTestId('agenda-decision')).toContainText('Budget 2027 reconduit');
  await budget.getByText('Action issue de ce point', { exact: true }).click();
  const assign = budget.getByRole('form', { name: 'Action issue de « Budget »' });
  await assign.getByLabel('Nouvelle action', { exact: true }).fill('Chiffrer le budget 2027');
  await assign.getByRole('button', { name: 'Attribuer', exact: true }).click();
  await expect(page.getByText('Chiffrer le budget 2027').first()).toBeVisible();
  await agenda.getByTestId('agenda-item').filter({ hasText: 'Questions diverses' }).getByRole('button', { name: 'Mettre en attente', exact: true }).click();
  await expect(agenda.getByText('Points en attente').first()).toBeVisible();

  // On the lease activity: a RACI matrix, a cost/benefit board and a prioritisation 2×2.
  await page.goto(`${base}/#/activities/${world.activityId}`);
  await live(page);
  await page.getByRole('button', { name: 'Ajouter une matrice de responsabilités', exact: true }).click();
  const raci = page.getByTestId('raci-board');
  await raci.getByLabel('Membre à ajouter en colonne', { exact: true }).selectOption({ label: 'Chloé Bernard' });
  await raci.getByRole('button', { name: 'Ajouter le membre', exact: true }).click();
  await raci.getByLabel('Nouveau rôle (une équipe, une fonction)', { exact: true }).fill('Juridique');
  await raci.getByRole('button', { name: 'Ajouter le rôle', exact: true }).click();
  for (const task of ['Signer le bail', 'Prévenir les équipes']) {
    await raci.getByLabel('Nouvelle tâche', { exact: true }).fill(task);
    await raci.getByRole('button', { name: 'Ajouter la tâche', exact: true }).click();
  }
  await raci.getByLabel('Signer le bail : rôle de Chloé Bernard', { exact: true }).selectOption('A');
  await raci.getByLabel('Signer le bail : rôle de Juridique', { exact: true }).selectOption('A');
  await expect(raci.getByTestId('raci-check').first()).toHaveText('plus d’un A');

  await page.getByRole('button', { name: 'Ajouter un tableau coûts/bénéfices', exact: true }).click();
  await page.getByLabel('Nouvelle option', { exact: true }).last().fill('Nouvelles caisses');
  await page.getByRole('button', { name: 'Ajouter l’option', exact: true }).last().click();
  const option = page.getByTestId('cost-option').filter({ hasText: 'Nouvelles caisses' });
  const field = (name: string) => option.getByLabel(`${name} pour Nouvelles caisses`, { exact: true });
  await field('Quoi').fill('Caisses');
  await field('Montant').fill('12500,50');
  await option.getByRole('button', { name: 'Ajouter la ligne', exact: true }).click();
  await field('Coût ou bénéfice').selectOption('benefit');
  await field('Quoi').fill('Ventes plus rapides');
  await field('Montant').fill('2000');
  await field('Fréquence').selectOption('monthly');
  await option.getByRole('button', { name: 'Ajouter la ligne', exact: true }).click();
  await expect(page.getByTestId('cost-line')).toHaveCount(2);
  await field('Quoi').fill('Formation');
  await field('Montant').fill('1.234');
  await option.getByRole('button', { name: 'Ajouter la ligne', exact: true }).click();
  await expect(option.getByRole('alert')).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter une priorisation 2×2', exact: true }).click();
  const priorities = page.getByTestId('prioritisation-board');
  for (const item of ['Caisse rapide', 'Refaire la vitrine']) {
    await priorities.getByLabel('Nouvel élément à prioriser', { exact: true }).fill(item);
    await priorities.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await priorities.getByTestId('prioritisation-marker').filter({ hasText: item }).waitFor();
  }
  await priorities.getByTestId('prioritisation-marker').filter({ hasText: 'Caisse rapide' }).focus();
  for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowUp']) await page.keyboard.press(key);
  await expect(page.getByTestId('prioritisation-quickWins')).toContainText('Caisse rapide');

  // Each screen read whole (every fold opened), at both sizes.
  type Screen = { name: string; url: string; heading?: string; ready?: (p: Page) => Promise<void> };
  const screens: Screen[] = [
    { name: 'agenda', url: `${base}/#/activities/${world.meetingId}`, ready: async (p) => { await live(p); await expect(p.getByTestId('agenda-decision')).toBeVisible(); } },
    { name: 'RACI, cost/benefit and 2×2', url: `${base}/#/activities/${world.activityId}`, ready: async (p) => { await live(p); await expect(p.getByTestId('cost-line')).toHaveCount(2); } },
    { name: 'meeting history', url: `${base}/#/activities/${world.meetingId}/history` },
    { name: 'boards history', url: `${base}/#/activities/${world.activityId}/history`, ready: (p) => expect(p.getByTestId('history').locator('li').first()).toBeVisible() },
    { name: 'my actions', url: `${base}/#/actions`, ready: (p) => expect(p.getByText('Chiffrer le budget 2027').first()).toBeVisible() },
    { name: 'idea funnel', url: `${base}/#/ideas/${world.boxId}`, ready: (p) => expect(p.getByTestId('idea-queues')).toContainText('Un vestiaire pour les manteaux') },
    { name: 'a shortlisted idea', url: `${base}/#/ideas/${world.boxId}/idea/${world.ideaId}`, ready: (p) => expect(p.getByTestId('idea-stage').first()).toBeVisible() },
    { name: 'a reported idea', url: `${base}/#/ideas/${world.boxId}/idea/${reported.id}`, ready: (p) => expect(p.getByText('1 signalement en attente').first()).toBeVisible() },
    { name: 'an idea waiting for approval', url: `${base}/#/ideas/${world.boxId}/idea/${waiting.id}`, ready: (p) => expect(p.getByTestId('idea-pending')).toBeVisible() },
    { name: 'an idea off topic', url: `${base}/#/ideas/${world.boxId}/idea/${offTopic.id}`, ready: (p) => expect(p.getByText('Cette boîte parle de l’accueil en magasin.').first()).toBeVisible() },
  ];
  const met: string[] = [];
  const walk = async (p: Page, screen: Screen) => {
    for (const size of sizes) {
      await p.setViewportSize({ width: size.width, height: size.height });
      await p.goto(screen.url);
      await p.locator(screen.heading ?? 'main h1').first().waitFor();
      await expect(p.getByText(/^(Loading…|Chargement…)$/)).toHaveCount(0);
      await screen.ready?.(p);
      await p.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const text = await readable(p);
      // What was read, and the phone's view, kept for a reader to check by eye what no dictionary holds.
      await test.info().attach(`${screen.name} ${size.name}.txt`, { body: text, contentType: 'text/plain' });
      if (size.width === 390) await p.screenshot({ path: path.join(screenshots, `french-walk-${screen.name.replace(/\W+/g, '-')}-390.png`), fullPage: true });
      met.push(...englishIn(`${screen.name} ${size.name}`, text, english), ...formatsIn(`${screen.name} ${size.name}`, text));
      if (size.width === 390) {
        const wider = await overflow(p);
        if (wider > 0) met.push(`${screen.name} 390: ${wider} px of horizontal scroll`);
        for (const cut of await cutChoices(p)) met.push(`${screen.name} 390: the choice « ${cut} » does not fit its drop-down`);
      }
    }
  };
  for (const screen of screens) await walk(page, screen);
  await context.close();

  // The public campaign page, Chloé signed in on it (its own session), her profile open.
  const visitor = await browser.newContext({ locale: 'fr-FR' });
  await visitor.addInitScript((token) => localStorage.setItem('conclave.campaign.session', token), chloeToken);
  const campaign = await visitor.newPage();
  await walk(campaign, {
    name: 'public campaign and profile',
    url: `${base}/ideas/${world.campaignSlug}`,
    heading: 'h1',
    ready: async (p) => {
      await expect(p.getByText('Des bancs près des cabines').first()).toBeVisible();
      await p.getByRole('button', { name: 'Mon profil' }).click();
      await expect(p.getByRole('region', { name: 'Mon profil' }).getByLabel('Nom affiché')).toHaveValue('Chloé Bernard');
    },
  });
  await visitor.close();
  expect(met).toEqual([]);
});
