import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment } from '#core/doc/comments';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import type { ScanLine } from '../../../server/store/explain-scans.ts';
import { Api, password } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { writeStore } from '../../support/operator.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { queryStore } from '../../support/store.ts';
import { smppEnv, waitForStatus, waitUntil } from '../../support/sms.ts';
import { TestSmtp } from '../../support/smtp.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';
import { reads } from '../security/reads.ts';
import { buildWorld, callerNames, type World } from '../security/world.ts';

/**
 * The relay's everyday requests and timed jobs read no whole table that grows with the
 * organisations, their people or their activities: on a relay hosting hundreds of
 * organisations, such a read makes every organisation's request pay for all of them (and
 * holds SQLite's one connection meanwhile). A real relay runs with CONCLAVE_EXPLAIN_SCANS
 * (server/store/explain-scans.ts: each distinct statement explained once, with its first
 * parameters, on the same connection); two organisations are filled through the API (the
 * access suite's world: people, groups, boards with sealed and anonymous polls, a decision,
 * an idea box with photos and comments, files, figures sent, an ERP key, e-mail over SMTP on
 * loopback); the relay then sends over SMPP to an SMSC on loopback (a receipt, a reply, a STOP),
 * every read of the API is called by every kind of caller, members edit a board live with
 * stock y-websocket clients (a mention told), an invitation is accepted, a campaign published
 * and joined; then the clock moves on by 2, 31 and 61 days, the relay restarting each time, so
 * each timed job makes its first run on what fell due (digests, reminders, poll deadlines,
 * decision reviews, retention, prunings…). SQLite only, as the diagnostic is.
 */

/**
 * Tables a statement may read whole, each with why it stays small or is meant to be read whole.
 * Every other table grows with organisations, people or activities.
 */
const readWhole: Record<string, string> = {
  organizations: 'one row per organisation (hundreds, rarely written): the suspension watch and the routing of an inbound SMS look over them',
  cluster_leases: 'one row per relay node and per timed job',
  sms_accounts: "organisations' own SMS provider accounts: the provider pool links every one (SMS_MAX_ACCOUNTS)",
  erasure_wipe_due: 'one row at most: a free-page wipe is due',
  erasure_documents: 'a queue of erasures under way, read from its head (rows deleted when done)',
  retention_removals: 'a queue of removals under way, read from its head (rows deleted when done)',
  comment_mentions: 'a queue of mentions not told yet, read from its head (rows deleted once told)',
  figure_import_rows: "a CSV import's rows staged while it runs (deleted at its end; the stale ones of a crashed import pruned)",
  public_signups: 'sign-ups waiting for their link: at most CONCLAVE_PENDING_SIGNUPS on the relay, pruned by the statement that reads it',
};

/** Statements that read a growing table whole, or seem to, each with why that is right. */
const readWholeBy: Record<string, string> = {
  'SELECT 1 AS one FROM users LIMIT 1': 'the first-run check (is there any account?) reads the first entry only',
  'SELECT * FROM figure_schedules WHERE enabled = 1':
    "the figures scheduler looks at every enabled schedule each tick to find those due (a few per organisation; a next-due column would spare it, left for now)",
};

let w: World;
let dataDir: string;
let clockDir: string;
let relay: RelayProcess;
const smsc = new TestSmsc();
const smtp = new TestSmtp();
const scansFile = () => path.join(dataDir, 'scans.jsonl');
const setClock = (at: Date) => writeFile(path.join(clockDir, 'now'), at.toISOString());
const store = async (sql: string, params: string[] = []) => (await queryStore<{ n: number }>(dataDir, sql, params))[0];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'conclave-scans-'));
  clockDir = await mkdtemp(path.join(tmpdir(), 'conclave-scans-clock-'));
  await setClock(new Date());
  await smtp.listen();
  const env = {
    CONCLAVE_EXPLAIN_SCANS: scansFile(),
    NODE_ENV: 'test',
    CONCLAVE_FAKE_CLOCK_FILE: path.join(clockDir, 'now'),
    CONCLAVE_RETENTION_TICK_MS: '200',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Conclave <conclave@durand.example>',
  };
  // The world is built on the outbox provider (it simulates a reply there), then the same relay
  // sends through an SMSC on loopback, on the same port and store.
  w = await buildWorld({ dataDir, env });
  await w.relay.stop();
  relay = await startRelayProcess({ dataDir, port: Number(new URL(w.relay.url).port), env: { ...env, CONCLAVE_SIGNUP: 'open', ...smppEnv(await smsc.listen()) } });
}, 180_000);

