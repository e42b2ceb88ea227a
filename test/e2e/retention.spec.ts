import { expect, test } from '@playwright/test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { Api, password } from '../support/api.ts';
import { writeStore } from '../support/operator.ts';
import { startRelayProcess, type RelayProcess } from '../support/relay.ts';
import { NoticesBell } from './pages/notices-bell.ts';
import { organisation, person, signedIn, stopWebRelay, webRoot } from './support/web-relay.ts';

/**
 * Retention as people meet it (issue 15), on a real relay whose clock the test drives: the
 * facilitator is told in the bell 30 days ahead, downloads everything in one ZIP, sees the
 * plan's retention on the plan screen; past the date the open activity turns into what
 * stays (title, question, decision), in English and in French.
 */
const day = 86_400_000;
const t0 = Date.parse('2026-01-05T10:00:00Z');
const at = (days: number) => new Date(t0 + days * day).toISOString();

let relay: RelayProcess | undefined;
let clockDir = '';
let clockFile = '';

test.beforeAll(async () => {
  clockDir = await mkdtemp(path.join(tmpdir(), 'retention-e2e-'));
  clockFile = path.join(clockDir, 'now');
  await writeFile(clockFile, at(0));
  relay = await startRelayProcess({
    env: { CONCLAVE_WEB_ROOT: webRoot, NODE_ENV: 'test', CONCLAVE_FAKE_CLOCK_FILE: clockFile, CONCLAVE_RETENTION_TICK_MS: '100', CONCLAVE_SESSION_DAYS: '400' },
  });
});
test.afterAll(async () => {
  await stopWebRelay(relay);
  await rm(clockDir, { recursive: true, force: true });
});

/** Moves the relay's clock (sessions last 400 days here, so the open page lives through it). */
async function clockAt(iso: string) {
  await writeFile(clockFile, iso);
}
const signIn = async (email: string) => new Api(relay!.url).as((await new Api(relay!.url).ok<{ token: string }>('POST', '/api/session', { email, password })).token);

test('warned in the bell, everything downloaded in one ZIP, then only the title, question and decision stay', async ({ browser }) => {
  const org = await organisation(relay!.url);
  const bruno = await person(org.admin, 'Bruno Lefort');
  await writeStore(relay!.dataDir, "UPDATE users SET locale = 'fr' WHERE id = ?", [bruno.id]);
  const { id } = await org.admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move?' });
  await org.admin.ok('POST', `/api/activities/${id}/members`, { userId: bruno.id, role: 'contributor' });
  const form = new FormData();
  form.append('file', new Blob(['Third floor, 240 m²'], { type: 'text/plain' }), 'floor-plan.txt');
  const uploaded = await fetch(`${relay!.url}/api/activities/${id}/files`, { method: 'POST', headers: { authorization: `Bearer ${org.admin.token}` }, body: form });
  expect(uploaded.status).toBe(201);
  await org.admin.ok('POST', `/api/activities/${id}/decision`, { outcome: 'We move to Part-Dieu.', rationale: 'Closer to the station.' });

  // The organisation moves to Basic (one year); 340 days on, the warning is due.
  await writeStore(relay!.dataDir, "UPDATE organizations SET plan = 'basic'");
  await clockAt(at(340));
  const admin = await signIn(org.alice.email);
  await expect
    .poll(async () => (await admin.ok<{ notices: { kind: string }[] }>('GET', '/api/me/notices')).notices.filter((n) => n.kind === 'retention').length)
    .toBe(1);

  const alice = await signedIn(browser, relay!.url, org.alice);
  const bell = new NoticesBell(alice.page);
  await bell.open();
  const warning = bell.notices().filter({ hasText: 'will be removed on' });
  await expect(warning).toContainText('Lyon office');
  await warning.click();
  await expect(alice.page.getByRole('heading', { name: 'Lyon office', level: 1 })).toBeVisible();

  const [download] = await Promise.all([
    alice.page.waitForEvent('download'),
    alice.page.getByRole('button', { name: 'Download everything', exact: true }).click(),
  ]);
  const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  expect(strFromU8(zip['decision.md']!)).toContain('We move to Part-Dieu.');
  const kept = Object.entries(zip).find(([name]) => name.endsWith('floor-plan.txt'));
  expect(kept && strFromU8(kept[1])).toBe('Third floor, 240 m²');

  // The plan screen says what the plan keeps and saves the organisation's choice.
  await alice.page.goto(`${relay!.url}/#/organization`);
  const retention = alice.page.getByRole('region', { name: 'Retention of closed activities' });
  await expect(retention).toContainText('On the Basic plan, a decided or archived activity keeps its content for 365 days.');
  await retention.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(retention.getByRole('status')).toHaveText('Saved.');

  // Past the date (30 days after the warning), the open activity shows what stays.
  await alice.page.goto(`${relay!.url}/#/activities/${id}`);
  await expect(alice.page.getByRole('button', { name: 'Download everything', exact: true })).toBeVisible();
  await clockAt(at(371));
  await expect(alice.page.getByText(/^Content removed on .* \(retention of the Basic plan\)\. The title, the question and the decision stay\.$/)).toBeVisible({ timeout: 30_000 });
  await expect(alice.page.getByText('We move to Part-Dieu.', { exact: true })).toBeVisible();
  await expect(alice.page.getByRole('region', { name: 'Brief' })).toHaveCount(0);
  const copies = () => alice.page.evaluate(async () => (await indexedDB.databases()).map((info) => info.name ?? '').filter((name) => name.endsWith(':' + location.hash.split('/')[2])));
  await expect.poll(copies).toEqual([]);

  const french = await signedIn(browser, relay!.url, bruno, 'fr-FR');
  await french.page.goto(`${relay!.url}/#/activities/${id}`);
  await expect(french.page.getByText(/^Contenu supprimé le .* \(conservation du plan Basic\)\. Le titre, la question et la décision restent\.$/)).toBeVisible();
  await expect(french.page.getByText('We move to Part-Dieu.', { exact: true })).toBeVisible();
  await alice.context.close();
  await french.context.close();
});
