/**
 * The app's window and the rules every web page in the app lives by: an isolated,
 * sandboxed renderer without Node; no navigation away from the app's own origin (an
 * allowed link opens in the system browser instead); no new windows, no <webview>;
 * permission requests refused but for two harmless ones from the app itself.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { allowedExternalUrl, type ShellOpen } from './security.ts';

export interface NavigationEventLike {
  readonly url: string;
  /** Set on 'will-frame-navigate'. */
  readonly isMainFrame?: boolean;
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
  // Electron asks 'will-frame-navigate' first, for every frame, and skips 'will-navigate'
  // when it is prevented: the main frame is left to 'will-navigate' (which opens links).
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame === false && !isAppUrl(event.url)) event.preventDefault();
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

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: { requestingUrl?: string },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;

/** The part of an Electron Session the permission rule needs. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler): void;
}

/**
 * The only permissions granted, and only to the app's own page: writing (sanitized)
 * text to the clipboard, for "copy link", and full screen, for showing a board to a room.
 */
export const grantedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

/**
 * Refuses every permission (camera, microphone, location, notifications, clipboard
 * reading…) except `grantedPermissions` asked by the app's own page.
 */
export function guardPermissions(
  session: PermissionSession,
  isAppUrl: (url: string) => boolean,
  warn: (message: string) => void = () => {},
): void {
  const allowed = (permission: string, url: string | undefined) =>
    grantedPermissions.has(permission) && url !== undefined && isAppUrl(url);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = allowed(permission, details?.requestingUrl);
    if (!granted) warn(`refused the "${permission}" permission to ${String(details?.requestingUrl).slice(0, 200)}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
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
