import { useDeferredValue, useEffect, useState } from 'react';
import type { SimilarIdea } from '#core/api/ideas';
import type { ApiClient } from '../api/client.ts';
import { similarIdeas } from '../api/ideas.ts';

/** Ideas whose titles look like the one being typed (asked after a short pause). */
export function useSimilarIdeas(api: ApiClient, boxId: string, title: string): SimilarIdea[] {
  const typed = useDeferredValue(title.trim());
  const [found, setFound] = useState<SimilarIdea[]>([]);
  useEffect(() => {
    if (typed.length < 3) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      similarIdeas(api, boxId, typed).then(
        (list) => live && setFound(list),
        () => undefined,
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, boxId, typed]);
  return found;
}
