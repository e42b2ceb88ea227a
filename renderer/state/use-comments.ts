import { commentsOf, readComments, threadComments, type CommentThread } from '#core/doc/comments';
import type * as Y from 'yjs';
import { useDocValue } from './use-doc-value.ts';

/** Comment threads, oldest first, replies under their thread. */
export function useComments(doc: Y.Doc): CommentThread[] {
  return useDocValue(commentsOf(doc), () => threadComments(readComments(doc)));
}
