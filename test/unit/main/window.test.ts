import { describe, expect, it } from 'vitest';
import { appUrlMatcher, packagedAppUrl } from '../../../main/app-origin.ts';
import { createMainWindow, denyAllPermissions, guardContents } from '../../../main/window.ts';
import { FakeContents, FakeWindow, navigationEvent } from './fakes.ts';

function guarded(appUrl = packagedAppUrl) {
  const contents = new FakeContents();
  const opened: string[] = [];
  const warnings: string[] = [];
  guardContents(contents, {
    isAppUrl: appUrlMatcher(appUrl),
    openExternal: async (url) => {
      opened.push(url);
    },
    warn: (m) => warnings.push(m),
  });
  return { contents, opened, warnings };
}

describe('navigation guards', () => {
  it('lets the page navigate within the app', () => {
    const { contents, opened } = guarded();
    const event = navigationEvent('app://conclave/activities/abc12345');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
    expect(opened).toEqual([]);
  });

  it('stops navigation to a foreign https page and opens it in the system browser instead', () => {
    const { contents, opened } = guarded();
    const event = navigationEvent('https://example.org/help');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(opened).toEqual(['https://example.org/help']);
  });

  it.each([
    'file:///etc/passwd',
    'http://example.org/',
    'javascript:alert(1)',
    'app://elsewhere/index.html',
    'smb://host/share',
  ])('stops navigation to %s and opens nothing', (url) => {
    const { contents, opened, warnings } = guarded();
    const event = navigationEvent(url);
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(opened).toEqual([]);
    expect(warnings.join()).toMatch(/blocked/);
  });

  it('treats the dev server as the app in development, and only its exact origin', () => {
    const { contents } = guarded('http://localhost:5173/');
    const own = navigationEvent('http://localhost:5173/activities');
    const otherPort = navigationEvent('http://localhost:8787/');
    contents.emit('will-navigate', own);
    contents.emit('will-navigate', otherPort);
    expect(own.defaultPrevented).toBe(false);
    expect(otherPort.defaultPrevented).toBe(true);
  });

  it('stops foreign frame navigations and redirects', () => {
    const { contents } = guarded();
    const frame = navigationEvent('https://evil.example/');
    const redirect = navigationEvent('https://evil.example/');
    const ownRedirect = navigationEvent('app://conclave/index.html');
    contents.emit('will-frame-navigate', frame);
    contents.emit('will-redirect', redirect);
    contents.emit('will-redirect', ownRedirect);
    expect([frame.defaultPrevented, redirect.defaultPrevented, ownRedirect.defaultPrevented]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('refuses every new window, sending allowed links to the system browser', () => {
    const { contents, opened } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://conclave/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///tmp/x' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/']);
  });

  it('refuses <webview> tags', () => {
    const { contents } = guarded();
    const event = navigationEvent('');
    contents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
      null;
    let checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (requestHandler = h),
      setPermissionCheckHandler: (h) => (checkHandler = h),
    });
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      requestHandler!(null, permission, (granted) => answers.push(granted));
      answers.push(checkHandler!(null, permission));
    }
    expect(answers).toHaveLength(10);
    expect(answers.every((granted) => granted === false)).toBe(true);
  });
});

describe('main window', () => {
  it('is isolated, sandboxed, without Node, and loads the app with the preload', () => {
    const window = createMainWindow(FakeWindow, { url: packagedAppUrl, preload: '/app/.vite/build/preload.cjs' });
    const options = window.options as { show: boolean; webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      preload: '/app/.vite/build/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.show).toBe(false);
    expect(window.calls).toEqual([`load ${packagedAppUrl}`]);
    window.emit('ready-to-show');
    expect(window.calls).toContain('show');
  });
});