afterAll(async () => {
  await relay?.stop();
  await smsc.close();
  await smtp.close();
  if (dataDir) await removeDataDir(dataDir);
  if (clockDir) await rm(clockDir, { recursive: true, force: true });
});

async function get(api: Api, route: string) {
  const res = await fetch(relay.url + route, { headers: api.token ? { authorization: `Bearer ${api.token}` } : {} });
  await res.arrayBuffer();
  return res.status;
}

/** Every read of the API, by every kind of caller, on both organisations' things. */
async function readEverything() {
  const rival = { ...w, people: w.other.people, ids: w.other.ids };
  for (const read of reads) {
    for (const caller of callerNames) {
      const status = await get(w.callers[caller], read.path(w));
      expect(status, `${caller} → ${read.name}`).toBeLessThan(500);
    }
    expect(await get(w.callers.outsider, read.path(rival)), `outsider → ${read.name} of Rival Company`).toBeLessThan(500);
  }
  // The app's home page: what waits for the person (decisions to acknowledge, actions, votes).
  for (const caller of callerNames) expect(await get(w.callers[caller], '/api/me/for-me'), `${caller} → for me`).toBeLessThan(500);
}

/** The facilitator and the contributor edit the board live: items, a comment naming the viewer, who hears of it live. */
async function editLive() {
  const f = await connectClient(w.callers.facilitator, w.ids.sealed, new Y.Doc());
  const c = await connectClient(w.callers.contributor, w.ids.sealed, new Y.Doc());
  try {
    await synced(f);
    await synced(c);
    // The viewer's bell, held open (the app's live bell) until the mention reaches it.
    const { cursor } = await w.callers.viewer.ok<{ cursor: string }>('GET', '/api/me/notices/wait');
    const bell = w.callers.viewer.ok<{ changed: boolean }>('GET', `/api/me/notices/wait?after=${encodeURIComponent(cursor)}`);
    const fabien = { id: w.people.facilitator, name: 'Fabien Facilitateur' };
    const chloe = { id: w.people.contributor, name: 'Chloé Contributrice' };
    addSwotItem(f.doc, { id: 'scan-item-1', quadrant: 'strengths', text: 'Two sites share a warehouse', author: fabien, at: new Date() });
    addSwotItem(c.doc, { id: 'scan-item-2', quadrant: 'threats', text: 'The Lyon lease ends in March', author: chloe, at: new Date() });
    addComment(c.doc, {
      id: 'scan-comment-1',
      author: chloe,
      at: new Date(),
      body: JSON.stringify({ root: '@Victor Viewer does Alpha deliver on Saturdays?' }),
      text: '@Victor Viewer does Alpha deliver on Saturdays?',
      mentions: [w.people.viewer],
    });
    await waitFor(() => f.doc.getArray('comments').length === 1 && readSwotItems(c.doc).length === 2, 10_000, 'the peers to meet');
    expect((await bell).changed).toBe(true);
    expect((await w.callers.viewer.ok<{ notices: { kind: string }[] }>('GET', '/api/me/notices')).notices.map((n) => n.kind)).toContain('mentioned');
  } finally {
    f.destroy();
    c.destroy();
  }
}

/** An invitation to the sealed board, accepted by someone from outside; a published campaign joined by a customer. */
async function inviteAndPublish() {
  const f = w.callers.facilitator;
  await f.ok('POST', '/api/invitations', { email: 'consultant@outside.example', activityId: w.ids.sealed, activityRole: 'contributor' });
  const token = await smtp.tokenTo('consultant@outside.example', '/#/invite/');
  await new Api(relay.url).ok('GET', `/api/invitations/${token}/preview`);
  const { token: session } = await new Api(relay.url).ok<{ token: string }>('POST', `/api/invitations/${token}/accept`, { name: 'Olivier Conseil', password });
  const guest = new Api(relay.url, session);
  await guest.ok('GET', '/api/activities');
  await guest.ok('GET', `/api/activities/${w.ids.sealed}`);

  await f.ok('PATCH', `/api/activities/${w.ids.box}`, { publicSlug: 'energie-durand' });
  const anon = new Api(relay.url);
  await anon.ok('GET', '/api/public/idea-boxes/energie-durand');
  const asked = await anon.call('POST', '/api/public/idea-boxes/energie-durand/sign-up', { name: 'Claire Cliente', email: 'claire@customer.example', password });
  expect(asked.status).toBe(202);
  const link = await smtp.tokenTo('claire@customer.example', '/ideas/energie-durand#/confirm/');
  const { token: participant } = await anon.ok<{ token: string }>('POST', `/api/public/sign-up/${link}`);
  const claire = anon.as(participant);
  await claire.ok('GET', '/api/public/idea-boxes/energie-durand');
}

