import { useEffect, useRef } from 'react';
import type { Notice } from './use-notices.ts';

/** At most this many notifications at once; the bell holds the rest. */
const burst = 3;

/**
 * Calls `notify` for each unread notice that arrives while the app is open — not for
 * those already there when it started, and never twice for one notice.
 */
export function useNewNotices(notices: readonly Notice[], ready: boolean, notify: (notice: Notice) => void) {
  const seen = useRef<Set<string> | null>(null);
  const latest = useRef(notify);
  useEffect(() => {
    latest.current = notify;
  }, [notify]);
  useEffect(() => {
    if (!ready) return;
    if (seen.current === null) {
      seen.current = new Set(notices.map((n) => n.key));
      return;
    }
    const known = seen.current;
    const fresh = notices.filter((n) => !n.read && !known.has(n.key));
    for (const n of notices) known.add(n.key);
    for (const n of fresh.slice(0, burst)) latest.current(n);
  }, [notices, ready]);
}
