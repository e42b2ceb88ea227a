import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addComment, readComments } from '#core/doc/comments';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { Api, password, setUpOrganisation } from '../../support/api.ts';
import { erasureDone } from '../../support/erasure.ts';
import { bytesFound } from '../../support/file-bytes.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

/**
 * SPEC E4 across a crash: a person's 1,200 board entries (snapshots and checkpoints
 * between them) are being rewritten when the relay is killed (-9) right after the
 * erasure committed its first batch — a point the relay reaches on purpose
 * (`CONCLAVE_ERASURE_CRASH_AT`, tests only). Restarted, the erasure goes on and finishes,
 * and no page of the SQLite file, free or not, nor the WAL, holds the name, e-mail or phone.
 */
const bob = { name: 'Bob Martin', email: 'bob.martin@durand.example', phone: '+33611223344' };
const entries = 1_200;

let relay: RelayProcess | null = null;
afterEach(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
  relay = null;
});

async function traces(dataDir: string) {
  const found: string[] = [];
  for (const needle of [bob.name, bob.email, bob.phone]) for (const where of await bytesFound(dataDir, needle)) found.push(`${needle}: ${where}`);
  return found;
}

describe('erasing a person, killed mid-way (SPEC E2, E4)', () => {
  it('E4: after a kill -9 mid-way through a 1,200-entry history and a restart, the erasure finishes and no page nor the WAL holds the name, e-mail or phone', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'erase-crash-'));
    const env = { NODE_ENV: 'test', CONCLAVE_SNAPSHOT_EVERY: '100', CONCLAVE_CHECKPOINT_EVERY: '200' };
    relay = await startRelayProcess({ dataDir, env: { ...env, CONCLAVE_ERASURE_CRASH_AT: 'after-updates-batch' } });
    const admin = await setUpOrganisation(relay.url);
    const { id: bobId } = await admin.ok<{ id: string }>('POST', '/api/users', { ...bob, phone: '+33 6 11 22 33 44', password, role: 'member' });
    const bobApi = admin.as((await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email: bob.email, password })).token);
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bobId, role: 'contributor' });

    const b = await connectClient(bobApi, activityId);
    try {
      await synced(b);
      const asBob = { id: bobId, name: bob.name };
      for (let i = 0; i < entries; i++) addSwotItem(b.doc, { id: `bob-item-${i}`, quadrant: 'strengths', text: `Point ${i}`, author: asBob, at: new Date() });
      addComment(b.doc, { id: 'bob-comment', author: asBob, at: new Date(), body: '{"root":{}}', text: `Call me: ${bob.email}, ${bob.phone}`, mentions: [] });
      await waitFor(() => readSwotItems(b.doc).length === entries && readComments(b.doc).length === 1, 30_000, 'the entries');
      const logged = async () => (await queryStore<{ n: number }>(dataDir, 'SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ?', [activityId]))[0]!.n;
      for (let tries = 0; (await logged()) < entries + 1; tries++) {
        if (tries > 600) throw new Error('the entries were not all logged');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      b.destroy();
    }
    const [{ checkpoints } = { checkpoints: 0 }] = await queryStore<{ checkpoints: number }>(dataDir, 'SELECT COUNT(*) AS checkpoints FROM doc_past_snapshots');
    expect(checkpoints).toBeGreaterThan(0);
    expect((await traces(dataDir)).length).toBeGreaterThan(0);

    // The erase answers; the relay then kills itself once the first rewritten batch is committed.
    const exited = new Promise<number | null>((resolve) => relay!.child.once('exit', (code) => resolve(code)));
    expect(await admin.ok('POST', `/api/users/${bobId}/erase`)).toEqual({ erased: true });
    await exited;
    const [pending] = await queryStore<{ step: string; cursor: number }>(dataDir, 'SELECT step, cursor FROM erasure_documents');
    expect(pending).toMatchObject({ step: 'updates' });
    expect(pending!.cursor).toBeGreaterThan(0);

    relay = await startRelayProcess({ dataDir, port: Number(new URL(relay.url).port), env });
    await erasureDone(dataDir);
    expect(await traces(dataDir)).toEqual([]);
    // And after a clean stop and start.
    await relay.stop();
    relay = await relay.restart();
    expect(await traces(dataDir)).toEqual([]);
  }, 180_000);
});
