/**
 * The preload: runs in the sandboxed renderer before the page and exposes exactly the
 * bridge of core/bridge.ts as `window.conclave` — no ipcRenderer, no event objects,
 * no Node. Each method forwards to its channel; main/ipc.ts judges every call.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeCallName, ConclaveBridge } from '#core/bridge';
import { bridgeChannels, openActivityEvent } from '#core/bridge-channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: Listener): unknown;
  removeListener(channel: string, listener: Listener): unknown;
}

/** Builds the bridge over `ipc` (exported for the tests). */
export function createBridge(ipc: IpcRendererLike) {
  // The types are the contract's: main/ipc.ts validates every argument and result.
  const call = <K extends Exclude<BridgeCallName, 'takePendingActivity'>>(name: K) =>
    ((...args: unknown[]) => ipc.invoke(bridgeChannels[name], ...args)) as ConclaveBridge[K];

  return {
    relayUrl: call('relayUrl'),
    setRelayUrl: call('setRelayUrl'),
    saveSessionToken: call('saveSessionToken'),
    loadSessionToken: call('loadSessionToken'),
    clearSessionToken: call('clearSessionToken'),
    showNotification: call('showNotification'),
    openExternal: call('openExternal'),
    onOpenActivity(listener) {
      const forward: Listener = (_event, activityId) => {
        if (typeof activityId === 'string') listener(activityId);
      };
      ipc.on(openActivityEvent, forward);
      // A link that launched the app (or came during a reload) waited for this moment.
      void ipc.invoke(bridgeChannels.takePendingActivity).then((activityId) => {
        if (typeof activityId === 'string') listener(activityId);
      });
      return () => {
        ipc.removeListener(openActivityEvent, forward);
      };
    },
  } satisfies ConclaveBridge;
}

contextBridge.exposeInMainWorld('conclave', createBridge(ipcRenderer) satisfies ConclaveBridge);
