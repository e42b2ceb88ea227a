import { useEffect, useRef, useState, type DependencyList } from 'react';

/**
 * A preview the relay computes (an SMS and its cost), asked again a quarter of a second
 * after its inputs (`deps`) stop changing; an answer that comes after newer inputs is
 * dropped. Nothing is asked while `enabled` is false.
 */
export function useLivePreview<T>(load: () => Promise<T>, deps: DependencyList, enabled = true): { value: T | null; error: unknown } {
  const [state, setState] = useState<{ value: T | null; error: unknown }>({ value: null, error: null });
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const timer = setTimeout(() => {
      latest.current().then(
        (value) => live && setState({ value, error: null }),
        (error: unknown) => live && setState({ value: null, error }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [enabled, ...deps]); // the caller names what the preview depends on
  return state;
}
