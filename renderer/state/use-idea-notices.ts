import { useEffect } from 'react';
import type { ApiClient } from '../api/client.ts';
import { ideaNotices } from '../api/ideas.ts';
import { useAsync } from './use-async.ts';

const refreshMs = 60_000;

/** What became of my ideas; asked again when the window comes back and every minute. */
export function useIdeaNotices(api: ApiClient) {
  const notices = useAsync(() => ideaNotices(api), [api]);
  const { reload } = notices;
  useEffect(() => {
    const timer = setInterval(reload, refreshMs);
    window.addEventListener('focus', reload);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', reload);
    };
  }, [reload]);
  return notices;
}
