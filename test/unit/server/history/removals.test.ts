import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, commentsOf, removeComment } from '#core/doc/comments';
import { seedDocument } from '#core/doc/seed';
import { addSwotItem, deleteSwotItem } from '#core/doc/swot';
import { RemovalsReplay } from '../../../../server/history/removals.ts';
import type { LoggedUpdate } from '../../../../server/history/update-batch.ts';
import { isGone, itemAt } from '../../../../server/history/identity.ts';
import { restoreInto } from '../../../../server/history/restore-plan.ts';

const alice = { id: 'alice-facilitator-01', name: 'Alice Durand' };
const bob = { id: 'bob-contributor-0001', name: 'Bob Martin' };
const at = new Date('2026-12-01T10:00:00Z');
const unbounded = { steps: Number.POSITIVE_INFINITY, until: Number.POSITIVE_INFINITY };

/** Two people's documents kept in step, every change logged as the relay would: one update, its sender. */
function world() {
  const log: LoggedUpdate[] = [];
  const docs = { [alice.id]: new Y.Doc(), [bob.id]: new Y.Doc() };
  for (const [userId, doc] of Object.entries(docs)) {
    doc.on('update', (data: Uint8Array, origin: unknown) => {
      if (origin === 'peer') return;
      log.push({ userId, data });
      for (const other of Object.values(docs)) if (other !== doc) Y.applyUpdate(other, data, 'peer');
    });
  }
  seedDocument(docs[alice.id]!, at);
  return { log, a: docs[alice.id]!, b: docs[bob.id]! };
}

/** Ids as the schema wants them (8 characters or more), from short names. */
const C = (name: string) => `comment-${name}`;
const I = (name: string) => `item-000${name}`;
const comment = (doc: Y.Doc, name: string, author: typeof alice) => addComment(doc, { id: C(name), author, at, body: '{"root":{}}', text: `about ${name}`, mentions: [] });
const item = (doc: Y.Doc, name: string, author: typeof alice) => addSwotItem(doc, { id: I(name), quadrant: 'strengths', text: name, author, at });

/** The document at a moment: the first `n` logged updates. */
function pastAt(log: LoggedUpdate[], n: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of log.slice(0, n)) Y.applyUpdate(doc, u.data);
  });
  return doc;
}

/**
 * The rule itself, one path at a time, looking at what the path named at the moment (its
 * Yjs item) after every update (SPEC H4); an entry whose key holds another entry at the end
 * is not offered.
 */
function byTheRule(log: LoggedUpdate[], n: number, paths: string[], userId: string): string[] {
  return paths.filter((path) => {
    const doc = pastAt(log, n);
    const item = itemAt(doc, path);
    if (!item || isGone(item)) return false;
    let present = true;
    let remover: string | null = null;
    for (const u of log.slice(n)) {
      Y.applyUpdate(doc, u.data);
      const now = !isGone(item);
      if (present && !now) remover = u.userId;
      present = now;
    }
    return !present && remover === userId && !(path.startsWith('methods/') && itemAt(doc, path));
  });
}

function replayed(log: LoggedUpdate[], n: number, budget = unbounded) {
  const replay = new RemovalsReplay(pastAt(log, n), budget);
  let finished = true;
  for (const u of log.slice(n)) {
    if (!replay.apply(u)) {
      finished = false;
      break;
    }
  }
  return { replay, finished };
}

