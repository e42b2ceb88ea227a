import * as Y from 'yjs';
import { upgradeAgendas } from '#core/doc/agenda-notes';
import { briefOf } from '#core/doc/brief';
import { textEdit } from '#core/text/edit';
import { commentsOf } from '#core/doc/comments';
import { copyDelta, copyValue, sameValue, type DeltaOp } from './copy.ts';
import { authorshipFields, commentNamed, entriesOf, indexOfItem, methodsOf, sameItem } from './identity.ts';

/** How a restore may treat what stands in the way now. */
export interface RestoreOptions {
  /**
   * An entry now standing under the key of the one put back (another item: a decoy, a
   * later entry) is replaced (a facilitator's restore) or the restore is refused (a
   * contributor's: they may not remove someone else's entry this way).
   */
  replace: boolean;
}

/**
 * Brings the live document back to what a past one held, as one transaction on the live
 * document (what it changes is the restore's update, logged and broadcast like anyone's
 * edit, so a restore can itself be restored). `path` names one part (see RestorePath in
 * core/api/history.ts); null restores everything but `meta` (the relay's own).
 * What the path named then is followed by its Yjs item (identity.ts): the same map is
 * restored in place, key by key, never its authorship; another map under that key or id
 * is never given the original's authorship: the original is put back whole, as a new
 * copy authored as it was, or the restore is refused (`RestoreConflict`, SPEC H2).
 * Returns false when the live part already matched.
 */
export function restoreInto(live: Y.Doc, past: Y.Doc, path: string | null, options: RestoreOptions = { replace: true }): boolean {
  let changed = false;
  const plan = { mark: () => (changed = true), replace: options.replace };
  live.transact(() => {
    restorePath(live, past, path, options, plan);
    // What was put back is of today's shape (SPEC R4): an agenda's notes a text, its decisions kept.
    if (upgradeAgendas(live)) plan.mark();
  }, 'restore');
  return changed;
}

function restorePath(live: Y.Doc, past: Y.Doc, path: string | null, options: RestoreOptions, plan: Plan) {
  if (path === null) {
    restoreMap(methodsOf(live), methodsOf(past), plan);
    restoreAllComments(live, past, plan);
    restoreBrief(live, past, plan);
    return;
  }
  const [root, id, part, entry] = path.split('/');
  if (root === 'brief') restoreBrief(live, past, plan);
  else if (root === 'comments') restoreOneComment(live, past, id!, plan);
  else if (part === undefined) restoreKey(methodsOf(live), methodsOf(past), id!, plan);
  else {
    const liveEntries = entriesOf(methodsOf(live).get(id!), part);
    if (!liveEntries) throw new RestoreConflict('That board no longer exists: restore the board first.');
    const pastEntries = entriesOf(methodsOf(past).get(id!), part);
    // The same board's entries, or another board now under its id: never the past's authorship onto it.
    if (pastEntries && !sameItem(methodsOf(live).get(id!), methodsOf(past).get(id!)) && !options.replace) {
      throw new RestoreConflict('That board was replaced since: ask a facilitator.');
    }
    restoreKey(liveEntries, pastEntries ?? new Y.Map<unknown>(), entry!, plan);
  }
}

/** What stands in the way of a restore (a board gone, another entry or comment under the id): 409, nothing changed. */
export class RestoreConflict extends Error {}

interface Plan {
  mark: () => void;
  replace: boolean;
}

/**
 * One key of a map as it was: the same map restored in place, another value replaced by a
 * copy of the past one (or refused, `plan.replace` false, when an entry stands there), or
 * the key removed if it was not there.
 */
function restoreKey(live: Y.Map<unknown>, past: Y.Map<unknown>, key: string, plan: Plan) {
  const [was, is] = [past.get(key), live.get(key)];
  // A text field is never removed but with its entry (W15): emptied instead.
  if (was === undefined && isPlainText(is)) return restoreText(is, '', plan);
  if (was === undefined) {
    if (live.has(key)) {
      live.delete(key);
      plan.mark();
    }
    return;
  }
  if (was instanceof Y.Map && sameItem(was, is)) return restoreMap(is as Y.Map<unknown>, was as Y.Map<unknown>, plan);
  if (isPlainText(is) && (isPlainText(was) || typeof was === 'string')) return restoreText(is, was.toString(), plan);
  if (live.has(key) && sameValue(was, is)) return;
  if (is instanceof Y.Map && !plan.replace) throw new RestoreConflict('Another entry stands there now: ask a facilitator.');
  live.set(key, copyValue(was));
  plan.mark();
}

/** The same map as it was, key by key, so that concurrent edits elsewhere in it are kept; who wrote it is never rewritten. */
function restoreMap(live: Y.Map<unknown>, past: Y.Map<unknown>, plan: Plan) {
  const own = live._item !== null;
  for (const key of new Set([...past.keys(), ...live.keys()])) {
    if (own && authorshipFields.has(key)) continue;
    restoreKey(live, past, key, plan);
  }
}

const isPlainText = (value: unknown): value is Y.Text => value instanceof Y.Text && !(value instanceof Y.XmlText);

/**
 * A text field (an agenda item's notes) as it was, in the same text (never replaced: W15),
 * changing only the characters that differ, so what someone types elsewhere in it meanwhile
 * stays. A moment from before it was a text (a plain string) restores into it alike.
 */
