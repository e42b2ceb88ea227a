import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { addComment, editComment, removeComment, readComments } from '#core/doc/comments';
import { addProsConsBoard, addOption, addProsConsItem, deleteProsConsItem, editProsConsItem, moveProsConsItem, removeOption, renameOption } from '#core/doc/pros-cons';
import { addSwotItem, deleteSwotItem, editSwotItem, moveSwotItem, readSwotItems, swotItemsMap } from '#core/doc/swot';
import { judgeContent } from '../../../../../server/sync/rules/content.ts';
import type { Author } from '../../../../../server/sync/rules/author.ts';
import { judgedEdit, judgedEditVerdict, roomDoc, withoutDeletions } from './judged-edit.ts';

const fay: Author = { id: 'facilitator-fay', name: 'Fay Facilitator', role: 'facilitator' };
const cid: Author = { id: 'contributor-cid', name: 'Cid Contributor', role: 'contributor' };
const ola: Author = { id: 'contributor-ola', name: 'Ola Other', role: 'contributor' };
const at = new Date('2026-12-05T09:00:00Z');

const edit = judgedEdit;

const me = (a: Author) => ({ id: a.id, name: a.name });

function withItem(author: Author = cid) {
  const room = roomDoc();
  expect(edit(room, author, (d) => addSwotItem(d, { id: 'item-0001', quadrant: 'strengths', text: 'Loyal customers', author: me(author), at }))).toBe('allowed');
  return room;
}

function withComment(author: Author = cid) {
  const room = roomDoc();
  const body = { body: '{"root":1}', text: 'First thought', mentions: [] };
  expect(edit(room, author, (d) => addComment(d, { id: 'comment-0001', author: me(author), at, ...body }))).toBe('allowed');
  return room;
}

const body = (text: string) => ({ body: JSON.stringify({ text }), text, mentions: [] });

describe("the app's own edits are allowed (SPEC W1–W7)", () => {
  it('SWOT: add, edit, move, delete, by any contributor', () => {
    const room = withItem();
    expect(edit(room, ola, (d) => editSwotItem(d, 'item-0001', 'Very loyal customers', me(ola), at))).toBe('allowed');
    expect(edit(room, ola, (d) => moveSwotItem(d, 'item-0001', 'threats', 0))).toBe('allowed');
    expect(edit(room, ola, (d) => deleteSwotItem(d, 'item-0001'))).toBe('allowed');
    expect(readSwotItems(room)).toEqual([]);
  });

  it('pros and cons: the facilitator makes the board and options, contributors the items', () => {
    const room = roomDoc();
    expect(edit(room, fay, (d) => addProsConsBoard(d, 'board-0001', me(fay), at))).toBe('allowed');
    expect(edit(room, fay, (d) => addOption(d, 'board-0001', 'option-001', 'Open on Sundays'))).toBe('allowed');
    expect(edit(room, fay, (d) => renameOption(d, 'board-0001', 'option-001', 'Open on Sunday mornings'))).toBe('allowed');
    const item = { id: 'procon-001', optionId: 'option-001', side: 'pro' as const, text: 'More sales', author: me(cid), at };
    expect(edit(room, cid, (d) => addProsConsItem(d, 'board-0001', item))).toBe('allowed');
    expect(edit(room, ola, (d) => editProsConsItem(d, 'board-0001', 'procon-001', 'Much more sales', me(ola), at))).toBe('allowed');
    expect(edit(room, ola, (d) => moveProsConsItem(d, 'board-0001', 'procon-001', { optionId: 'option-001', side: 'con', index: 0 }))).toBe('allowed');
    expect(edit(room, cid, (d) => deleteProsConsItem(d, 'board-0001', 'procon-001'))).toBe('allowed');
    expect(edit(room, fay, (d) => removeOption(d, 'board-0001', 'option-001'))).toBe('allowed');
  });

  it('comments: post, reply, new versions, removal by the author', () => {
    const room = withComment();
    expect(edit(room, ola, (d) => addComment(d, { id: 'comment-0002', author: me(ola), at, parentId: 'comment-0001', ...body('A reply') }))).toBe('allowed');
    expect(edit(room, cid, (d) => editComment(d, 'comment-0001', cid.id, body('Second thought'), at))).toBe('allowed');
    expect(edit(room, cid, (d) => removeComment(d, 'comment-0001', me(cid), at))).toBe('allowed');
    expect(readComments(room)[0]).toMatchObject({ removed: { by: cid.id, name: cid.name }, versions: [{}, {}] });
  });

  it('the brief and roots the app does not read are any editor’s', () => {
    const room = roomDoc();
    expect(edit(room, cid, (d) => d.get('root', Y.XmlText).insert(0, 'typed'))).toBe('allowed');
    expect(edit(room, cid, (d) => d.getText('notes').insert(0, 'scratch'))).toBe('allowed');
  });

  it('an item added and deleted offline reaches the relay as one update', () => {
    const room = roomDoc();
    expect(
      edit(room, cid, (d) => {
        addSwotItem(d, { id: 'item-0009', quadrant: 'threats', text: 'Gone soon', author: me(cid), at });
        deleteSwotItem(d, 'item-0009');
      }),
    ).toBe('allowed');
  });
});

