import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addComment, readComments, removeComment } from '#core/doc/comments';
import { contributorsWorld, type ContributorsWorld } from '../../support/contributors-world.ts';
import { queryStore } from '../../support/store-reader.ts';
import { waitFor } from '../../support/sync-client.ts';

const text = (t: string) => ({ body: JSON.stringify({ t }), text: t, mentions: [] as string[] });

/**
 * An erased person's ids stay (SPEC E3): the document, the log and `doc_clients` still name
 * their row, which holds nothing of them, and the rules keep working on what they wrote.
 * Stock y-websocket clients on the real relay.
 */
describe("an erased person's ids (SPEC E3)", () => {
  let world: ContributorsWorld;

  beforeAll(async () => {
    world = await contributorsWorld('Erased ids', ['Bob Keller', 'Carol Roux']);
  });

  afterAll(() => world?.close());

  it('E3: ids stay in the document, the log and doc_clients, naming a row with nothing of the person; W3 and W4 hold for what they wrote', async () => {
    const { admin, activityId, people, watcher } = world;
    const [bob, carol] = people as [(typeof people)[0], (typeof people)[0]];
    const writer = await world.join(bob.api);
    addComment(writer.doc, { id: 'comment-bob-e3', author: { id: bob.id, name: bob.name }, at: new Date(), ...text('Mine') });
    await waitFor(() => readComments(watcher.doc).length === 1, 10_000, "Bob's comment");
    writer.destroy();

    expect(await admin.ok('POST', `/api/users/${bob.id}/erase`)).toEqual({ erased: true });
    const former = (await admin.ok<{ name: string }>('GET', `/api/users/${bob.id}`)).name;
    await waitFor(() => readComments(watcher.doc)[0]?.authorName === former, 20_000, 'the former member in the document');

    expect(readComments(watcher.doc)[0]).toMatchObject({ authorId: bob.id, versions: [{ by: bob.id }] });
    const [row] = await queryStore<{ email: string; name: string }>(world.relay.dataDir, 'SELECT email, name FROM users WHERE id = ?', [bob.id]);
    expect(row).toEqual({ email: `erased-${bob.id}@erased.invalid`, name: former });
    const logged = await queryStore<{ n: number }>(world.relay.dataDir, 'SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ? AND user_id = ?', [activityId, bob.id]);
    expect(logged[0]!.n).toBeGreaterThan(0);
    const clients = await queryStore<{ n: number }>(world.relay.dataDir, 'SELECT COUNT(*) AS n FROM doc_clients WHERE activity_id = ? AND user_id = ?', [activityId, bob.id]);
    expect(clients[0]!.n).toBeGreaterThan(0);

    // W3: nobody else appends a version to the former member's comment; W4: a facilitator still removes it.
    const other = await world.join(carol.api);
    const comment = other.doc.getArray<Y.Map<unknown>>('comments').get(0);
    (comment.get('versions') as Y.Array<unknown>).push([{ ...text('Not mine'), at: new Date().toISOString(), by: carol.id }]);
    await waitFor(() => other.closes.length > 0, 10_000, "Carol's refusal");
    expect(other.closes[0]!.code).toBe(4422);
    expect(other.denied.at(-1)).toMatch(/\(W3\)$/);
    const me = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    const facilitator = await world.join(admin);
    removeComment(facilitator.doc, 'comment-bob-e3', { id: me.id, name: me.name }, new Date());
    await waitFor(() => readComments(watcher.doc)[0]?.removed !== undefined, 10_000, 'the removal');
    expect(facilitator.closes).toEqual([]);
    expect(readComments(watcher.doc)[0]).toMatchObject({ authorId: bob.id, removed: { by: me.id }, versions: [{ by: bob.id }] });
  });
});
