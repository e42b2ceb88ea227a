import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, editComment, readComments } from '#core/doc/comments';
import { DocRoot } from '#core/doc/schema';
import { sendUpdate } from '../../support/raw-client.ts';
import { contributorsWorld, type ContributorsWorld } from '../../support/contributors-world.ts';
import { waitFor } from '../../support/sync-client.ts';

const text = (t: string) => ({ body: JSON.stringify({ t }), text: t, mentions: [] as string[] });

/**
 * One struct of `client` from `clock`, placed after `origin`, holding plain values: what a
 * crafted update sends when its first values repeat clocks the relay holds already.
 */
function valuesAfter(client: number, clock: number, origin: Y.ID, values: unknown[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, 8 | 128); // plain values (ContentAny), with an origin
  encoding.writeVarUint(e, origin.client);
  encoding.writeVarUint(e, origin.clock);
  encoding.writeVarUint(e, values.length);
  for (const v of values) encoding.writeAny(e, v as encoding.AnyEncodable);
  encoding.writeVarUint(e, 0); // deletes nothing
  return encoding.toUint8Array(e);
}

/**
 * Only what is new to the document is judged (SPEC U13): a struct that starts at clocks the
 * relay holds and goes on past them is integrated by Yjs from the relay's clock, after the
 * sender's own last item, not where the struct says it goes. Stock y-websocket clients on
 * the real relay.
 */
describe('structs straddling the document’s clocks (SPEC U13)', () => {
  let world: ContributorsWorld;

  beforeAll(async () => {
    world = await contributorsWorld('Straddling', ['Bob Keller', 'Alice Martin']);
  });

  afterAll(() => world?.close());

  it('U13, W1: a version in Alice’s name, hidden in a struct that says it goes into the brief and starts on clocks the relay holds, is refused (4422); nothing reaches anyone', async () => {
    const { watcher, activityId, admin, people } = world;
    const [bob, alice] = people as [(typeof people)[0], (typeof people)[0]];
    const writer = await world.join(bob.api);
    addComment(writer.doc, { id: 'comment-bob-1', author: { id: bob.id, name: 'Bob Keller' }, at: new Date(), ...text('first') });
    editComment(writer.doc, 'comment-bob-1', bob.id, text('second'), new Date());
    await waitFor(() => readComments(watcher.doc)[0]?.versions.length === 2, 10_000, "Bob's comment");
    writer.provider.disconnect();

    // Bob's last item (at clock - 1) is his comment's second version; the brief is any editor's.
    const client = writer.doc.clientID;
    const clock = Y.getState(writer.doc.store, client);
    const brief = watcher.doc.get(DocRoot.brief, Y.XmlText);
    const briefItem = brief._start!;
    const forged = { ...text('Alice agrees'), at: new Date().toISOString(), by: alice.id };
    const attack = valuesAfter(client, clock - 1, briefItem.id, [{ ignored: true }, forged]);
    const outcome = await sendUpdate(bob.api, activityId, attack);

    // Give a taken change time to reach the watcher, then look.
    const probe = new Y.Doc();
    probe.getText('probe').insert(0, 'after');
    expect(await sendUpdate(admin, activityId, Y.encodeStateAsUpdate(probe))).toBeNull();
    await waitFor(() => watcher.doc.getText('probe').toString() === 'after', 10_000, 'the probe');
    const comment = watcher.doc.getArray<Y.Map<unknown>>(DocRoot.comments).get(0);
    const versions = (comment.get('versions') as Y.Array<{ by: string }>).toArray();
    expect(versions.map((v) => v.by)).toEqual([bob.id, bob.id]);
    expect(outcome).toBe(4422);
  });
});
