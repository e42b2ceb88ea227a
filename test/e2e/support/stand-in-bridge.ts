import type { Browser } from '@playwright/test';

/**
 * A browser context whose pages have a stand-in desktop bridge (`window.conclave`,
 * core/bridge.ts) installed before the page loads, as Electron's preload would: the
 * token kept in sessionStorage, native notifications recorded in `window.shownNotifications`,
 * and `window.openActivityFromMain(id)` standing for a notification click.
 */
export async function desktopContext(browser: Browser, relayUrl: string) {
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addInitScript((url) => {
    const listeners: ((id: string) => void)[] = [];
    const shown: unknown[] = [];
    const store = 'stand-in-bridge-token';
    Object.defineProperty(window, 'shownNotifications', { value: shown });
    Object.defineProperty(window, 'conclave', {
      value: {
        relayUrl: async () => url,
        setRelayUrl: async (next: string) => ({ ok: true, relayUrl: next }),
        saveSessionToken: async (token: string) => {
          sessionStorage.setItem(store, token);
          return { ok: true };
        },
        loadSessionToken: async () => sessionStorage.getItem(store),
        clearSessionToken: async () => {
          sessionStorage.removeItem(store);
          return null;
        },
        showNotification: async (request: unknown) => {
          shown.push(request);
          return { shown: true };
        },
        openExternal: async () => ({ ok: true }),
        onOpenActivity: (listener: (id: string) => void) => {
          listeners.push(listener);
          return () => listeners.splice(listeners.indexOf(listener), 1);
        },
      },
    });
    Object.defineProperty(window, 'openActivityFromMain', { value: (id: string) => listeners.forEach((l) => l(id)) });
  }, relayUrl);
  return context;
}

export interface ShownNotification {
  title: string;
  body: string;
  activityId?: string;
}