describe('W1: authorship is the relay’s', () => {
  it('refuses a new item naming someone else, by id or by name', () => {
    const room = roomDoc();
    const forged = (author: { id: string; name: string }) => (d: Y.Doc) =>
      addSwotItem(d, { id: 'item-0002', quadrant: 'strengths', text: 'Forged', author, at });
    expect(edit(room, cid, forged({ id: ola.id, name: ola.name }))).toBe('W1');
    expect(edit(room, cid, forged({ id: cid.id, name: ola.name }))).toBe('W1');
    expect(edit(room, cid, forged({ id: ola.id, name: cid.name }))).toBe('W1');
    expect(edit(room, fay, forged({ id: cid.id, name: cid.name }))).toBe('W1');
    expect(edit(room, cid, (d) => swotItemsMap(d)!.set('item-0003', new Y.Map()))).toBe('W1');
    expect(edit(room, cid, (d) => (swotItemsMap(d) as Y.Map<unknown>).set('item-0004', 'not an entry'))).toBe('W1');
  });

  it("refuses changing who wrote an item, and an edit signed as someone else", () => {
    const room = withItem();
    const item = (d: Y.Doc) => swotItemsMap(d)!.get('item-0001')!;
    expect(edit(room, ola, (d) => item(d).set('authorId', ola.id))).toBe('W1');
    expect(edit(room, cid, (d) => item(d).set('authorName', 'Someone Else'))).toBe('W1');
    expect(edit(room, cid, (d) => item(d).delete('authorId'))).toBe('W1');
    expect(edit(room, ola, (d) => editSwotItem(d, 'item-0001', 'Edited', me(cid), at))).toBe('W1');
    expect(readSwotItems(room)[0]).toMatchObject({ authorId: cid.id, text: 'Loyal customers' });
  });

  it('a facilitator places an entry for its author only as who placed it', () => {
    const room = roomDoc();
    const placed = (placedBy: { id: string; name: string }) => (d: Y.Doc) =>
      addSwotItem(d, { id: 'item-0005', quadrant: 'strengths', text: 'Revealed', author: me(cid), at, placedBy });
    expect(edit(room, ola, placed(me(ola)))).toBe('W1');
    expect(edit(room, fay, placed(me(ola)))).toBe('W1');
    expect(edit(room, fay, placed(me(fay)))).toBe('allowed');
    expect(readSwotItems(room)[0]).toMatchObject({ authorId: cid.id, placedBy: fay.id });
  });

  it('refuses a comment, or a version, naming someone else', () => {
    const room = roomDoc();
    expect(edit(room, cid, (d) => addComment(d, { id: 'comment-0003', author: me(ola), at, ...body('As Ola') }))).toBe('W1');
    expect(edit(room, cid, (d) => addComment(d, { id: 'comment-0003', author: { id: cid.id, name: 'The CEO' }, at, ...body('As the CEO') }))).toBe('W1');
    const withOwn = withComment();
    const versions = (d: Y.Doc) => d.getArray<Y.Map<unknown>>('comments').get(0).get('versions') as Y.Array<unknown>;
    expect(edit(withOwn, cid, (d) => versions(d).push([{ ...body('signed by Ola'), at: at.toISOString(), by: ola.id }]))).toBe('W1');
  });
});

