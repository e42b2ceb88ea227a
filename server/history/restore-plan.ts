import * as Y from 'yjs';
import { briefOf } from '#core/doc/brief';
import { commentsOf } from '#core/doc/comments';
import { methodsOf as boardsOf } from '#core/doc/methods';
import { copyDelta, copyValue, sameValue, type DeltaOp } from './copy.ts';

/**
 * Brings the live document back to what a past one held, as one transaction on the live
 * document (what it changes is the restore's update, logged and broadcast like anyone's
 * edit, so a restore can itself be restored). `path` names one part (see RestorePath in
 * core/api/history.ts); null restores everything but `meta` (the relay's own).
 * Returns false when the live part already matched.
 */
export function restoreInto(live: Y.Doc, past: Y.Doc, path: string | null): boolean {
  let changed = false;
  const mark = () => (changed = true);
  live.transact(() => {
    if (path === null) {
      restoreMap(methodsOf(live), methodsOf(past), mark);
      restoreAllComments(live, past, mark);
      restoreBrief(live, past, mark);
      return;
    }
    const [root, id, part, entry] = path.split('/');
    if (root === 'brief') restoreBrief(live, past, mark);
    else if (root === 'comments') restoreComment(live, past, id!, mark);
    else if (part === undefined) restoreKey(methodsOf(live), methodsOf(past), id!, mark);
    else {
      const liveEntries = entriesOf(methodsOf(live).get(id!), part);
      if (!liveEntries) throw new BoardGone('this board no longer exists: restore the board first');
      const pastEntries = entriesOf(methodsOf(past).get(id!), part) ?? new Y.Map<unknown>();
      restoreKey(liveEntries, pastEntries, entry!, mark);
    }
  }, 'restore');
  return changed;
}

export class BoardGone extends Error {}

/** The boards' map, read as a map of anything (a foreign client may have put anything there). */
const methodsOf = (doc: Y.Doc) => boardsOf(doc) as unknown as Y.Map<unknown>;

function entriesOf(board: unknown, part: string): Y.Map<unknown> | null {
  const map = board instanceof Y.Map ? (board as Y.Map<unknown>).get(part) : null;
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : null;
}

/** One key of a map as it was: back, brought to its past content, or removed if it was not there. */
function restoreKey(live: Y.Map<unknown>, past: Y.Map<unknown>, key: string, mark: () => void) {
  const [was, is] = [past.get(key), live.get(key)];
  if (was === undefined) {
    if (live.has(key)) {
      live.delete(key);
      mark();
    }
  } else if (was instanceof Y.Map && is instanceof Y.Map) restoreMap(is as Y.Map<unknown>, was as Y.Map<unknown>, mark);
  else if (!live.has(key) || !sameValue(was, is)) {
    live.set(key, copyValue(was));
    mark();
  }
}

/** A map as it was, key by key, so that concurrent edits elsewhere in it are kept. */
function restoreMap(live: Y.Map<unknown>, past: Y.Map<unknown>, mark: () => void) {
  for (const key of new Set([...past.keys(), ...live.keys()])) restoreKey(live, past, key, mark);
}

function restoreBrief(live: Y.Doc, past: Y.Doc, mark: () => void) {
  const [is, was] = [briefOf(live), briefOf(past)];
  if (sameValue(is, was)) return;
  if (is.length > 0) is.delete(0, is.length);
  is.applyDelta(copyDelta(was.toDelta() as DeltaOp[]));
  mark();
}

const commentId = (value: unknown) => (value instanceof Y.Map ? (value as Y.Map<unknown>).get('id') : undefined);

function indexOfComment(list: Y.Array<Y.Map<unknown>>, id: string): number {
  let i = 0;
  for (const value of list) {
    if (commentId(value) === id) return i;
    i++;
  }
  return -1;
}

/** One comment as it was: back where it stood (after the comment before it then), or removed. */
function restoreComment(live: Y.Doc, past: Y.Doc, id: string, mark: () => void) {
  const [liveList, pastList] = [commentsOf(live), commentsOf(past)];
  const at = indexOfComment(liveList, id);
  const pastAt = indexOfComment(pastList, id);
  if (pastAt < 0) {
    if (at >= 0) {
      liveList.delete(at, 1);
      mark();
    }
    return;
  }
  const was = pastList.get(pastAt);
  if (at >= 0) return restoreCommentFields(liveList.get(at), was, mark);
  let insertAt = 0;
  for (let i = pastAt - 1; i >= 0; i--) {
    const before = indexOfComment(liveList, String(commentId(pastList.get(i))));
    if (before >= 0) {
      insertAt = before + 1;
      break;
    }
  }
  liveList.insert(insertAt, [copyValue(was) as Y.Map<unknown>]);
  mark();
}

/** A comment's fields as they were; its versions only grow: the missing ones go back in place. */
function restoreCommentFields(live: Y.Map<unknown>, past: Y.Map<unknown>, mark: () => void) {
  for (const key of new Set([...past.keys(), ...live.keys()])) {
    const [was, is] = [past.get(key), live.get(key)];
    if (key === 'versions' && was instanceof Y.Array && is instanceof Y.Array) restoreVersions(is, was, mark);
    else restoreKey(live, past, key, mark);
  }
}

function restoreVersions(live: Y.Array<unknown>, past: Y.Array<unknown>, mark: () => void) {
  const present = live.toArray().map((v) => JSON.stringify(v));
  let cursor = 0;
  for (const version of past.toArray()) {
    const key = JSON.stringify(version);
    const found = present.indexOf(key, cursor);
    if (found >= 0) {
      cursor = found + 1;
      continue;
    }
    live.insert(cursor, [version]);
    present.splice(cursor, 0, key);
    cursor++;
    mark();
  }
}

function restoreAllComments(live: Y.Doc, past: Y.Doc, mark: () => void) {
  const ids = new Set<string>();
  for (const value of commentsOf(past)) ids.add(String(commentId(value)));
  for (const id of ids) restoreComment(live, past, id, mark);
  const liveList = commentsOf(live);
  for (let i = liveList.length - 1; i >= 0; i--) {
    if (!ids.has(String(commentId(liveList.get(i))))) {
      liveList.delete(i, 1);
      mark();
    }
  }
}

/** Whether `path` names something the document holds (a board, an entry, a comment; the brief always). */
export function holds(doc: Y.Doc, path: string): boolean {
  const [root, id, part, entry] = path.split('/');
  if (root === 'brief') return true;
  if (root === 'comments') {
    const at = indexOfComment(commentsOf(doc), id!);
    return at >= 0 && !isRemovedComment(commentsOf(doc).get(at));
  }
  const board = methodsOf(doc).get(id!);
  if (part === undefined) return board instanceof Y.Map;
  return entriesOf(board, part)?.has(entry!) ?? false;
}

/** A comment removed but kept as a visible trace (`removed`: by whom, when; SPEC W4) counts as removed. */
function isRemovedComment(map: Y.Map<unknown>): boolean {
  return map.has('removed');
}