/** A text through the SMSC, delivered; the contributor answers it, and a number of no one texts STOP. */
async function textOverSmpp() {
  const admin = w.callers.admin;
  await waitUntil(async () => (await admin.ok<{ connected: boolean }>('GET', '/api/sms/status')).connected, 'bind');
  const sent = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: '+33612345602', text: 'Réunion demain à 9h ?' });
  await waitForStatus(admin, sent.id, 'delivered');
  await smsc.deliverMo('33612345602', 'OK');
  await smsc.deliverMo('33699999999', 'STOP');
  await waitUntil(async () => (await admin.ok<{ replies: unknown[] }>('GET', '/api/sms/inbox?all=1')).replies.length >= 2, 'the replies');
}

/** A controller imports values from a CSV; the idea box is archived (closed, as the decided board is). */
async function importAndClose() {
  const csv = 'date;valeur;prevision;n-1\n2026-11-18;1 100 000;1 000 000;990 000\n2026-11-19;1 200 000;1 000 000;\n';
  expect((await w.callers.controller.ok<{ imported: number }>('POST', `/api/figures/${w.ids.figure}/import`, { csv })).imported).toBe(2);
  await w.callers.facilitator.ok('PATCH', `/api/activities/${w.ids.box}`, { status: 'archived' });
}

/**
 * Moves the relay's clock `days` on from now and restarts it there: every timed job's first run
 * takes what fell due meanwhile. Sessions do not outlive a month: this comes after the requests.
 */
async function later(days: number) {
  await relay.stop();
  await setClock(new Date(Date.now() + days * 86_400_000));
  relay = await relay.restart();
}

describe('everyday requests and timed jobs read no whole table that grows with organisations', () => {
  it('finds every statement of them through an index', async () => {
    await textOverSmpp();
    await readEverything();
    await editLive();
    await inviteAndPublish();
    await importAndClose();
    // Days later: digests, reminders, poll deadlines (30 days), decision reviews (60 days).
    for (const days of [2, 31, 61]) await later(days);
    // Durand on the Basic plan (a year's retention): its closed board and idea box are announced
    // for removal, then removed (their notices, decision, idea comments with them).
    await relay.stop();
    await writeStore(dataDir, "UPDATE organizations SET plan = 'basic' WHERE id = (SELECT org_id FROM activities WHERE id = ?)", [w.ids.box]);
    const closed = [w.ids.decided, w.ids.box];
    await later(340);
    await waitUntil(async () => (await store('SELECT COUNT(*) AS n FROM activities WHERE id IN (?, ?) AND retention_warned_at IS NOT NULL', closed))?.n === 2, 'the warnings of removal');
    await later(400);
    await waitUntil(
      async () => (await store('SELECT COUNT(*) AS n FROM activities WHERE id IN (?, ?) AND content_removed_at IS NOT NULL', closed))?.n === 2 && (await store('SELECT COUNT(*) AS n FROM retention_removals'))?.n === 0,
      'the removals',
    );
    await relay.stop();

    const lines = (await readFile(scansFile(), 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ScanLine);
    const found = new Map<string, Set<string>>();
    for (const l of lines) {
      if (l.table in readWhole || l.sql in readWholeBy) continue;
      found.set(l.table, (found.get(l.table) ?? new Set()).add(`${l.detail} ← ${l.sql.slice(0, 240)}`));
    }
    // The file was written and read: each allowed table and statement was seen reading whole (no stale entry either).
    expect(Object.keys(readWhole).filter((t) => !lines.some((l) => l.table === t))).toEqual([]);
    expect(Object.keys(readWholeBy).filter((sql) => !lines.some((l) => l.sql === sql))).toEqual([]);
    expect(Object.fromEntries([...found].map(([table, statements]) => [table, [...statements]]))).toEqual({});
  }, 300_000);
});