describe('what a contributor removed since a moment (SPEC H4)', () => {
  it('H4: finds the same entries and comments as the rule applied path by path, through removals and restores', () => {
    const { log, a, b } = world();
    for (let i = 0; i < 12; i++) comment(i % 2 ? a : b, `c${i}`, i % 2 ? alice : bob);
    for (let i = 0; i < 8; i++) item(i % 2 ? a : b, `i${i}`, i % 2 ? alice : bob);
    const moment = log.length;
    const paths = [...Array.from({ length: 12 }, (_, i) => `comments/${C(`c${i}`)}`), ...Array.from({ length: 8 }, (_, i) => `methods/swot/items/${I(`i${i}`)}`)];
    const past = pastAt(log, moment);
    // Bob removes comments and items, Alice others.
    for (const i of [0, 2, 4, 6]) removeComment(b, C(`c${i}`), bob, at);
    for (const i of [1, 3]) removeComment(a, C(`c${i}`), alice, at);
    for (const i of [0, 2, 4]) deleteSwotItem(b, I(`i${i}`));
    deleteSwotItem(a, I('i1'));
    // Alice brings back c2 and i2 (Bob's removals undone), then removes c2 herself.
    restoreInto(a, past, `comments/${C('c2')}`);
    restoreInto(a, past, `methods/swot/items/${I('i2')}`);
    removeComment(a, C('c2'), alice, at);
    // Alice restores everything to the moment (comments she removed since come back as copies), then Bob removes c4 again.
    removeComment(b, C('c8'), bob, at);
    restoreInto(a, past, null);
    removeComment(b, C('c4'), bob, at);
    deleteSwotItem(b, I('i6'));
    // New comments after the moment are nobody's to restore from it.
    comment(b, 'later', bob);
    removeComment(b, C('later'), bob, at);

    const expected = byTheRule(log, moment, paths, bob.id).sort();
    expect(expected).toEqual([`comments/${C('c4')}`, `methods/swot/items/${I('i6')}`]);
    const { replay } = replayed(log, moment);
    expect(replay.removedBy(bob.id).sort()).toEqual(expected);
    expect(replay.removedBy(alice.id).sort()).toEqual(byTheRule(log, moment, paths, alice.id).sort());
  });

  it('H4: a decoy under a removed entry\'s key, or a comment\'s id, is not the entry or comment of the moment', () => {
    const { log, a, b } = world();
    item(a, 'x1', alice);
    comment(a, 'c1', alice);
    const moment = log.length;
    const past = pastAt(log, moment);
    deleteSwotItem(a, I('x1'));
    item(b, 'x1', { ...bob });
    deleteSwotItem(b, I('x1'));
    // The comment back to before it was written (gone from the list), then Bob's comment under its id, removed by him.
    restoreInto(a, pastAt(log, moment - 1), `comments/${C('c1')}`);
    comment(b, 'c1', bob);
    removeComment(b, C('c1'), bob, at);
    const { replay } = replayed(log, moment);
    expect(replay.removedBy(bob.id)).toEqual([]);
    expect(replay.removedBy(alice.id).sort()).toEqual([`comments/${C('c1')}`, `methods/swot/items/${I('x1')}`]);
    expect(past.getArray('comments').length).toBe(1);
  });

  it('H4: a board taken away takes its entries with it: the remover of the board removed them', () => {
    const { log, a, b } = world();
    item(b, 'x1', bob);
    item(a, 'x2', alice);
    const moment = log.length;
    deleteSwotItem(b, I('x1'));
    a.getMap('methods').delete('swot');
    const { replay } = replayed(log, moment);
    expect(replay.removedBy(alice.id).sort()).toEqual([`methods/swot/items/${I('x2')}`]);
    expect(replay.removedBy(bob.id)).toEqual([`methods/swot/items/${I('x1')}`]);
    expect(byTheRule(log, moment, [`methods/swot/items/${I('x1')}`, `methods/swot/items/${I('x2')}`], bob.id)).toEqual([`methods/swot/items/${I('x1')}`]);
  });

  it('H5: a comment-heavy history costs work in proportion to the updates and comments, not their product', () => {
    const { log, a, b } = world();
    const comments = 2000;
    for (let i = 0; i < comments; i++) comment(i % 4 ? b : a, `c${i}`, i % 4 ? bob : alice);
    for (let i = 0; i < 100; i++) item(b, `i${i}`, bob);
    const moment = log.length;
    // Bob removes half his comments, Alice some of hers, new comments keep arriving.
    for (let i = 1; i < comments; i += 2) if (i % 4) removeComment(b, C(`c${i}`), bob, at);
    for (let i = 0; i < comments; i += 8) removeComment(a, C(`c${i}`), alice, at);
    for (let i = 0; i < 20; i++) comment(b, `n${i}`, bob);
    for (let i = 0; i < 100; i += 3) deleteSwotItem(b, I(`i${i}`));
    const after = log.length - moment;

    const { replay, finished } = replayed(log, moment);
    expect(finished).toBe(true);
    expect(replay.removedBy(bob.id)).toHaveLength(comments / 2 + 34);
    // Each update, each comment and entry of the moment and each struct an update adds is looked at a bounded number of times.
    expect(replay.steps).toBeLessThan(8 * (after + comments + 100));
    expect(commentsOf(a).length).toBe(comments + 20);
  });

  it('H5: a replay stops once past its budget of steps, and says so', () => {
    const { log, a, b } = world();
    for (let i = 0; i < 300; i++) comment(b, `c${i}`, bob);
    const moment = log.length;
    for (let i = 0; i < 300; i++) removeComment(b, C(`c${i}`), bob, at);
    for (let i = 0; i < 50; i++) comment(a, `n${i}`, alice);
    const whole = replayed(log, moment);
    expect(whole.finished).toBe(true);
    const budget = Math.floor(whole.replay.steps / 3);
    const cut = replayed(log, moment, { steps: budget, until: Number.POSITIVE_INFINITY });
    expect(cut.finished).toBe(false);
    expect(cut.replay.over).toBe(true);
    // It stopped at the first update past the budget, not at the end.
    expect(cut.replay.steps).toBeGreaterThan(budget);
    expect(cut.replay.steps).toBeLessThan(budget + 50);
    // And a deadline already passed stops it at the first update.
    const late = replayed(log, moment, { steps: Number.POSITIVE_INFINITY, until: 0 });
    expect(late.finished).toBe(false);
    expect(late.replay.applied).toBe(0);
  });
});
