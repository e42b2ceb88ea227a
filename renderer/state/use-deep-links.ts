import { useEffect } from 'react';
import { navigate } from './use-route.ts';

/**
 * In the desktop app, `conclave://activity/<id>` links and notification clicks open the
 * activity (core/bridge.ts); in a browser there is no bridge and nothing to do.
 */
export function useDeepLinks(active: boolean) {
  useEffect(() => {
    if (!active || !window.conclave) return;
    return window.conclave.onOpenActivity((id) => navigate({ name: 'activity', id, tab: 'work' }));
  }, [active]);
}
