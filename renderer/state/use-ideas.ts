import { useCallback, useEffect, useState } from 'react';
import type { Idea, IdeaPage, IdeaStatus } from '#core/api/ideas';
import type { IdeaSort } from '#core/ideas/sort';
import { sortIdeas } from '#core/ideas/sort';
import type { ApiClient } from '../api/client.ts';
import { listIdeas } from '../api/ideas.ts';

export interface IdeaFilter {
  sort: IdeaSort;
  category: string;
  status: IdeaStatus | '';
  author: string;
}

export interface IdeaListView {
  status: 'loading' | 'ready' | 'failed';
  ideas: Idea[];
  total: number;
  categories: string[];
  error: Error | null;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
  /** Puts a changed idea in place (after a vote) and re-sorts like the relay would. */
  replace(idea: Idea): void;
}

const pageSize = 50;

/**
 * A box's ideas, a page at a time (a box of 5,000 ideas shows 50, then 50 more): the
 * relay sorts and filters; a vote updates the idea in place.
 */
export function useIdeas(api: ApiClient, boxId: string, filter: IdeaFilter, size = pageSize): IdeaListView {
  const [page, setPage] = useState<IdeaPage | null>(null);
  const [status, setStatus] = useState<IdeaListView['status']>('loading');
  const [error, setError] = useState<Error | null>(null);
  const [round, setRound] = useState(0);
  const { sort, category, status: ideaStatus, author } = filter;

  const fetchPage = useCallback(
    (offset: number) =>
      listIdeas(api, boxId, { sort, category: category || undefined, status: ideaStatus || undefined, author: author || undefined, offset, limit: size }),
    [api, boxId, sort, category, ideaStatus, author, size],
  );

  useEffect(() => {
    let live = true;
    setStatus((s) => (s === 'ready' ? s : 'loading'));
    fetchPage(0).then(
      (first) => {
        if (!live) return;
        setPage(first);
        setStatus('ready');
      },
      (err: unknown) => {
        if (!live) return;
        setError(err instanceof Error ? err : new Error(String(err)));
        setStatus('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [fetchPage, round]);

  const loadMore = useCallback(() => {
    if (!page || page.next === null) return;
    void fetchPage(page.next).then((more) => setPage((p) => (p ? { ...more, ideas: [...p.ideas, ...more.ideas] } : more)));
  }, [page, fetchPage]);

  const replace = useCallback(
    (idea: Idea) =>
      setPage((p) => (p ? { ...p, ideas: sortIdeas(sort, p.ideas.map((i) => (i.id === idea.id ? idea : i))) } : p)),
    [sort],
  );

  return {
    status,
    ideas: page?.ideas ?? [],
    total: page?.total ?? 0,
    categories: page?.categories ?? [],
    error,
    hasMore: page?.next !== null && page?.next !== undefined,
    loadMore,
    reload: useCallback(() => setRound((r) => r + 1), []),
    replace,
  };
}
