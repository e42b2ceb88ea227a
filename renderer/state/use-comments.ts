import { useRef } from 'react';
import * as Y from 'yjs';
import { commentsOf, readComment, threadComments, type Comment, type CommentThread } from '#core/doc/comments';
import { useDocValue } from './use-doc-value.ts';

type Cache = WeakMap<Y.Map<unknown>, { versions: number; removed: boolean; comment: Comment }>;

/** Reads the comments; a comment only changes by gaining a version or a removal mark (SPEC W2), so others are reused. */
function readAll(doc: Y.Doc, cache: Cache): Comment[] {
  const out: Comment[] = [];
  for (const map of commentsOf(doc)) {
    if (!(map instanceof Y.Map)) continue;
    const versions = map.get('versions');
    const count = versions instanceof Y.Array ? versions.length : 0;
    const removed = map.has('removed');
    const cached = cache.get(map);
    if (cached?.versions === count && cached.removed === removed) {
      out.push(cached.comment);
      continue;
    }
    const comment = readComment(map);
    if (comment) {
      cache.set(map, { versions: count, removed, comment });
      out.push(comment);
    }
  }
  return out;
}

/** Comment threads, oldest first, replies under their thread. */
export function useComments(doc: Y.Doc): CommentThread[] {
  const cache = useRef<Cache>(new WeakMap());
  return useDocValue(commentsOf(doc), () => threadComments(readAll(doc, cache.current)));
}
