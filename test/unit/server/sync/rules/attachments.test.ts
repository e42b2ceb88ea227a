import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addComment, commentsOf, readComments } from '#core/doc/comments';
import { addSwotItem, readSwotItems, setSwotItemFiles, swotItemsMap } from '#core/doc/swot';
import { addOption, addProsConsBoard, addProsConsItem } from '#core/doc/pros-cons';
import type { Author } from '../../../../../server/sync/rules/author.ts';
import { judgedEdit, roomDoc } from './judged-edit.ts';

const fay: Author = { id: 'facilitator-fay', name: 'Fay Facilitator', role: 'facilitator' };
const cid: Author = { id: 'contributor-cid', name: 'Cid Contributor', role: 'contributor' };
const at = new Date('2026-12-06T09:00:00Z');
const me = (a: Author) => ({ id: a.id, name: a.name });

/** Files of this activity, as the room knows them; `elsewhere` is a file of another activity. */
const offer = 'file-offer-0001';
const budget = 'file-budget-001';
const elsewhere = 'file-other-0001';
const files = { has: (id: string) => id === offer || id === budget };

const edit = (room: Y.Doc, who: Author, change: (doc: Y.Doc) => void) => judgedEdit(room, who, change, files);

const text = (words: string) => ({ body: JSON.stringify({ words }), text: words, mentions: [] });
const comment = (id: string, extra: { files?: string[]; anchor?: unknown }, who: Author = cid) => (d: Y.Doc) =>
  addComment(d, { id, author: me(who), at, ...text('See the offer'), ...(extra as { files?: string[] }) });

/** Writes a comment map by hand, as a hostile client could, with `fields` besides the author's. */
const rawComment = (id: string, fields: Record<string, unknown>) => (d: Y.Doc) => {
  d.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('authorId', cid.id);
    map.set('authorName', cid.name);
    map.set('createdAt', at.toISOString());
    map.set('parentId', null);
    map.set('versions', Y.Array.from([{ ...text('Forged'), at: at.toISOString(), by: cid.id }]));
    for (const [key, value] of Object.entries(fields)) map.set(key, value);
    commentsOf(d).push([map]);
  });
};

describe('W13: attachments and page anchors name files of this activity', () => {
  it('takes a comment with files of the activity, and one pinned to a page and region', () => {
    const room = roomDoc();
    expect(edit(room, cid, comment('comment-0001', { files: [offer, budget] }))).toBe('allowed');
    expect(edit(room, cid, comment('comment-0002', { anchor: { fileId: offer, page: 2 } }))).toBe('allowed');
    expect(edit(room, cid, comment('comment-0003', { anchor: { fileId: offer, page: 3, region: { x: 0.1, y: 0.2, w: 0.5, h: 0.3 } } }))).toBe('allowed');
    expect(readComments(room).map((c) => [c.files, c.anchor?.page])).toEqual([[[offer, budget], undefined], [undefined, 2], [undefined, 3]]);
  });

  it("refuses a file of another activity, or one that does not exist, facilitators' too", () => {
    const room = roomDoc();
    expect(edit(room, cid, comment('comment-0001', { files: [offer, elsewhere] }))).toBe('W13');
    expect(edit(room, fay, comment('comment-0002', { files: ['no-such-file-01'] }, fay))).toBe('W13');
    expect(edit(room, cid, comment('comment-0003', { anchor: { fileId: elsewhere, page: 1 } }))).toBe('W13');
    expect(readComments(room)).toEqual([]);
  });

  it('refuses pages and regions out of bounds, and anything but a plain value', () => {
    const room = roomDoc();
    const anchored = (anchor: unknown) => rawComment('comment-0009', { anchor });
    expect(edit(room, cid, anchored({ fileId: offer, page: 0 }))).toBe('W13');
    expect(edit(room, cid, anchored({ fileId: offer, page: 10_001 }))).toBe('W13');
    expect(edit(room, cid, anchored({ fileId: offer, page: 1.5 }))).toBe('W13');
    expect(edit(room, cid, anchored({ fileId: offer, page: 2, region: { x: 0.8, y: 0, w: 0.5, h: 0.1 } }))).toBe('W13');
    expect(edit(room, cid, anchored({ fileId: offer, page: 2, region: { x: -0.1, y: 0, w: 0.5, h: 0.1 } }))).toBe('W13');
    expect(edit(room, cid, anchored({ fileId: offer, page: 2, region: { x: 0, y: 0, w: 0, h: 0.1 } }))).toBe('W13');
    expect(edit(room, cid, anchored({ fileId: offer, page: 2, note: 'extra' }))).toBe('W13');
    expect(edit(room, cid, anchored('page 2'))).toBe('W13');
    expect(edit(room, cid, rawComment('comment-0010', { files: Array.from({ length: 11 }, () => offer) }))).toBe('W13');
    expect(edit(room, cid, rawComment('comment-0011', { files: Y.Array.from([offer]) }))).toBe('W13');
    expect(edit(room, cid, rawComment('comment-0012', { files: offer }))).toBe('W13');
    expect(readComments(room)).toEqual([]);
  });

  it('a comment’s files are set when it is written (W2)', () => {
    const room = roomDoc();
    expect(edit(room, cid, comment('comment-0001', {}))).toBe('allowed');
    expect(edit(room, cid, (d) => (commentsOf(d).get(0) as Y.Map<unknown>).set('files', [offer]))).toBe('W2');
  });

  it('board entries: attached on a new item and later, files of this activity only', () => {
    const room = roomDoc();
    const item = (id: string, ids: string[]) => (d: Y.Doc) => addSwotItem(d, { id, quadrant: 'opportunities', text: 'Cheaper supplier', author: me(cid), at, files: ids });
    expect(edit(room, cid, item('item-0001', [offer]))).toBe('allowed');
    expect(edit(room, cid, item('item-0002', [elsewhere]))).toBe('W13');
    expect(edit(room, fay, (d) => setSwotItemFiles(d, 'item-0001', [offer, budget], me(fay), at))).toBe('allowed');
    expect(edit(room, fay, (d) => setSwotItemFiles(d, 'item-0001', [budget, elsewhere], me(fay), at))).toBe('W13');
    expect(edit(room, cid, (d) => swotItemsMap(d)!.get('item-0001')!.set('files', Y.Array.from([offer])))).toBe('W13');
    expect(readSwotItems(room).map((i) => i.files)).toEqual([[offer, budget]]);
    expect(edit(room, cid, (d) => setSwotItemFiles(d, 'item-0001', [], me(cid), at))).toBe('allowed');
    expect(readSwotItems(room)[0]!.files).toBeUndefined();
  });

  it('a pros and cons item carries files the same way', () => {
    const room = roomDoc();
    expect(edit(room, fay, (d) => addProsConsBoard(d, 'board-0001', me(fay), at))).toBe('allowed');
    expect(edit(room, fay, (d) => addOption(d, 'board-0001', 'option-001', 'Supplier A'))).toBe('allowed');
    const item = (id: string, ids: string[]) => (d: Y.Doc) =>
      addProsConsItem(d, 'board-0001', { id, optionId: 'option-001', side: 'pro', text: 'Cheaper', author: me(cid), at, files: ids });
    expect(edit(room, cid, item('procon-001', [budget]))).toBe('allowed');
    expect(edit(room, cid, item('procon-002', [elsewhere]))).toBe('W13');
  });
});
