import { useCallback, useEffect, useState } from 'react';
import type { IdeaComment } from '#core/api/idea-comments';
import { moreComments } from '../actions/idea-comments.ts';
import type { ApiClient } from '../api/client.ts';

interface Loaded {
  comments: IdeaComment[];
  total: number;
  next: number | null;
}

/**
 * An idea's comments as the relay lets the reader see them, oldest first, a page at a
 * time; what an action returns (a comment written, approved, hidden) replaces or joins the
 * list, so the screen shows what the relay now holds without asking again.
 */
export function useIdeaComments(api: ApiClient, ideaId: string) {
  const [state, setState] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<Error | null>(null);

  useEffect(() => {
    let live = true;
    setState(null);
    moreComments(api, ideaId, 0).then(
      (page) => live && setState(page),
      (err: unknown) => live && setFailed(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
    };
  }, [api, ideaId]);

  /** The next page, after those shown. */
  const more = useCallback(async () => {
    if (state?.next == null) return;
    const page = await moreComments(api, ideaId, state.next);
    setState((now) => {
      const known = new Set(now?.comments.map((c) => c.id));
      return { comments: [...(now?.comments ?? []), ...page.comments.filter((c) => !known.has(c.id))], total: page.total, next: page.next };
    });
  }, [api, ideaId, state?.next]);

  /** A comment as an action returned it: replaced where shown, else added at the end. */
  const put = useCallback((comment: IdeaComment) => {
    setState((now) => {
      if (!now) return now;
      const at = now.comments.findIndex((c) => c.id === comment.id);
      if (at >= 0) return { ...now, comments: now.comments.map((c) => (c.id === comment.id ? comment : c)) };
      return { ...now, comments: [...now.comments, comment], total: now.total + 1 };
    });
  }, []);

  return { comments: state?.comments ?? null, total: state?.total ?? 0, hasMore: state?.next != null, failed, more, put };
}