describe('W2–W4: comments', () => {
  const comment = (d: Y.Doc) => d.getArray<Y.Map<unknown>>('comments').get(0);
  const versions = (d: Y.Doc) => comment(d).get('versions') as Y.Array<unknown>;

  it('W2: versions are never deleted or replaced, by anyone', () => {
    const room = withComment();
    expect(edit(room, cid, (d) => editComment(d, 'comment-0001', cid.id, body('Second'), at))).toBe('allowed');
    expect(edit(room, cid, (d) => versions(d).delete(0, 1))).toBe('W2');
    expect(edit(room, fay, (d) => versions(d).delete(0, 2))).toBe('W2');
    expect(edit(room, cid, (d) => comment(d).set('versions', new Y.Array()))).toBe('W2');
    expect(edit(room, cid, (d) => comment(d).set('authorName', 'Renamed'))).toBe('W2');
    expect(readComments(room)[0]!.versions).toHaveLength(2);
  });

  it('W3: only the comment’s author appends a version', () => {
    const room = withComment();
    const version = (by: Author) => ({ ...body('hijacked'), at: at.toISOString(), by: by.id });
    expect(edit(room, ola, (d) => versions(d).push([version(ola)]))).toBe('W3');
    expect(edit(room, fay, (d) => versions(d).push([version(fay)]))).toBe('W3');
    expect(edit(room, cid, (d) => versions(d).push([version(cid)]))).toBe('allowed');
  });

  it('W4: removed by its author or a facilitator, with a mark naming who; never deleted', () => {
    const room = withComment();
    expect(edit(room, ola, (d) => removeComment(d, 'comment-0001', me(ola), at))).toBe('W4');
    expect(edit(room, cid, (d) => d.getArray('comments').delete(0, 1))).toBe('W4');
    expect(edit(room, fay, (d) => d.getArray('comments').delete(0, 1))).toBe('W4');
    expect(edit(room, fay, (d) => removeComment(d, 'comment-0001', me(cid), at))).toBe('W1');
    expect(edit(room, fay, (d) => removeComment(d, 'comment-0001', me(fay), at))).toBe('allowed');
    expect(readComments(room)[0]!.removed).toMatchObject({ by: fay.id, name: fay.name });
  });
});

describe('W5: structure is the facilitator’s', () => {
  it('creating, replacing, removing a board; its settings and options', () => {
    const room = roomDoc();
    expect(edit(room, cid, (d) => addProsConsBoard(d, 'board-0002', me(cid), at))).toBe('W5');
    expect(edit(room, cid, (d) => d.getMap('methods').delete('swot'))).toBe('W5');
    expect(edit(room, cid, (d) => d.getMap('methods').clear())).toBe('W5');
    expect(edit(room, cid, (d) => (d.getMap('methods').get('swot') as Y.Map<unknown>).set('kind', 'other'))).toBe('W5');
    expect(edit(room, cid, (d) => (d.getMap('methods').get('swot') as Y.Map<unknown>).set('items', new Y.Map()))).toBe('W5');
    expect(edit(room, fay, (d) => addProsConsBoard(d, 'board-0002', me(fay), at))).toBe('allowed');
    expect(edit(room, cid, (d) => addOption(d, 'board-0002', 'option-002', 'Sneaked in'))).toBe('W5');
    expect(edit(room, fay, (d) => addOption(d, 'board-0002', 'option-002', 'Open later'))).toBe('allowed');
    expect(edit(room, cid, (d) => removeOption(d, 'board-0002', 'option-002'))).toBe('W5');
    expect(edit(room, fay, (d) => addProsConsBoard(d, 'board-0003', me(cid), at))).toBe('W1');
    expect(edit(room, fay, (d) => d.getMap('methods').delete('board-0002'))).toBe('allowed');
  });
});

