/**
 * What each bridge call does (core/bridge.ts). Arguments arrive already validated by
 * main/ipc.ts; everything with a side effect is injected, so tests run under Node.
 */
import type { NotificationRequest } from '#core/bridge';
import type { ActivityInbox } from './activity-inbox.ts';
import type { BridgeHandlers } from './ipc.ts';
import type { RelaySetting } from './relay-setting.ts';
import { openExternalLink, type ShellOpen } from './security.ts';
import type { TokenStore } from './token-store.ts';

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  show(): void;
}

/** The part of Electron's Notification class used here. */
export interface NotificationClass {
  new (options: { title: string; body: string }): NotificationLike;
  isSupported(): boolean;
}

/**
 * Shows native notifications; a click brings the window forward and, when the
 * notification names an activity, opens it. Shown notifications are kept referenced
 * until closed so their click handlers survive garbage collection.
 */
export function createNotifier(Notification: NotificationClass, onClick: (activityId: string | null) => void) {
  const shown = new Set<NotificationLike>();
  return (request: NotificationRequest): { shown: boolean } => {
    if (!Notification.isSupported()) return { shown: false };
    const notification = new Notification({ title: request.title, body: request.body });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      onClick(request.activityId ?? null);
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
    return { shown: true };
  };
}

export interface BridgeServices {
  relay: RelaySetting;
  tokens: TokenStore;
  notify: (request: NotificationRequest) => { shown: boolean };
  shellOpen: ShellOpen;
  inbox: ActivityInbox;
  /** Reloads the page, so its security policy names a newly chosen relay. */
  reloadPage: () => void;
}

export function createBridgeHandlers(services: BridgeServices): BridgeHandlers {
  const { relay, tokens, notify, shellOpen, inbox } = services;
  return {
    relayUrl: () => relay.current(),
    async setRelayUrl(raw) {
      const before = relay.current();
      const result = await relay.set(raw);
      if (result.ok && result.relayUrl !== before) {
        await tokens.clear();
        // after the answer has gone back to the page
        setTimeout(services.reloadPage, 0);
      }
      return result;
    },
    saveSessionToken: (token) => tokens.save(token),
    loadSessionToken: () => tokens.load(),
    async clearSessionToken() {
      await tokens.clear();
      return null;
    },
    showNotification: (request) => notify(request),
    openExternal: (url) => openExternalLink(shellOpen, url),
    takePendingActivity: () => inbox.take(),
  };
}
