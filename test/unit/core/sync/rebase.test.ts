import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addOption, addProsConsBoard, readProsConsOptions, renameOption } from '#core/doc/pros-cons';
import { seedDocument } from '#core/doc/seed';
import { addSwotItem, deleteSwotItem, readSwotItems } from '#core/doc/swot';
import { holds, rebaseChanges, subjectOf, tombstoneOf, writesIn } from '#core/sync/rebase';
import { carriesRefused, readRefusedClient, readRefusedId, refusedIdOf, writeRefusedId } from '#core/sync/refused-change';
import { UnconfirmedChanges } from '#core/sync/unconfirmed';

const at = new Date('2026-12-05T09:00:00Z');
const cid = { id: 'user-cid', name: 'Cid' };
const fay = { id: 'user-fay', name: 'Fay' };

/** The relay's copy with a SWOT board, and a device synced with it that keeps its changes apart. */
function world() {
  const relay = new Y.Doc();
  seedDocument(relay, at);
  addProsConsBoard(relay, 'board-1', fay, at);
  addOption(relay, 'board-1', 'option-1', 'Open on Sundays');
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(relay), 'relay');
  const changes = new UnconfirmedChanges(device, (origin) => origin === 'relay');
  return { relay, device, changes };
}

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('rebasing unconfirmed changes after a refusal (SPEC W9)', () => {
  it('keeps one change per transaction, and joins consecutive changes to one place', () => {
    const { device, changes } = world();
    addSwotItem(device, { id: 'item-first', quadrant: 'strengths', text: 'One', author: cid, at });
    addSwotItem(device, { id: 'item-second', quadrant: 'strengths', text: 'Two', author: cid, at });
    for (const letter of 'abc') device.getText('notes').insert(0, letter);
    expect(changes.size).toBe(3);
  });

  it('the first change the relay does not hold is the refused one: left out, its clocks filled, the later ones put back', () => {
    const { relay, device, changes } = world();
    addSwotItem(device, { id: 'item-before', quadrant: 'strengths', text: 'Before', author: cid, at });
    renameOption(device, 'board-1', 'option-1', 'Every day');
    addSwotItem(device, { id: 'item-after', quadrant: 'threats', text: 'After', author: cid, at });
    const [before] = changes.updates();
    Y.applyUpdate(relay, before!); // taken before the refusal

    const rebase = rebaseChanges(relay, changes.updates());
    expect(rebase.refused).toBe(changes.updates()[1]);
    expect(subjectOf(relay, rebase.refused!)).toEqual({ area: 'option', label: 'Every day' });
    expect(rebase.replay).toHaveLength(2);
    for (const update of rebase.replay) Y.applyUpdate(relay, update);
    expect(relay.store.pendingStructs).toBeNull();
    expect(readSwotItems(relay).map((i) => i.id).sort()).toEqual(['item-after', 'item-before']);
    expect(readProsConsOptions(relay, 'board-1').map((o) => o.label)).toEqual(['Open on Sundays']);
  });

  it('what was built on the refused change lands in nothing; nothing waits', () => {
    const { relay, device, changes } = world();
    addProsConsBoard(device, 'board-by-cid', cid, at); // refused (W5)
    addOption(device, 'board-by-cid', 'option-x', 'Built on it');
    addSwotItem(device, { id: 'item-independent', quadrant: 'threats', text: 'Independent', author: cid, at });
    const rebase = rebaseChanges(relay, changes.updates());
    for (const update of rebase.replay) Y.applyUpdate(relay, update);
    expect(relay.store.pendingStructs).toBeNull();
    expect(relay.store.pendingDs).toBeNull();
    expect(relay.getMap('methods').has('board-by-cid')).toBe(false);
    expect(readSwotItems(relay).map((i) => i.id)).toEqual(['item-independent']);
  });

  it('a tombstone takes the same clocks and changes no content', () => {
    const { relay, device, changes } = world();
    renameOption(device, 'board-1', 'option-1', 'Every day');
    const [rename] = changes.updates();
    const tomb = tombstoneOf(rename!);
    const before = relay.getMap('methods').toJSON();
    Y.applyUpdate(relay, tomb);
    expect(Y.encodeStateVector(relay)).toEqual(Y.encodeStateVector(copyOf(device)));
    expect(relay.getMap('methods').toJSON()).toEqual(before);
    expect(holds(relay, tomb)).toBe(true);
    expect(holds(relay, rename!)).toBe(false);
  });

  it('nothing to leave out when the relay holds every change', () => {
    const { relay, device, changes } = world();
    addSwotItem(device, { id: 'item-first', quadrant: 'strengths', text: 'One', author: cid, at });
    for (const update of changes.updates()) Y.applyUpdate(relay, update);
    expect(rebaseChanges(relay, changes.updates())).toEqual({ refused: null, replay: [], dropped: [] });
  });

  it('the relay names the refused change: that one is left out even when the relay holds it, because someone else made the same deletion', () => {
    const { relay, device, changes } = world();
    device.getMap('methods').delete('board-1'); // refused (W5): a contributor deletes a board…
    addSwotItem(device, { id: 'item-mine', quadrant: 'strengths', text: 'Mine', author: cid, at });
    relay.getMap('methods').delete('board-1'); // …which the facilitator deleted too
    const [deletion, item] = changes.updates();
    const named = readRefusedId(`${writeRefusedId(refusedIdOf(deletion!))}W5: boards are the facilitator's`);
    expect(named).toMatchObject({ kind: 'delete' });
    expect(carriesRefused(item!, named!)).toBe(false);

    const rebase = rebaseChanges(relay, changes.updates(), named);
    expect(rebase.refused).toBe(deletion);
    for (const update of rebase.replay) Y.applyUpdate(relay, update);
    expect(relay.store.pendingStructs).toBeNull();
    expect(readSwotItems(relay).map((i) => i.id)).toEqual(['item-mine']);
  });

  it('the relay names a change the device does not carry (content only on the device, after a restart): nothing carried is blamed', () => {
    const { relay, device, changes } = world();
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(device));
    let deviceOnly: Uint8Array | null = null;
    elsewhere.on('update', (u: Uint8Array) => (deviceOnly = u));
    renameOption(elsewhere, 'board-1', 'option-1', 'Every day');
    addSwotItem(device, { id: 'item-kept', quadrant: 'strengths', text: 'Kept', author: cid, at });
    renameOption(device, 'board-1', 'option-1', 'Weekdays');

    const rebase = rebaseChanges(relay, changes.updates(), refusedIdOf(deviceOnly!));
    expect(rebase.refused).toBeNull();
    for (const update of rebase.replay) Y.applyUpdate(relay, update);
    expect(readSwotItems(relay).map((i) => i.id)).toEqual(['item-kept']);
    expect(readProsConsOptions(relay, 'board-1').map((o) => o.label)).toEqual(['Weekdays']);
  });

  it('a named change in the middle: those before it the relay lacks are put back too, in order', () => {
    const { relay, device, changes } = world();
    addSwotItem(device, { id: 'item-before', quadrant: 'strengths', text: 'Before', author: cid, at });
    renameOption(device, 'board-1', 'option-1', 'Every day');
    addSwotItem(device, { id: 'item-after', quadrant: 'threats', text: 'After', author: cid, at });
    const [, rename] = changes.updates();
    const rebase = rebaseChanges(relay, changes.updates(), refusedIdOf(rename!));
    expect(rebase.refused).toBe(changes.updates()[1]);
    expect(rebase.replay).toHaveLength(3);
    for (const update of rebase.replay) Y.applyUpdate(relay, update);
    expect(relay.store.pendingStructs).toBeNull();
    expect(readSwotItems(relay).map((i) => i.id).sort()).toEqual(['item-after', 'item-before']);
    expect(readProsConsOptions(relay, 'board-1').map((o) => o.label)).toEqual(['Open on Sundays']);
  });

  it('a close reason without a name (an older relay) or with a malformed one names nothing', () => {
    expect(readRefusedId('W5: boards are the facilitator\'s')).toBeNull();
    expect(readRefusedId('#s:12:x W5')).toBeNull();
    expect(readRefusedId(undefined)).toBeNull();
    expect(readRefusedId('#s:99999999999999999:1 W5')).toBeNull();
    expect(readRefusedId('#s:42:7 W1: no')).toEqual({ kind: 'struct', client: 42, clock: 7 });
  });

  it("W10: refused for its client, every change of that client is left out and none of its clocks is sent again; changes without clocks there are kept", () => {
    const { relay, device, changes } = world();
    addSwotItem(relay, { id: 'item-fays', quadrant: 'strengths', text: 'Fay', author: fay, at });
    Y.applyUpdate(device, Y.encodeStateAsUpdate(relay), 'relay');
    addSwotItem(device, { id: 'item-one', quadrant: 'strengths', text: 'One', author: cid, at });
    deleteSwotItem(device, 'item-fays');
    addSwotItem(device, { id: 'item-two', quadrant: 'threats', text: 'Two', author: cid, at });
    const carried = changes.updates();
    expect(carried).toHaveLength(3);
    const reason = `${writeRefusedId(refusedIdOf(carried[0]!))}W10: client ${device.clientID} is not yours`;
    expect(readRefusedClient(reason)).toBe(device.clientID);
    expect(readRefusedClient(`${writeRefusedId(refusedIdOf(carried[0]!))}W5: boards are the facilitator's`)).toBeNull();

    const rebase = rebaseChanges(copyOf(relay), carried, readRefusedId(reason), readRefusedClient(reason));
    expect(rebase.refused).toBe(carried[0]);
    expect(rebase.dropped).toEqual([carried[0], carried[2]]);
    // No placeholders: nothing put back takes a clock of the refused client, so it cannot be refused for it again.
    expect(rebase.replay).toEqual([carried[1]]);
    expect(rebase.replay.some((u) => writesIn(u, device.clientID))).toBe(false);
    const after = copyOf(relay);
    for (const update of rebase.replay) Y.applyUpdate(after, update);
    expect(readSwotItems(after).map((i) => i.id)).toEqual([]);
  });
});
