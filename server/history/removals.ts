import * as Y from 'yjs';
import { commentsOf } from '#core/doc/comments';
import { methodsOf } from '#core/doc/methods';
import { holds } from './restore-plan.ts';

/** The parts of a board whose entries a member may restore (SPEC H4). */
const entryParts = ['items', 'options'] as const;

/**
 * What a member may restore from a moment (SPEC H4), for the timeline to offer: the board
 * entries and comments `past` holds that are gone once `after` is replayed on it (`past`
 * is changed), whose last removal was an update of `userId`. The same judgement as a
 * restore's (`lastRemover`), for every entry at once: each update is replayed once, and
 * only the entries it touched are looked at again.
 */
export function removalsBy(past: Y.Doc, after: { userId: string; data: Uint8Array }[], userId: string): string[] {
  const tracked = new Map<string, { present: boolean; remover: string | null }>();
  for (const path of presentPaths(past)) tracked.set(path, { present: true, remover: null });
  let touched: string[] = [];
  const watch = (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) touched.push(...touchedPaths(past, type, keys));
  };
  past.on('afterTransaction', watch);
  for (const update of after) {
    touched = [];
    Y.applyUpdate(past, update.data);
    for (const prefix of new Set(touched)) {
      for (const [path, state] of tracked) {
        if (path !== prefix && !path.startsWith(`${prefix}/`)) continue;
        const now = holds(past, path);
        if (state.present && !now) state.remover = update.userId;
        state.present = now;
      }
    }
  }
  past.off('afterTransaction', watch);
  return [...tracked].filter(([, s]) => !s.present && s.remover === userId).map(([path]) => path);
}

/** Every board entry and every comment not marked removed, as restore paths. */
function presentPaths(doc: Y.Doc): string[] {
  const paths: string[] = [];
  for (const [boardId, board] of methodsOf(doc)) {
    if (!(board instanceof Y.Map)) continue;
    for (const part of entryParts) {
      const entries = board.get(part);
      if (entries instanceof Y.Map) for (const id of entries.keys()) paths.push(`methods/${boardId}/${part}/${id}`);
    }
  }
  for (const comment of commentsOf(doc)) {
    const id = comment instanceof Y.Map ? comment.get('id') : null;
    if (typeof id === 'string' && holds(doc, `comments/${id}`)) paths.push(`comments/${id}`);
  }
  return paths;
}

type Shared = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/** The paths (or path prefixes) a change to `type` at `keys` may have removed. */
function touchedPaths(doc: Y.Doc, type: Shared, keys: Set<string | null>): string[] {
  const named = [...keys].filter((k): k is string => k !== null);
  const [methods, comments]: unknown[] = [methodsOf(doc), commentsOf(doc)];
  if (type === methods) return named.map((k) => `methods/${k}`);
  if (type === comments) return ['comments'];
  const item = type._item;
  if (!item) return [];
  const parent = item.parent as Shared;
  if (parent === methods) return named.map((k) => `methods/${item.parentSub}/${k}`);
  if (parent === comments) return type instanceof Y.Map && typeof type.get('id') === 'string' ? [`comments/${type.get('id')}`] : [];
  const board = parent._item;
  if (board && board.parent === methods && item.parentSub) return named.map((k) => `methods/${board.parentSub}/${item.parentSub}/${k}`);
  return [];
}
