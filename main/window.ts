/**
 * The app's window and the rules every web page in the app lives by: an isolated,
 * sandboxed renderer without Node; no navigation away from the app's own origin (an
 * allowed link opens in the system browser instead); no new windows, no <webview>;
 * every permission request refused.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { allowedExternalUrl, type ShellOpen } from './security.ts';

export interface NavigationEventLike {
  readonly url: string;
  preventDefault(): void;
}

/** The part of a WebContents the guards need (Electron's own satisfies it). */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardOptions {
  isAppUrl: (url: string) => boolean;
  openExternal: ShellOpen;
  warn?: (message: string) => void;
}

/** Applies the navigation rules to a web contents (every one the app creates). */
export function guardContents(
  contents: GuardableContents,
  { isAppUrl, openExternal, warn = () => {} }: GuardOptions,
): void {
  const leaveFor = (url: string) => {
    const external = allowedExternalUrl(url);
    if (external)
      openExternal(external).catch((error: unknown) => warn(`could not open ${external}: ${String(error)}`));
    else warn(`blocked a link to ${url.slice(0, 200)}`);
  };
  const stayHome = (event: NavigationEventLike) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    leaveFor(event.url);
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    leaveFor(url);
    return { action: 'deny' };
  });
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

/** The part of an Electron Session the permission rule needs. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** Refuses every permission (camera, microphone, geolocation, notifications…) asked by a page. */
export function denyAllPermissions(session: PermissionSession, warn: (message: string) => void = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    warn(`refused the page's request for the "${permission}" permission`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

export interface MainWindowLike {
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
}

export type BrowserWindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

/** Opens the app's window on `url` with `preload` as its only bridge to the main process. */
export function createMainWindow<W extends MainWindowLike>(
  BrowserWindow: BrowserWindowClass<W>,
  { url, preload, warn = () => {} }: { url: string; preload: string; warn?: (message: string) => void },
): W {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Conclave',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK (reviewed: exposes only the bridge of core/bridge.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // a middle click would ask for a new window (refused anyway): don't even ask
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => warn(`could not load ${url}: ${String(error)}`));
  return window;
}
