import { existsSync } from 'node:fs';
import path from 'node:path';
import { test, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { Api, addPerson, password } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmtp } from '../../support/smtp.ts';

/** The built client; E2E_WEB_ROOT points elsewhere (a build of one's own in a shared tree). */
export const webRoot = path.resolve(process.env.E2E_WEB_ROOT ?? path.join(import.meta.dirname, '../../../dist/web'));
export const screenshots = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

/** A real relay serving the built client; build it first (`npm run build:web`). */
export async function startWebRelay(): Promise<RelayProcess> {
  if (!existsSync(path.join(webRoot, 'index.html'))) throw new Error('dist/web is missing: run `npm run build:web` first');
  return startRelayProcess({ env: { CONCLAVE_WEB_ROOT: webRoot } });
}

export async function stopWebRelay(relay: RelayProcess | undefined) {
  if (!relay) return;
  if (process.env.SHOW_RELAY_OUTPUT) console.log(relay.output());
  await relay.stop();
  await removeDataDir(relay.dataDir);
}

/** A web relay mailing through an SMTP server on loopback, with an organisation set up. */
export interface MailWebRelay {
  relay: RelayProcess;
  smtp: TestSmtp;
  org: Awaited<ReturnType<typeof organisation>>;
}

/** For a spec: before all, a mail web relay (handed to `ready`); after all, everything closed. */
export function withMailWebRelay(ready: (world: MailWebRelay) => void) {
  let relay: RelayProcess | undefined;
  let smtp: TestSmtp | undefined;
  test.beforeAll(async () => {
    smtp = new TestSmtp();
    await smtp.listen();
    relay = await startRelayProcess({ env: { CONCLAVE_WEB_ROOT: webRoot, SMTP_URL: smtp.url, MAIL_FROM: 'Conclave <conclave@durand.example>' } });
    ready({ relay, smtp, org: await organisation(relay.url) });
  });
  test.afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
    await smtp?.close();
  });
}

export interface Person {
  name: string;
  email: string;
  id: string;
}

export const emailOf = (name: string) => `${name.toLowerCase().replace(/\W+/g, '.')}@durand.example`;

/** An organisation set up through the API (the setup screen has its own test). */
export async function organisation(base: string) {
  const anon = new Api(base);
  const { token } = await anon.ok<{ token: string }>('POST', '/api/setup', {
    organization: 'Maison Durand',
    name: 'Alice Durand',
    email: emailOf('Alice Durand'),
    password,
  });
  const admin = anon.as(token);
  const me = await admin.ok<{ id: string }>('GET', '/api/me');
  return { admin, alice: { name: 'Alice Durand', email: emailOf('Alice Durand'), id: me.id } };
}

export async function person(admin: Api, name: string): Promise<Person & { api: Api }> {
  const { id, api } = await addPerson(admin, name);
  return { id, api, name, email: emailOf(name) };
}

/** A browser context signed in as `who`, through the sign-in screen. */
export async function signedIn(browser: Browser, base: string, who: { email: string }, locale = 'en-GB', options: BrowserContextOptions = {}) {
  const context: BrowserContext = await browser.newContext({ ...options, locale });
  const page: Page = await context.newPage();
  await page.goto(base + '/');
  await page.getByLabel('E-mail', { exact: true }).fill(who.email);
  await page.getByLabel(locale.startsWith('fr') ? 'Mot de passe' : 'Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: locale.startsWith('fr') ? 'Se connecter' : 'Sign in' }).click();
  return { context, page };
}

/**
 * For a spec file: a relay serving the client, an organisation (Alice, admin), one activity
 * Alice facilitates and `name` a contributor to it; set up before the file's tests, stopped after.
 */
export function activityWithContributor(title: string, question: string, name = 'Bruno Martin') {
  const world = {} as {
    relay: RelayProcess;
    org: Awaited<ReturnType<typeof organisation>>;
    contributor: Awaited<ReturnType<typeof person>>;
    activityId: string;
  };
  test.beforeAll(async () => {
    world.relay = await startWebRelay();
    world.org = await organisation(world.relay.url);
    world.contributor = await person(world.org.admin, name);
    ({ id: world.activityId } = await world.org.admin.ok<{ id: string }>('POST', '/api/activities', { title, question }));
    await world.org.admin.ok('POST', `/api/activities/${world.activityId}/members`, { userId: world.contributor.id, role: 'contributor' });
  });
  test.afterAll(async () => stopWebRelay(world.relay));
  return world;
}
