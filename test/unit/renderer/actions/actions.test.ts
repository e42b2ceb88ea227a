import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readComments } from '#core/doc/comments';
import { seedDocument } from '#core/doc/seed';
import { readSwotItems } from '#core/doc/swot';
import { groupByQuadrant } from '#core/methods/swot';
import { editComment, postComment } from '../../../../renderer/actions/comments.ts';
import { addSwotItem, deleteSwotItem, editSwotItem, moveSwotItem, nudgeSwotItem } from '../../../../renderer/actions/swot.ts';

const me = { id: 'alice-000001', name: 'Alice' };
const board = (doc: Y.Doc) => groupByQuadrant(readSwotItems(doc));

describe('renderer actions on a plain Y.Doc', () => {
  it('add, nudge, move, edit and delete SWOT items', () => {
    const doc = new Y.Doc();
    seedDocument(doc);
    const a = addSwotItem(doc, me, 'strengths', 'A');
    const b = addSwotItem(doc, me, 'strengths', 'B');
    addSwotItem(doc, me, 'strengths', 'C');
    nudgeSwotItem(doc, a.id, 'strengths', 0, 1);
    expect(board(doc).strengths.map((i) => i.text)).toEqual(['B', 'A', 'C']);
    nudgeSwotItem(doc, 'nothing-0001', 'strengths', 0, 1);
    nudgeSwotItem(doc, a.id, 'strengths', 1, -1);
    expect(board(doc).strengths.map((i) => i.text)).toEqual(['A', 'B', 'C']);
    moveSwotItem(doc, b.id, 'threats', Number.MAX_SAFE_INTEGER);
    editSwotItem(doc, me, b.id, 'B in threats');
    expect(board(doc).threats.map((i) => i.text)).toEqual(['B in threats']);
    deleteSwotItem(doc, a.id, 'A');
    expect(board(doc).strengths.map((i) => i.text)).toEqual(['C']);
  });

  it('post and edit comments', () => {
    const doc = new Y.Doc();
    const c = postComment(doc, me, { body: '{"root":{}}', text: 'Hello', mentions: [] });
    postComment(doc, me, { body: '{"root":{}}', text: 'Reply', mentions: [] }, c.id);
    editComment(doc, me, c.id, { body: '{"root":{"x":1}}', text: 'Hello again', mentions: [] });
    const [first, reply] = readComments(doc);
    expect(first!.versions.map((v) => v.text)).toEqual(['Hello', 'Hello again']);
    expect(reply!.parentId).toBe(c.id);
  });
});