describe('W6: the schema version is the relay’s', () => {
  it('refuses any write to meta, facilitators included', () => {
    const room = roomDoc();
    expect(edit(room, cid, (d) => d.getMap('meta').set('schemaVersion', 99))).toBe('W6');
    expect(edit(room, fay, (d) => d.getMap('meta').set('schemaVersion', 99))).toBe('W6');
    expect(edit(room, fay, (d) => d.getMap('meta').delete('schemaVersion'))).toBe('W6');
    expect(room.getMap('meta').get('schemaVersion')).toBe(1);
  });
});

describe('W7: deleting items is anyone’s, emptying a board of others’ is not', () => {
  it("refuses a contributor's clear of a board, allows the facilitator's", () => {
    const room = withItem(cid);
    expect(edit(room, ola, (d) => addSwotItem(d, { id: 'item-0006', quadrant: 'threats', text: 'Rents', author: me(ola), at }))).toBe('allowed');
    expect(edit(room, ola, (d) => swotItemsMap(d)!.clear())).toBe('W7');
    expect(edit(room, ola, (d) => deleteSwotItem(d, 'item-0001'))).toBe('allowed');
    expect(edit(room, fay, (d) => addSwotItem(d, { id: 'item-0007', quadrant: 'threats', text: 'Rivals', author: me(fay), at }))).toBe('allowed');
    expect(edit(room, fay, (d) => swotItemsMap(d)!.clear())).toBe('allowed');
  });

  it('W7: an entry set under the key of a live one deletes it (Yjs map semantics), said or not: replacing every entry of others at once is refused', () => {
    const room = withItem(cid);
    expect(edit(room, cid, (d) => addSwotItem(d, { id: 'item-0009', quadrant: 'threats', text: 'Rents', author: me(cid), at }))).toBe('allowed');
    const replace = (ids: string[], by: Author) => (d: Y.Doc) => {
      for (const id of ids) addSwotItem(d, { id, quadrant: 'threats', text: 'Mine now', author: me(by), at });
    };
    // A stock client's update lists the values it replaces among its deletions; a crafted one need not.
    expect(edit(room, ola, replace(['item-0001', 'item-0009'], ola))).toBe('W7');
    expect(judgedEditVerdict(room, ola, replace(['item-0001', 'item-0009'], ola), undefined, withoutDeletions)).toMatchObject({ allowed: false, rule: 'W7' });
    expect(readSwotItems(room).map((i) => i.authorId)).toEqual([cid.id, cid.id]);
    // One at a time, as a deletion is: taken, and it is Ola's removal (hers to put back, W11).
    const one = judgedEditVerdict(room, ola, replace(['item-0001'], ola), undefined, withoutDeletions);
    expect(one).toMatchObject({ allowed: true, removed: [{ place: 'swot/items/item-0001' }] });
  });

  it('a contributor may empty a board of their own entries', () => {
    const room = withItem(cid);
    expect(edit(room, cid, (d) => addSwotItem(d, { id: 'item-0008', quadrant: 'threats', text: 'Mine too', author: me(cid), at }))).toBe('allowed');
    expect(edit(room, cid, (d) => swotItemsMap(d)!.clear())).toBe('allowed');
  });
});

