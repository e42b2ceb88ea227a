import { useCallback, useRef, useSyncExternalStore } from 'react';

/**
 * Reads a value out of the activity's Y.Doc and re-reads it whenever `type` (or
 * anything below it) changes. `read` must be pure; its result is cached between changes.
 */
/** What useDocValue needs of a shared type: deep observation. */
interface Observable {
  observeDeep(f: () => void): void;
  unobserveDeep(f: () => void): void;
}

export function useDocValue<T>(type: Observable, read: () => T): T {
  const cache = useRef<{ type: Observable; value: T } | null>(null);
  const readRef = useRef(read);
  readRef.current = read;
  const subscribe = useCallback(
    (notify: () => void) => {
      const onChange = () => {
        cache.current = null;
        notify();
      };
      type.observeDeep(onChange);
      return () => type.unobserveDeep(onChange);
    },
    [type],
  );
  const snapshot = () => {
    if (cache.current?.type !== type) cache.current = { type, value: readRef.current() };
    return cache.current.value;
  };
  return useSyncExternalStore(subscribe, snapshot);
}
