import { keptClientKey } from '#core/sync/kept-client';

/**
 * Holds the device's lock for one activity's id while `released` is pending: only one tab
 * writes under the kept id. Resolves with whether it got it (false without Web Locks).
 */
export function lockDeviceClient(copyName: string, released: Promise<void>): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return Promise.resolve(false);
  return new Promise((resolve) => {
    locks
      .request(keptClientKey(copyName), { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        return lock ? released : undefined;
      })
      .catch(() => resolve(false));
  });
}
