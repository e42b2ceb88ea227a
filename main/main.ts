/**
 * The main process's entry: wires Electron's real objects into the modules beside
 * this file, which take them as parameters (and are tested under Node with fakes).
 * Nothing else happens here.
 */
import { app, BrowserWindow, ipcMain, Notification, protocol, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { desktopCsp } from '#core/csp';
import { startDesktop } from './app.ts';
import { appScheme, appSchemePrivileges, appUrlMatcher, packagedAppUrl, serveAppFile } from './app-origin.ts';
import { createBridgeHandlers, createNotifier } from './bridge-handlers.ts';
import { createBridgeDispatch, registerBridge } from './ipc.ts';
import { loadRelaySetting, relayUrlFromLaunch } from './relay-setting.ts';
import { installContentSecurityPolicy } from './security.ts';
import { createTokenStore } from './token-store.ts';
import { createMainWindow, guardContents, guardPermissions } from './window.ts';

// Set by Forge's Vite plugin: the renderer's dev server (development) and its name.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

const warn = (message: string) => console.warn(`[conclave] ${message}`);
const devServerUrl = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' ? MAIN_WINDOW_VITE_DEV_SERVER_URL : null;
const rendererName = typeof MAIN_WINDOW_VITE_NAME === 'string' ? MAIN_WINDOW_VITE_NAME : 'main_window';
const rendererRoot = path.join(import.meta.dirname, '..', 'renderer', rendererName);
const appUrl = devServerUrl ?? packagedAppUrl;
const isAppUrl = appUrlMatcher(appUrl);
const userData = app.getPath('userData');

app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);

// Reached only with URLs that passed security.ts's allow-list (https:, mailto:).
const openAllowed = (url: string) => shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (allow-listed)
const guard = (contents: Electron.WebContents) =>
  guardContents(contents, { isAppUrl, openExternal: openAllowed, warn });

startDesktop<BrowserWindow, Electron.WebContents>({
  app,
  argv: process.argv,
  platform: process.platform,
  registerLinkHandler: app.isPackaged,
  guard,
  createWindow: () =>
    createMainWindow(BrowserWindow, { url: appUrl, preload: path.join(import.meta.dirname, 'preload.cjs'), warn }),
  async prepare({ inbox, openActivity, window }) {
    const relay = await loadRelaySetting({
      file: path.join(userData, 'settings.json'),
      launch: relayUrlFromLaunch(process.argv, process.env),
      warn,
    });
    const policy = () => desktopCsp(relay.current());
    installContentSecurityPolicy(session.defaultSession.webRequest, policy);
    guardPermissions(session.defaultSession, isAppUrl, warn);
    protocol.handle(appScheme, (request) => serveAppFile(rendererRoot, request.url, policy()));

    const handlers = createBridgeHandlers({
      relay,
      tokens: createTokenStore({
        safeStorage,
        file: path.join(userData, 'session-token.bin'),
        platform: process.platform,
        warn,
      }),
      notify: createNotifier(Notification, openActivity),
      shellOpen: openAllowed,
      inbox,
      reloadPage: () => window()?.webContents.reload(),
    });
    registerBridge(ipcMain, createBridgeDispatch(handlers, isAppUrl, warn));
  },
});
