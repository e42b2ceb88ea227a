import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { actionItemsMap, addActionItem, addActionItemsBoard, assignActionItem, deleteActionItem, readActionItems, renameActionItem, setActionStatus } from '#core/doc/action-items';
import { initialDocumentUpdate } from '../../../../../server/activities/brief-seed.ts';
import { judgeContent } from '../../../../../server/sync/rules/content.ts';
import type { Author } from '../../../../../server/sync/rules/author.ts';
import type { ActivityMembers } from '../../../../../server/sync/rules/member-fields.ts';

const fay: Author = { id: 'facilitator-fay', name: 'Fay Facilitator', role: 'facilitator' };
const cid: Author = { id: 'contributor-cid', name: 'Cid Contributor', role: 'contributor' };
const ola: Author = { id: 'contributor-ola', name: 'Ola Owner', role: 'contributor' };
const at = new Date('2026-12-05T09:00:00Z');
const me = (a: Author) => ({ id: a.id, name: a.name });
const board = 'actions-0001';
/** The activity's members as the room knows them (Dan is of the organisation, not of the activity). */
const members: ActivityMembers = { nameOf: (id) => [fay, cid, ola].find((a) => a.id === id)?.name };

/** `who` edits a copy of the room's document; the update is judged against the room, which takes it when allowed. */
function edit(room: Y.Doc, who: Author, change: (doc: Y.Doc) => void) {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(client);
  change(client);
  const update = Y.encodeStateAsUpdate(client, before);
  const verdict = judgeContent(update, room, who, undefined, undefined, members);
  if (verdict.allowed) Y.applyUpdate(room, update);
  return verdict.allowed ? 'allowed' : verdict.rule;
}

/** A room with a board (the facilitator's) and one item Cid wrote for Ola. */
function withItem() {
  const room = new Y.Doc();
  Y.applyUpdate(room, initialDocumentUpdate(''));
  expect(edit(room, fay, (d) => addActionItemsBoard(d, board, me(fay), at))).toBe('allowed');
  const item = { id: 'action-0001', title: 'Book the venue', owner: me(ola), due: '2026-12-10', author: me(cid), at };
  expect(edit(room, cid, (d) => addActionItem(d, board, item))).toBe('allowed');
  return room;
}

const status = (room: Y.Doc) => readActionItems(room, board)[0]?.status;

describe('action items: who changes what (SPEC W1, W5, W12)', () => {
  it('a board is the facilitator’s to create; an item anyone’s, under their own name', () => {
    const room = new Y.Doc();
    Y.applyUpdate(room, initialDocumentUpdate(''));
    expect(edit(room, cid, (d) => addActionItemsBoard(d, board, me(cid), at))).toBe('W5');
    expect(edit(room, fay, (d) => addActionItemsBoard(d, board, me(fay), at))).toBe('allowed');
    const forged = { id: 'action-0002', title: 'T', owner: me(ola), due: '2026-12-10', author: me(ola), at };
    expect(edit(room, cid, (d) => addActionItem(d, board, forged))).toBe('W1');
  });

  it('W12: the owner and a facilitator change the status; the author who is not the owner, and others, do not', () => {
    const room = withItem();
    expect(edit(room, cid, (d) => setActionStatus(d, board, 'action-0001', 'done', me(cid), at))).toBe('W12');
    expect(status(room)).toBe('todo');
    expect(edit(room, ola, (d) => setActionStatus(d, board, 'action-0001', 'doing', me(ola), at))).toBe('allowed');
    expect(edit(room, fay, (d) => setActionStatus(d, board, 'action-0001', 'done', me(fay), at))).toBe('allowed');
    expect(status(room)).toBe('done');
    expect(edit(room, cid, (d) => actionItemsMap(d, board)!.get('action-0001')!.delete('status'))).toBe('W12');
  });

  it('W12: the author and a facilitator reassign or move the day; the owner and others do not', () => {
    const room = withItem();
    const toCid = { owner: me(cid), due: '2026-12-11' };
    expect(edit(room, ola, (d) => assignActionItem(d, board, 'action-0001', toCid, me(ola), at))).toBe('W12');
    expect(edit(room, ola, (d) => actionItemsMap(d, board)!.get('action-0001')!.set('due', '2027-01-01'))).toBe('W12');
    expect(edit(room, cid, (d) => assignActionItem(d, board, 'action-0001', { owner: me(fay), due: '2026-12-12' }, me(cid), at))).toBe('allowed');
    expect(edit(room, fay, (d) => assignActionItem(d, board, 'action-0001', toCid, me(fay), at))).toBe('allowed');
    expect(readActionItems(room, board)[0]).toMatchObject({ ownerId: cid.id, due: '2026-12-11' });
  });

  it('W15: an owner is a member of the activity, under the name the relay knows; a change of day alone does not ask again', () => {
    const room = withItem();
    const dan = { id: 'outsider-dan', name: 'Dan Outsider' };
    const item = (id: string, owner: { id: string; name: string }) => ({ id, title: 'Count', owner, due: '2026-12-10', author: me(cid), at });
    expect(edit(room, cid, (d) => addActionItem(d, board, item('action-0002', dan)))).toBe('W15');
    expect(edit(room, cid, (d) => addActionItem(d, board, item('action-0002', { id: ola.id, name: 'Fay Facilitator' })))).toBe('W15');
    expect(edit(room, fay, (d) => assignActionItem(d, board, 'action-0001', { owner: dan, due: '2026-12-10' }, me(fay), at))).toBe('W15');
    expect(edit(room, fay, (d) => actionItemsMap(d, board)!.get('action-0001')!.set('ownerName', 'Someone Else'))).toBe('W15');
    expect(edit(room, fay, (d) => actionItemsMap(d, board)!.get('action-0001')!.set('ownerId', cid.id))).toBe('W15');
    expect(readActionItems(room, board).map((i) => [i.id, i.ownerId, i.ownerName])).toEqual([['action-0001', ola.id, ola.name]]);
    // Both fields in one change, or the day alone while the owner is as written.
    expect(edit(room, fay, (d) => assignActionItem(d, board, 'action-0001', { owner: me(cid), due: '2026-12-10' }, me(fay), at))).toBe('allowed');
    expect(edit(room, fay, (d) => actionItemsMap(d, board)!.get('action-0001')!.set('due', '2026-12-12'))).toBe('allowed');
    expect(edit(room, cid, (d) => addActionItem(d, board, item('action-0002', me(ola))))).toBe('allowed');
  });

  it('the title is any editor’s, and an item may be deleted one by one (W7)', () => {
    const room = withItem();
    expect(edit(room, ola, (d) => renameActionItem(d, board, 'action-0001', 'Book the big venue', me(ola), at))).toBe('allowed');
    expect(edit(room, ola, (d) => deleteActionItem(d, board, 'action-0001'))).toBe('allowed');
    expect(readActionItems(room, board)).toEqual([]);
  });

  it('W15: each field takes only what an action item holds: a status of the four, a real day', () => {
    const room = withItem();
    const item = (d: Y.Doc) => actionItemsMap(d, board)!.get('action-0001')!;
    expect(edit(room, ola, (d) => item(d).set('status', 'banana'))).toBe('W15');
    expect(edit(room, fay, (d) => item(d).set('due', '2026-02-30'))).toBe('W15');
    expect(edit(room, fay, (d) => item(d).set('priority', 'high'))).toBe('W15');
    expect(readActionItems(room, board)[0]).toMatchObject({ status: 'todo', due: '2026-12-10' });
  });
});
