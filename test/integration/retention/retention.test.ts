import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, readComments } from '#core/doc/comments';
import { addSwotItem } from '#core/doc/swot';
import { CloseCode } from '#core/sync/protocol';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { erasureDone } from '../../support/erasure.ts';
import { bytesFound } from '../../support/file-bytes.ts';
import { writeStore } from '../../support/operator.ts';
import { upload } from '../files/support.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmtp } from '../../support/smtp.ts';
import { queryStore } from '../../support/store.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * Retention (issue 15) on a real relay with its clock driven through
 * CONCLAVE_FAKE_CLOCK_FILE, a stock y-websocket client, SMTP on loopback and the real
 * SQLite file: a closed activity's facilitators are warned 30 days before its plan's
 * retention runs out, then its content goes (live room closed first, free pages wiped),
 * the decision record and a tombstone stay; a plan change holds at once.
 */
const day = 86_400_000;
const t0 = Date.parse('2026-01-05T10:00:00Z');
const at = (days: number) => new Date(t0 + days * day).toISOString();
const marker = 'Warehouse-in-Villeurbanne-7731';

async function until<T>(what: string, read: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('retention of closed activities (issue 15)', () => {
  let relay: RelayProcess;
  let smtp: TestSmtp;
  let clockDir: string;
  let clockFile: string;
  let admin: Api;
  let carol: { id: string; api: Api };
  let bruno: { id: string; api: Api };
  let live: SyncClient | null = null;

  /** Moves the relay's clock; sessions do not live for years, so everyone signs in again. */
  const setClock = async (iso: string) => {
    await writeFile(clockFile, iso);
    if (!relay) return;
    const signIn = async (email: string) => admin.as((await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email, password })).token);
    admin = await signIn('alice@durand.example');
    carol = { id: carol.id, api: await signIn('carol.roux@durand.example') };
    bruno = { id: bruno.id, api: await signIn('bruno.lefort@durand.example') };
  };
  const store = <T>(sql: string, params: (string | number)[] = []) => queryStore<T>(relay.dataDir, sql, params);
  /** Resolves once the retention job ran at or after the relay's clock read `iso` (nothing else to wait for). */
  const checkedAt = (iso: string) =>
    until(`the retention job to run at ${iso}`, async () => ((await store<{ at: string }>('SELECT checked_at AS at FROM retention_state'))[0]?.at ?? '') >= iso);
  const setPlan = (plan: string) => writeStore(relay.dataDir, 'UPDATE organizations SET plan = ?', [plan]);
  const retentionNotices = async (api: Api) =>
    (await api.ok<{ notices: { kind: string; activityId: string; about: string | null }[] }>('GET', '/api/me/notices')).notices.filter((n) => n.kind === 'retention');
  const contentRows = async (activityId: string) =>
    (
      await store<{ n: number }>(
        `SELECT (SELECT COUNT(*) FROM doc_updates WHERE activity_id = ?1) + (SELECT COUNT(*) FROM doc_snapshots WHERE activity_id = ?1)
              + (SELECT COUNT(*) FROM doc_past_snapshots WHERE activity_id = ?1) + (SELECT COUNT(*) FROM doc_clients WHERE activity_id = ?1)
              + (SELECT COUNT(*) FROM doc_clients_backfill WHERE activity_id = ?1)
              + (SELECT COUNT(*) FROM polls WHERE activity_id = ?1) + (SELECT COUNT(*) FROM activity_files WHERE activity_id = ?1) AS n`,
        [activityId],
      )
    )[0]!.n;

  beforeAll(async () => {
    smtp = new TestSmtp();
    await smtp.listen();
    clockDir = await mkdtemp(path.join(tmpdir(), 'retention-clock-'));
    clockFile = path.join(clockDir, 'now');
    await setClock(at(0));
    relay = await startRelayProcess({
      env: { NODE_ENV: 'test', CONCLAVE_FAKE_CLOCK_FILE: clockFile, CONCLAVE_RETENTION_TICK_MS: '100', SMTP_URL: smtp.url, MAIL_FROM: 'conclave@durand.example', CONCLAVE_SNAPSHOT_EVERY: '3', CONCLAVE_CHECKPOINT_EVERY: '4' },
    });
    admin = await setUpOrganisation(relay.url);
    carol = await addPerson(admin, 'Carol Roux');
    bruno = await addPerson(admin, 'Bruno Lefort');
    await writeStore(relay.dataDir, 'UPDATE users SET locale = ? WHERE id = ?', ['fr', bruno.id]);
    await writeStore(relay.dataDir, "UPDATE users SET locale = 'en' WHERE email = 'alice@durand.example'");
  }, 60_000);

  afterAll(async () => {
    live?.destroy();
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
    await smtp?.close();
    await rm(clockDir, { recursive: true, force: true });
  });

  it('warns the facilitators 30 days ahead, then removes the content, closing the live room; the decision stays; a plan change holds at once', async () => {
    // Two activities closed on day 0: one archived, one decided.
    const archived = (await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move?' })).id;
    const decided = (await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Opening hours', question: 'Do we open on Sundays?' })).id;
    await admin.ok('POST', `/api/activities/${archived}/members`, { userId: carol.id, role: 'contributor' });
    await admin.ok('POST', `/api/activities/${archived}/members`, { userId: bruno.id, role: 'facilitator' });
    live = await connectClient(carol.api, archived);
    await synced(live);
    addSwotItem(live.doc, { id: 'carol-item-1', quadrant: 'strengths', text: marker, author: { id: carol.id, name: 'Carol Roux' }, at: new Date() });
    for (let i = 0; i < 4; i++) addComment(live.doc, { id: `comment-${i}`, author: { id: carol.id, name: 'Carol Roux' }, at: new Date(), body: '{"root":{}}', text: `${marker} ${i}`, mentions: [] });
    await until('the entries to be logged', async () => (await store<{ n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ?', [archived]))[0]!.n >= 2);
    const attached = await upload(admin, archived, [{ name: 'plan.txt', bytes: Buffer.from(`Floor plan: ${marker}-file`), type: 'text/plain' }]);
    expect(attached.status).toBe(201);
    await admin.ok('PATCH', `/api/activities/${archived}`, { status: 'archived' });
    await admin.ok('POST', `/api/activities/${decided}/decision`, { outcome: 'We open on Sundays.', rationale: 'Customers asked.' });
    const closed = await store<{ id: string; closed_at: string | null }>('SELECT id, closed_at FROM activities WHERE id IN (?, ?)', [archived, decided]);
    for (const c of closed) expect(c.closed_at).toMatch(/^2026-01-05T10:0/);

    // Unlimited (the default plan): nothing counts, even two years on.
    await setClock(at(800));
    await checkedAt(at(800));
    expect(await retentionNotices(admin)).toEqual([]);

    // Down to Basic: counting is from closed_at (long past), so the warning comes at once and removal is 30 days after it.
    await setPlan('basic');
    const removal = at(830).slice(0, 10);
    const warned = await until('the warnings', async () => {
      const n = await retentionNotices(admin);
      return n.length === 2 ? n : null;
    });
    expect(warned.map((n) => n.about).sort()).toEqual([removal, removal]);
    expect((await retentionNotices(bruno.api)).map((n) => n.activityId)).toEqual([archived]);
    expect(await retentionNotices(carol.api)).toEqual([]);
    const mailTo = (address: string, words: string) =>
      until(`the warning to ${address}`, async () => smtp.to(address).find((m) => m.subject.includes(words) && m.subject.includes('Lyon office')));
    const english = await mailTo('alice@durand.example', 'removed on');
    expect(english.subject).toBe('The content of “Lyon office” will be removed on 14 April 2028');
    expect(english.text).toContain(`/activities/${archived}`);
    expect(english.text).toContain('Download everything');
    const french = await mailTo('bruno.lefort@durand.example', 'supprimé');
    expect(french.subject).toBe('Le contenu de « Lyon office » sera supprimé le 14 avril 2028');
    expect(french.text).toContain(`/activities/${archived}`);

    // Told once only.
    await setClock(at(829));
    await checkedAt(at(829));
    expect(await retentionNotices(admin)).toHaveLength(2);
    expect(await contentRows(archived)).toBeGreaterThan(0);
    expect((await bytesFound(relay.dataDir, marker)).length).toBeGreaterThan(0);

    // How far its log was read for its clients' owners (SPEC W10) goes with the content.
    await writeStore(relay.dataDir, 'INSERT INTO doc_clients_backfill (activity_id, upto_id) VALUES (?, 1)', [archived]);

    // Past the date: the live room is closed with its reason, the content goes, the decision stays.
    await setClock(at(831));
    await until('the room to close', async () => live!.closes.some((c) => c.code === CloseCode.contentRemoved));
    await until('the content to go', async () => (await contentRows(archived)) === 0 && (await store<{ n: number }>('SELECT COUNT(*) AS n FROM retention_removals'))[0]!.n === 0);
    await erasureDone(relay.dataDir);
    live.destroy();
    live = null;
    expect(await contentRows(archived)).toBe(0);
    expect(await bytesFound(relay.dataDir, marker)).toEqual([]);
    expect(await store('SELECT sha256 FROM file_blobs')).toEqual([]);
    expect((await readdir(path.join(relay.dataDir, 'files'), { recursive: true })).filter((f) => /[0-9a-f]{64}$/.test(String(f)))).toEqual([]);
    const tomb = await admin.ok<{ title: string; question: string; contentRemoved: { at: string; plan: string } | null }>('GET', `/api/activities/${archived}`);
    expect(tomb).toMatchObject({ title: 'Lyon office', question: 'Where do we move?', contentRemoved: { plan: 'Basic' } });
    expect(tomb.contentRemoved!.at.slice(0, 10)).toBe(at(831).slice(0, 10));
    const ticket = await carol.api.call('POST', `/api/activities/${archived}/sync-ticket`);
    expect(ticket.status).toBe(410);
    const decision = await admin.ok<{ outcome: string }>('GET', `/api/activities/${decided}/decision`);
    expect(decision.outcome).toBe('We open on Sundays.');
    expect(await admin.call('PATCH', `/api/activities/${archived}`, { status: 'open' })).toMatchObject({ status: 410 });

    // A later activity, warned on Basic, is kept once the organisation moves to Unlimited.
    const kept = (await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Kept archive', question: 'Do we keep the archive?' })).id;
    const c2 = await connectClient(admin, kept);
    await synced(c2);
    addComment(c2.doc, { id: 'kept-comment', author: { id: 'alice-id', name: 'Alice Durand' }, at: new Date(), body: '{"root":{}}', text: 'kept', mentions: [] });
    await waitFor(() => readComments(c2.doc).length === 1);
    c2.destroy();
    await admin.ok('POST', `/api/activities/${kept}/decision`, { outcome: 'We keep it.', rationale: 'Auditors.' });
    await admin.ok('PATCH', `/api/activities/${kept}`, { status: 'archived' });
    await setClock(at(831 + 340));
    await until('the warning', async () => (await retentionNotices(admin)).some((n) => n.activityId === kept));
    await setPlan('unlimited');
    await setClock(at(831 + 400));
    await checkedAt(at(831 + 400));
    expect(await contentRows(kept)).toBeGreaterThan(0);
    expect((await admin.ok<{ contentRemoved: unknown }>('GET', `/api/activities/${kept}`)).contentRemoved).toBeNull();

    // Back on Basic, long past its date and warned: removed at once, and this time without its decision.
    expect(await admin.ok('PUT', '/api/organization/retention', { keepDecisions: false })).toEqual({ plan: 'Unlimited', retentionDays: null, keepDecisions: false });
    await setPlan('basic');
    await until('the second removal', async () => (await contentRows(kept)) === 0 && (await store<{ n: number }>('SELECT COUNT(*) AS n FROM retention_removals'))[0]!.n === 0);
    expect(await store('SELECT id FROM decisions WHERE activity_id = ?', [kept])).toEqual([]);
    expect((await admin.call('GET', `/api/activities/${kept}/decision`)).status).toBe(404);
  }, 120_000);
  it('a relay killed in the middle of a removal goes on at start: nothing of the content is left', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'retention-kill-'));
    const env = { NODE_ENV: 'test', CONCLAVE_FAKE_CLOCK_FILE: clockFile, CONCLAVE_RETENTION_TICK_MS: '100' };
    await writeFile(clockFile, at(0));
    let killed: RelayProcess | null = await startRelayProcess({ dataDir, env: { ...env, CONCLAVE_RETENTION_CRASH_AT: 'mid-removal' } });
    try {
      const owner = await setUpOrganisation(killed.url);
      await writeStore(dataDir, "UPDATE organizations SET plan = 'basic'");
      const id = (await owner.ok<{ id: string }>('POST', '/api/activities', { title: 'Depot', question: 'Which depot do we close?' })).id;
      const client = await connectClient(owner, id);
      await synced(client);
      const me = (await owner.ok<{ id: string }>('GET', '/api/me')).id;
      for (let i = 0; i < 6; i++) addComment(client.doc, { id: `depot-comment-${i}`, author: { id: me, name: 'Alice Durand' }, at: new Date(), body: '{"root":{}}', text: `${marker} ${i}`, mentions: [] });
      await until('the comments to be logged', async () => (await queryStore<{ n: number }>(dataDir, 'SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ?', [id]))[0]!.n >= 2);
      client.destroy();
      await owner.ok('PATCH', `/api/activities/${id}`, { status: 'archived' });
      await writeFile(clockFile, at(340));
      await until('the warning', async () => (await queryStore<{ n: number }>(dataDir, "SELECT COUNT(*) AS n FROM activity_notices WHERE kind = 'retention'"))[0]!.n === 1);
      const exited = new Promise((resolve) => killed!.child.once('exit', resolve));
      await writeFile(clockFile, at(371));
      await exited;
      killed = null;
      // Killed after its first delete: the activity is a tombstone already, the removal half done.
      const [mid] = await queryStore<{ step: string }>(dataDir, 'SELECT step FROM retention_removals WHERE activity_id = ?', [id]);
      expect(mid?.step).toBe('content');
      expect((await queryStore<{ at: string | null }>(dataDir, 'SELECT content_removed_at AS at FROM activities WHERE id = ?', [id]))[0]!.at).not.toBeNull();

      killed = await startRelayProcess({ dataDir, env });
      await until('the removal to finish', async () => (await queryStore<{ n: number }>(dataDir, 'SELECT COUNT(*) AS n FROM retention_removals'))[0]!.n === 0);
      await erasureDone(dataDir);
      const left = await queryStore<{ n: number }>(
        dataDir,
        'SELECT (SELECT COUNT(*) FROM doc_updates WHERE activity_id = ?1) + (SELECT COUNT(*) FROM doc_snapshots WHERE activity_id = ?1) + (SELECT COUNT(*) FROM doc_clients WHERE activity_id = ?1) AS n',
        [id],
      );
      expect(left[0]!.n).toBe(0);
      expect(await bytesFound(dataDir, marker)).toEqual([]);
    } finally {
      await killed?.stop();
      await removeDataDir(dataDir);
    }
  }, 120_000);
});