function restoreText(live: Y.Text, was: string, plan: Plan) {
  const edit = textEdit(live.toString(), was);
  if (!edit) return;
  if (edit.remove > 0) live.delete(edit.at, edit.remove);
  if (edit.insert) live.insert(edit.at, edit.insert);
  plan.mark();
}

function restoreBrief(live: Y.Doc, past: Y.Doc, plan: Plan) {
  const [is, was] = [briefOf(live), briefOf(past)];
  if (sameValue(is, was)) return;
  if (is.length > 0) is.delete(0, is.length);
  is.applyDelta(copyDelta(was.toDelta() as DeltaOp[]));
  plan.mark();
}

type List = Y.Array<unknown>;
const listOf = (doc: Y.Doc) => commentsOf(doc) as unknown as List;

/**
 * The live comment that is `was`: the same item; or, when the list no longer holds it (a
 * whole-activity restore took it out and put a copy back), a comment under its id by its
 * author (such a copy, or the author's own: nobody else's authorship is at stake). A
 * comment under its id by anyone else is not it.
 */
function liveMatch(list: List, was: Y.Map<unknown>, taken: ReadonlySet<Y.Map<unknown>>): { map: Y.Map<unknown>; at: number } | 'other' | null {
  const same = indexOfItem(list, was);
  if (same >= 0) return { map: list.get(same) as Y.Map<unknown>, at: same };
  let at = 0;
  let other = false;
  for (const value of list) {
    if (value instanceof Y.Map && !taken.has(value as Y.Map<unknown>) && value.get('id') === was.get('id')) {
      if (value.get('authorId') === was.get('authorId')) return { map: value as Y.Map<unknown>, at };
      other = true;
    }
    at++;
  }
  return other ? 'other' : null;
}

/** Where a comment goes back: after the live comment that is the one before it then (start of the list when none). */
function insertionPoint(list: List, pastList: List, pastAt: number, taken: ReadonlySet<Y.Map<unknown>>): number {
  for (let i = pastAt - 1; i >= 0; i--) {
    const before = pastList.get(i);
    if (!(before instanceof Y.Map)) continue;
    const found = liveMatch(list, before as Y.Map<unknown>, taken);
    if (found && found !== 'other') return found.at + 1;
  }
  return 0;
}

/** One comment as it was: restored in place, or put back where it stood; another comment under its id refuses it. */
function restoreOneComment(live: Y.Doc, past: Y.Doc, id: string, plan: Plan) {
  const [list, pastList] = [listOf(live), listOf(past)];
  const was = commentNamed(pastList, id);
  if (!was) {
    // It did not exist then: the comment the app shows under the id now is taken out (a facilitator's, H4).
    const now = commentNamed(list, id);
    if (now) {
      list.delete(now.at, 1);
      plan.mark();
    }
    return;
  }
  const found = liveMatch(list, was.map, new Set());
  if (found === 'other') throw new RestoreConflict('Another comment carries that id now: restore the whole activity instead.');
  if (found) return restoreCommentFields(found.map, was.map, plan);
  list.insert(insertionPoint(list, pastList, was.at, new Set()), [copyValue(was.map)]);
  plan.mark();
}

/** A comment's fields as they were; its versions only grow: the missing ones go back in place. */
function restoreCommentFields(live: Y.Map<unknown>, past: Y.Map<unknown>, plan: Plan) {
  for (const key of new Set([...past.keys(), ...live.keys()])) {
    if (authorshipFields.has(key)) continue;
    const [was, is] = [past.get(key), live.get(key)];
    if (key === 'versions' && was instanceof Y.Array && is instanceof Y.Array) restoreVersions(is, was, plan);
    else restoreKey(live, past, key, plan);
  }
}

function restoreVersions(live: Y.Array<unknown>, past: Y.Array<unknown>, plan: Plan) {
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
    plan.mark();
  }
}

/** Every comment as it was: each past one restored or put back, each live one that is none of them taken out. */
function restoreAllComments(live: Y.Doc, past: Y.Doc, plan: Plan) {
  const [list, pastList] = [listOf(live), listOf(past)];
  const kept = new Set<Y.Map<unknown>>();
  /** The live comment each past one became, in the past's order: the next one put back goes after the last. */
  let previous: Y.Map<unknown> | null = null;
  for (const value of pastList) {
    if (!(value instanceof Y.Map)) continue;
    const was = value as Y.Map<unknown>;
    const found = liveMatch(list, was, kept);
    if (found && found !== 'other') {
      restoreCommentFields(found.map, was, plan);
      previous = found.map;
    } else {
      const copy = copyValue(was) as Y.Map<unknown>;
      list.insert(previous ? indexOf(list, previous) + 1 : 0, [copy]);
      previous = copy;
      plan.mark();
    }
    kept.add(previous);
  }
  for (let i = list.length - 1; i >= 0; i--) {
    if (!kept.has(list.get(i) as Y.Map<unknown>)) {
      list.delete(i, 1);
      plan.mark();
    }
  }
}

function indexOf(list: List, map: Y.Map<unknown>): number {
  let at = 0;
  for (const value of list) {
    if (value === map) return at;
    at++;
  }
  return -1;
}
