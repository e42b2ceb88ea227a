import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryPage } from '#core/api/activities';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

const overwrites = 120;
const valueBytes = 30_000;

describe('the update log compacted behind snapshots (SPEC D5)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess({
      env: { CONCLAVE_SNAPSHOT_EVERY: '20', CONCLAVE_LOG_KEEP_HOURS: '0', CONCLAVE_SNAPSHOTS_KEPT: '4' },
    });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Busy value',
      question: 'Does overwriting one value fill the disk?',
    }));
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('D5: overwriting one 30 kB value keeps the store small; history, past snapshots and the document survive', async () => {
    const writer = await connectClient(admin, activityId);
    const reader = await connectClient(admin, activityId, new Y.Doc());
    await Promise.all([synced(writer), synced(reader)]);
    for (let i = 0; i < overwrites; i++) {
      writer.doc.getMap('board').set('notes', `${i}:`.padEnd(valueBytes, 'z'));
      await waitFor(() => String(reader.doc.getMap('board').get('notes')).startsWith(`${i}:`), 10_000, `overwrite ${i}`);
    }
    writer.destroy();
    reader.destroy();
    await relay.stop();

    const [log] = await queryStore<{ rows: number; stored: number; counted: number }>(
      relay.dataDir,
      'SELECT COUNT(*) AS rows, SUM(length(data)) AS stored, SUM(COALESCE(bytes, length(data))) AS counted FROM doc_updates WHERE activity_id = ?',
      [activityId],
    );
    // Every overwrite, and the empty document the activity was created with.
    expect(log!.rows).toBe(overwrites + 1);
    expect(log!.counted).toBeGreaterThan(overwrites * valueBytes);
    // Only what no snapshot covers yet keeps its data.
    expect(log!.stored).toBeLessThan(20 * (valueBytes + 100));
    const past = await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM doc_past_snapshots WHERE activity_id = ?', [
      activityId,
    ]);
    expect(past[0]!.n).toBeGreaterThan(0);
    expect(past[0]!.n).toBeLessThanOrEqual(3);

    relay = await relay.restart();
    const history = await admin.ok<HistoryPage>('GET', `/api/activities/${activityId}/history`);
    expect(history.entries.reduce((n, e) => n + e.updates, 0)).toBe(overwrites + 1);
    expect(history.entries.reduce((n, e) => n + e.bytes, 0)).toBeGreaterThan(overwrites * valueBytes);
    const fresh = await connectClient(admin, activityId, new Y.Doc());
    await synced(fresh);
    expect(String(fresh.doc.getMap('board').get('notes'))).toMatch(new RegExp(`^${overwrites - 1}:`));
    fresh.destroy();
  });
});
