import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RestoreResult } from '#core/api/history';
import { addSwotItem, deleteSwotItem, readSwotItems } from '#core/doc/swot';
import { Api, password, setUpOrganisation } from '../../support/api.ts';
import { erasureDone } from '../../support/erasure.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

/**
 * SPEC E1–E2 against a restore (H2): while an erased person is being taken out of an
 * activity's history, a facilitator restores the activity to a moment before their
 * entries were removed. The moment is rebuilt from checkpoints the erasure has not
 * rewritten yet; applied to the live document (which the erasure has already cleaned),
 * it put the person's name back for good. A restore while the erasure runs is refused
 * (503 busy, nothing changed); once it is done, the same restore brings the entries back
 * under the former member's name.
 */
const bob = { name: 'Bob Martin', email: 'bob.martin@durand.example' };
const entries = 300;

let relay: RelayProcess | null = null;
afterEach(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
  relay = null;
});

async function until(predicate: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const step = async (dataDir: string) =>
  (await queryStore<{ step: string }>(dataDir, 'SELECT step FROM erasure_documents ORDER BY seq LIMIT 1'))[0]?.step ?? null;

describe('erasing a person while a facilitator restores (SPEC E1, E2, E5, H2)', () => {
  it('E5: a restore during the erasure is refused or leaves no trace of the person; after it, the entries come back as the former member’s; the moment is not shown meanwhile', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'erase-restore-'));
    relay = await startRelayProcess({ dataDir, env: { NODE_ENV: 'test', CONCLAVE_SNAPSHOT_EVERY: '10', CONCLAVE_CHECKPOINT_EVERY: '20' } });
    const admin = await setUpOrganisation(relay.url);
    const { id: bobId } = await admin.ok<{ id: string }>('POST', '/api/users', { ...bob, password, role: 'member' });
    const bobApi = admin.as((await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email: bob.email, password })).token);
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bobId, role: 'contributor' });
    const logged = async () => (await queryStore<{ n: number }>(dataDir, 'SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ?', [activityId]))[0]!.n;

    const b = await connectClient(bobApi, activityId);
    await synced(b);
    for (let i = 0; i < entries; i++) addSwotItem(b.doc, { id: `bob-item-${i}`, quadrant: 'strengths', text: `Point ${i} (${bob.email})`, author: { id: bobId, name: bob.name }, at: new Date() });
    await until(async () => (await logged()) >= entries, 'the entries logged');
    b.destroy();
    await new Promise((r) => setTimeout(r, 20));
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));

    // The facilitator removes them all.
    const a = await connectClient(admin, activityId);
    await synced(a);
    await waitFor(() => readSwotItems(a.doc).length === entries, 30_000, 'the entries');
    a.doc.transact(() => {
      for (let i = 0; i < entries; i++) deleteSwotItem(a.doc, `bob-item-${i}`);
    });
    await until(async () => (await logged()) >= entries + 1, 'the removal logged');

    expect(await admin.ok('POST', `/api/users/${bobId}/erase`)).toEqual({ erased: true });
    // As soon as the live document is clean and the history is being rewritten: restore.
    await until(async () => (await step(dataDir)) !== 'live', 'the erasure past the live document');
    const shown = await admin.call<{ error?: { code: string } }>('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent(before)}`);
    if (shown.status === 200) expect(JSON.stringify(shown.body)).not.toContain(bob.name);
    else expect([shown.status, shown.body.error?.code]).toEqual([503, 'busy']);
    const during = await admin.call<RestoreResult & { error?: { code: string } }>('POST', `/api/activities/${activityId}/restore`, { at: before });
    await erasureDone(dataDir);

    // Entries whose JSON still names Bob (0 expected), counted so that a failure stays short.
    const naming = (doc: Y.Doc) => readSwotItems(doc).filter((item) => JSON.stringify(item).includes(bob.name) || JSON.stringify(item).includes(bob.email)).length;
    if (during.status === 200) {
      await new Promise((r) => setTimeout(r, 200));
      expect(naming(a.doc)).toBe(0);
    } else {
      expect([during.status, during.body.error?.code]).toEqual([503, 'busy']);
      expect(readSwotItems(a.doc)).toHaveLength(0);
      const after = await admin.ok<RestoreResult>('POST', `/api/activities/${activityId}/restore`, { at: before });
      expect(after.changed).toBe(true);
    }
    await waitFor(() => readSwotItems(a.doc).length === entries, 30_000, 'the entries restored');
    expect(naming(a.doc)).toBe(0);

    // A newcomer's copy, from the relay alone.
    const fresh = await connectClient(admin, activityId, new Y.Doc());
    await synced(fresh);
    await waitFor(() => readSwotItems(fresh.doc).length === entries, 30_000, 'the fresh copy');
    expect(naming(fresh.doc)).toBe(0);
    fresh.destroy();
    a.destroy();
  }, 240_000);
});
