import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributorsWorld, type ContributorsWorld } from '../../support/contributors-world.ts';
import { sendUpdate } from '../../support/raw-client.ts';
import { queryStore } from '../../support/store-reader.ts';

const documentBytes = 1_000_000;
/** A contributor's share: 10 % of the document, 100,000 bytes. */
const sharePercent = 10;

/** Placeholders (collected ranges) on `count` fresh client ids from `first`: about 12 bytes each. */
function placeholders(first: number, count: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, first + i);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, 2 ** 40);
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/**
 * A contributor's share (SPEC U4) is what their Yjs clients take in the document, the same
 * before and after a snapshot counts it again: placeholders included. Stock clients' wire,
 * crafted updates, a real relay whose room is unloaded (snapshotted) in between.
 */
describe("a contributor's share across snapshots (SPEC U4)", () => {
  let world: ContributorsWorld;

  beforeAll(async () => {
    world = await contributorsWorld('Shares', ['Mallory Durand'], {
      CONCLAVE_MAX_DOCUMENT_BYTES: String(documentBytes),
      CONCLAVE_MAX_SHARE_PERCENT: String(sharePercent),
      CONCLAVE_NEW_CLIENTS_PER_DAY: '100000',
      CONCLAVE_MAX_CLIENTS_PER_PERSON: '100000',
      CONCLAVE_IDLE_UNLOAD_MS: '300',
      // Placeholders are collected ranges, which also grow the delete set (U14): with a
      // 4 MiB frame its share (10 % of 2 MiB) stays out of the way of the share U4 counts.
      CONCLAVE_MAX_FRAME_BYTES: String(4 * 1024 * 1024),
    });
  });

  afterAll(() => world?.close());

  it('U4: placeholders that filled a share still count once the room was snapshotted and loaded again', async () => {
    const { activityId, people } = world;
    const mallory = people[0]!;
    world.watcher.destroy();
    // About 10,000 bytes an update: the share is full within about ten.
    let next = 1_000_000;
    let taken = 0;
    for (;;) {
      const outcome = await sendUpdate(mallory.api, activityId, placeholders(next, 800));
      next += 800;
      if (outcome !== null) {
        expect(outcome).toBe(4413);
        break;
      }
      taken++;
      expect(taken).toBeLessThan(30);
    }
    expect(taken).toBeGreaterThan(5);

    // Nobody connected: the room is written to a snapshot and unloaded (SPEC R3).
    const [last] = await queryStore<{ id: number }>(world.relay.dataDir, 'SELECT MAX(id) AS id FROM doc_updates WHERE activity_id = ?', [activityId]);
    const snapshotted = async () => {
      const rows = await queryStore<{ upto_id: number }>(world.relay.dataDir, 'SELECT upto_id FROM doc_snapshots WHERE activity_id = ?', [activityId]);
      return rows[0]?.upto_id === last!.id;
    };
    for (let i = 0; i < 200 && !(await snapshotted()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await snapshotted()).toBe(true);

    // Loaded again, the share is counted from the document: still full for twice one update.
    expect(await sendUpdate(mallory.api, activityId, placeholders(next, 1_600))).toBe(4413);
  });
});
