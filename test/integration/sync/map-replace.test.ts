import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { contributorsWorld, type ContributorsWorld } from '../../support/contributors-world.ts';
import { withoutDeletions } from '../../support/crafted-updates.ts';
import { sendUpdate } from '../../support/raw-client.ts';
import { waitFor } from '../../support/sync-client.ts';

/**
 * A value set under a map key deletes the key's current value when Yjs integrates it (SPEC
 * W7), whether or not the update lists that value among its deletions. Stock y-websocket
 * clients on the real relay; the replacing update is crafted as a client could send it.
 */
describe('an entry set under the key of a live one is its deletion (SPEC W7)', () => {
  let world: ContributorsWorld;
  const at = new Date('2026-12-06T09:00:00Z');

  beforeAll(async () => {
    world = await contributorsWorld('Replace', ['Alice Martin', 'Bob Keller']);
  });

  afterAll(() => world?.close());

  it("W7: Bob overwriting every one of Alice's entries in one update, deletions left out, is refused (4422); one entry replaced is taken", async () => {
    const { watcher, activityId, people } = world;
    const [alice, bob] = people as [(typeof people)[0], (typeof people)[0]];
    const writer = await world.join(alice.api);
    for (const id of ['item-alice-01', 'item-alice-02']) {
      addSwotItem(writer.doc, { id, quadrant: 'strengths', text: 'Loyal customers', author: { id: alice.id, name: 'Alice Martin' }, at });
    }
    await waitFor(() => readSwotItems(watcher.doc).length === 2, 10_000, "Alice's entries");

    const overwrite = (ids: string[]) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(watcher.doc));
      const before = Y.encodeStateVector(copy);
      for (const id of ids) addSwotItem(copy, { id, quadrant: 'threats', text: 'Mine now', author: { id: bob.id, name: 'Bob Keller' }, at });
      return withoutDeletions(Y.encodeStateAsUpdate(copy, before));
    };
    expect(await sendUpdate(bob.api, activityId, overwrite(['item-alice-01', 'item-alice-02']))).toBe(4422);
    expect(await sendUpdate(bob.api, activityId, overwrite(['item-alice-02']))).toBeNull();
    await waitFor(() => readSwotItems(watcher.doc).some((i) => i.authorId === bob.id), 10_000, "Bob's one replacement");
    expect(readSwotItems(watcher.doc).map((i) => [i.id, i.authorId])).toEqual([
      ['item-alice-01', alice.id],
      ['item-alice-02', bob.id],
    ]);
  });
});
