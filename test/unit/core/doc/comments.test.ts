import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addComment, editComment, latestVersion, readComments, threadComments } from '#core/doc/comments';
import { briefIsEmpty, briefParagraphs } from '#core/doc/brief';
import { newDocId } from '#core/doc/schema';

const alice = { id: 'alice-000001', name: 'Alice' };
const bruno = { id: 'bruno-000001', name: 'Bruno' };
const body = (text: string, mentions: string[] = []) => ({ body: JSON.stringify({ root: { type: 'root', text } }), text, mentions });

describe('comments in the document', () => {
  it('adds comments and replies, threaded', () => {
    const doc = new Y.Doc();
    addComment(doc, { id: 'c-00000001', author: alice, at: new Date('2026-01-01T10:00:00Z'), ...body('First') });
    addComment(doc, { id: 'c-00000002', author: bruno, at: new Date('2026-01-01T10:01:00Z'), parentId: 'c-00000001', ...body('Reply', [alice.id, alice.id]) });
    addComment(doc, { id: 'c-00000003', author: alice, at: new Date('2026-01-01T10:02:00Z'), parentId: 'c-00000002', ...body('Reply to reply') });
    addComment(doc, { id: 'c-00000004', author: bruno, at: new Date('2026-01-01T10:03:00Z'), ...body('Second thread') });
    const threads = threadComments(readComments(doc));
    expect(threads.map((t) => [latestVersion(t.comment).text, t.replies.map((r) => latestVersion(r).text)])).toEqual([
      ['First', ['Reply', 'Reply to reply']],
      ['Second thread', []],
    ]);
    expect(latestVersion(threads[0]!.replies[0]!).mentions).toEqual([alice.id]);
    expect(threads[0]!.comment).toMatchObject({ authorId: alice.id, authorName: 'Alice', createdAt: '2026-01-01T10:00:00.000Z' });
  });

  it('keeps every earlier version when a comment is edited', () => {
    const doc = new Y.Doc();
    addComment(doc, { id: 'c-00000001', author: alice, at: new Date('2026-01-01T10:00:00Z'), ...body('Draft') });
    expect(editComment(doc, 'c-00000001', alice.id, body('Better'), new Date('2026-01-01T10:05:00Z'))).not.toBeNull();
    expect(editComment(doc, 'c-00000001', alice.id, body('Best'), new Date('2026-01-01T10:06:00Z'))).not.toBeNull();
    const [comment] = readComments(doc);
    expect(comment!.versions.map((v) => v.text)).toEqual(['Draft', 'Better', 'Best']);
    expect(comment!.versions.map((v) => v.at)).toEqual(['2026-01-01T10:00:00.000Z', '2026-01-01T10:05:00.000Z', '2026-01-01T10:06:00.000Z']);
  });

  it('refuses an edit by someone else, an unchanged body, an unknown comment, or empty text', () => {
    const doc = new Y.Doc();
    addComment(doc, { id: 'c-00000001', author: alice, at: new Date(), ...body('Mine') });
    expect(editComment(doc, 'c-00000001', bruno.id, body('Hijack'), new Date())).toBeNull();
    expect(editComment(doc, 'c-00000001', alice.id, body('Mine'), new Date())).toBeNull();
    expect(editComment(doc, 'c-nothere1', alice.id, body('x'), new Date())).toBeNull();
    expect(() => editComment(doc, 'c-00000001', alice.id, body('  '), new Date())).toThrow();
    expect(readComments(doc)[0]!.versions).toHaveLength(1);
  });

  it('merges comments written at once by two people', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addComment(a, { id: 'c-0000000a', author: alice, at: new Date(), ...body('From A') });
    addComment(b, { id: 'c-0000000b', author: bruno, at: new Date(), ...body('From B') });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readComments(a).map((c) => c.id)).toEqual(readComments(b).map((c) => c.id));
    expect(readComments(a)).toHaveLength(2);
  });
});

describe('brief and ids', () => {
  it('splits a description into paragraphs, one empty when there is none', () => {
    expect(briefParagraphs('One\nline\n\n  Two  ')).toEqual(['One line', 'Two']);
    expect(briefParagraphs('')).toEqual(['']);
    expect(briefIsEmpty(new Y.Doc())).toBe(true);
  });

  it('mints ids in the API alphabet', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newDocId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
