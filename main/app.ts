/**
 * The app's lifecycle: one instance only (a second launch hands its deep link to the
 * first and quits), `conclave://activity/<id>` links from the command line (Windows,
 * Linux) or the OS (macOS `open-url`), one window, re-created on demand, and the rules
 * of window.ts applied to every web contents that comes to exist.
 */
import { activityLinkInArgs, deepLinkScheme, parseActivityLink } from '#core/deep-link';
import { openActivityEvent } from '#core/bridge';
import { createActivityInbox, type ActivityInbox } from './activity-inbox.ts';

export interface AppLike<C> {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  whenReady(): Promise<unknown>;
  setAsDefaultProtocolClient(protocol: string): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: C) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
}

export interface AppWindowLike {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  on(event: 'closed', listener: () => void): unknown;
  readonly webContents: {
    send(channel: string, ...args: unknown[]): void;
    on(event: 'did-navigate', listener: () => void): unknown;
  };
}

export interface DesktopOptions<W extends AppWindowLike, C> {
  app: AppLike<C>;
  argv: readonly string[];
  platform: NodeJS.Platform;
  /** Register as the OS handler of conclave:// links (packaged builds only). */
  registerLinkHandler: boolean;
  createWindow: () => W;
  /** Applies the navigation rules to any new web contents. */
  guard: (contents: C) => void;
  /** Runs once the app is ready, before the window opens (CSP, protocol, IPC). */
  prepare: (context: DesktopContext<W>) => Promise<void> | void;
}

export interface DesktopContext<W> {
  /** Where deep links wait for the page (the bridge's `takePendingActivity`). */
  readonly inbox: ActivityInbox;
  /** Brings the window forward and, given an id, opens that activity in it. */
  openActivity(activityId: string | null): void;
  window(): W | null;
}

export interface Desktop<W> extends DesktopContext<W> {
  /** False when another instance runs: this one hands over and quits. */
  readonly primary: boolean;
  /** Resolves once the first window is open. */
  readonly ready: Promise<void>;
}

export function startDesktop<W extends AppWindowLike, C>(options: DesktopOptions<W, C>): Desktop<W> {
  const { app } = options;
  let window: W | null = null;
  let isReady = false;
  const inbox = createActivityInbox((activityId) => window?.webContents.send(openActivityEvent, activityId));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false, ready: Promise.resolve(), inbox, openActivity: () => {}, window: () => null };
  }

  const showWindow = (): void => {
    if (!isReady) return;
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return;
    }
    const opened = options.createWindow();
    window = opened;
    opened.webContents.on('did-navigate', () => inbox.detach());
    opened.on('closed', () => {
      if (window === opened) window = null;
      inbox.detach();
    });
  };

  const openActivity = (activityId: string | null): void => {
    showWindow();
    if (activityId) inbox.open(activityId);
  };

  const launchedWith = activityLinkInArgs(options.argv);
  if (launchedWith) inbox.open(launchedWith);

  app.on('second-instance', (_event, argv) => openActivity(activityLinkInArgs(argv)));
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openActivity(parseActivityLink(url));
  });
  app.on('web-contents-created', (_event, contents) => options.guard(contents));
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => showWindow());

  // Links are parsed strictly (conclave://activity/<id>, core/deep-link.ts); anything else is dropped.
  if (options.registerLinkHandler) app.setAsDefaultProtocolClient(deepLinkScheme); // eng-disable PROTOCOL_HANDLER_JS_CHECK (reviewed)

  const context: DesktopContext<W> = { inbox, openActivity, window: () => window };
  const ready = app.whenReady().then(async () => {
    await options.prepare(context);
    isReady = true;
    showWindow();
  });

  return { primary: true, ready, ...context };
}