describe('W1: a new entry gives each field of authorship once', () => {
  it('refuses a new entry naming its author twice in one update (Yjs keeps the values the judge would not read last)', () => {
    const room = roomDoc();
    const maker = new Y.Doc();
    maker.clientID = 900;
    Y.applyUpdate(maker, Y.encodeStateAsUpdate(room));
    const before = Y.encodeStateVector(maker);
    addSwotItem(maker, { id: 'item-twice-1', quadrant: 'threats', text: 'Whose?', author: me(ola), at });
    const created = Y.encodeStateAsUpdate(maker, before);
    // Hand-made second authorId and authorName (Cid's), each placed to the left of Ola's: Yjs keeps Ola's.
    const structs = Y.decodeUpdate(created).structs;
    const clock = Y.getState(maker.store, 900);
    const encoder = new Y.UpdateEncoderV1();
    encoding.writeVarUint(encoder.restEncoder, 1);
    encoding.writeVarUint(encoder.restEncoder, 2);
    encoder.writeClient(900);
    encoding.writeVarUint(encoder.restEncoder, clock);
    for (const [n, [field, value]] of [['authorId', cid.id], ['authorName', cid.name]].entries()) {
      const olas = structs.find((s) => s instanceof Y.Item && s.parentSub === field)!;
      new Y.Item(Y.createID(900, clock + n), null, null, null, olas.id, null, null, new Y.ContentAny([value])).write(encoder, 0);
    }
    encoding.writeVarUint(encoder.restEncoder, 0);
    const update = Y.mergeUpdates([created, encoder.toUint8Array()]);
    const whatYjsKeeps = new Y.Doc();
    Y.applyUpdate(whatYjsKeeps, Y.encodeStateAsUpdate(room));
    Y.applyUpdate(whatYjsKeeps, update);
    expect(readSwotItems(whatYjsKeeps)[0]).toMatchObject({ id: 'item-twice-1', authorId: ola.id, authorName: ola.name });

    expect(judgeContent(update, room, cid)).toMatchObject({ allowed: false, rule: 'W1' });
  });
});

describe('an item under a map key carries one value (SPEC U12)', () => {
  it('a removal mark holding two values, the last naming someone else, is refused; a plain removal is taken', () => {
    const forgedRoom = withComment(cid);
    const verdict = edit(forgedRoom, cid, (d) => {
      removeComment(d, 'comment-0001', me(cid), at);
      // Y.Map shows a key's last value: the first says Cid removed it, the last says Ola did.
      const comment = d.getArray('comments').get(0) as Y.Map<unknown>;
      const item = (comment as unknown as { _map: Map<string, Y.Item> })._map.get('removed')!;
      const mark = (item.content as Y.ContentAny).arr[0] as { by: string; name: string; at: string };
      item.content = new Y.ContentAny([mark, { ...mark, by: ola.id, name: ola.name }]);
      item.length = 2;
    });
    expect(verdict).toBe('U12');
    expect(readComments(forgedRoom)[0]!.removed).toBeUndefined();
    const room = withComment(cid);
    expect(edit(room, cid, (d) => removeComment(d, 'comment-0001', me(cid), at))).toBe('allowed');
    // Set again, the mark's item names no key: it follows the mark before it (its origin). Same rule.
    const forgedAgain = (d: Y.Doc) => {
      const comment = d.getArray('comments').get(0) as Y.Map<unknown>;
      comment.set('removed', { by: cid.id, name: cid.name, at: at.toISOString() });
      const item = (comment as unknown as { _map: Map<string, Y.Item> })._map.get('removed')!;
      const mark = (item.content as Y.ContentAny).arr[0] as { by: string; name: string; at: string };
      item.content = new Y.ContentAny([mark, { ...mark, by: ola.id, name: ola.name }]);
      item.length = 2;
    };
    expect(edit(room, cid, forgedAgain)).toBe('U12');
    expect(readComments(room)[0]!.removed).toMatchObject({ by: cid.id });
  });
});

describe('a new comment has a new id (SPEC W1)', () => {
  it("a comment reusing an id the document holds, or two with one id in one update, is refused; a fresh id is taken", () => {
    const room = withComment(cid);
    const again = (id: string) => (d: Y.Doc) => addComment(d, { id, author: me(ola), at, ...body('Again') });
    expect(edit(room, ola, again('comment-0001'))).toBe('W1');
    expect(edit(room, ola, (d) => d.transact(() => [again('comment-0002')(d), again('comment-0002')(d)]))).toBe('W1');
    expect(edit(room, ola, again('comment-0003'))).toBe('allowed');
    expect(readComments(room).map((c) => c.id)).toEqual(['comment-0001', 'comment-0003']);
  });
});
