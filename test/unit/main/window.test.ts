import { describe, expect, it } from 'vitest';
import { appUrlMatcher, packagedAppUrl } from '../../../main/app-origin.ts';
import { createMainWindow, guardContents, guardPermissions } from '../../../main/window.ts';
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

  it('in Electron’s event order, stops foreign pages yet still opens allowed links outside', () => {
    const { contents, opened } = guarded();
    expect(contents.navigate('https://example.org/news')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(contents.navigate('app://conclave/activities')).toBe(false);
    expect(contents.navigate('https://evil.example/frame', false)).toBe(true);
    expect(contents.navigate('app://conclave/frame.html', false)).toBe(false);
    expect(opened).toEqual(['https://example.org/news']);
  });

  it('stops foreign frame navigations and redirects', () => {
    const { contents } = guarded();
    const frame = navigationEvent('https://evil.example/', false);
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
  type RequestHandler = Parameters<Parameters<typeof guardPermissions>[0]['setPermissionRequestHandler']>[0];
  type CheckHandler = Parameters<Parameters<typeof guardPermissions>[0]['setPermissionCheckHandler']>[0];

  function handlers() {
    let request: RequestHandler | null = null;
    let check: CheckHandler | null = null;
    guardPermissions(
      { setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) },
      appUrlMatcher(packagedAppUrl),
    );
    if (!request || !check) throw new Error('no permission handlers were installed');
    const asked = (permission: string, url: string) => {
      let granted: boolean | null = null;
      request!(null, permission, (g) => (granted = g), { requestingUrl: url });
      return granted;
    };
    return { asked, checked: check as CheckHandler };
  }

  it('denies every permission asked by the app except clipboard writing and full screen', () => {
    const { asked, checked } = handlers();
    const page = 'app://conclave/activities/act_12345678';
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midiSysex']) {
      expect(asked(permission, page), permission).toBe(false);
      expect(checked(null, permission, 'app://conclave'), permission).toBe(false);
    }
    expect(asked('clipboard-sanitized-write', page)).toBe(true);
    expect(asked('fullscreen', page)).toBe(true);
    expect(checked(null, 'clipboard-sanitized-write', 'app://conclave')).toBe(true);
  });

  it('denies everything to any other page', () => {
    const { asked, checked } = handlers();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://conclave.evil/']) {
      expect(asked('clipboard-sanitized-write', url), url).toBe(false);
      expect(asked('fullscreen', url), url).toBe(false);
      expect(checked(null, 'fullscreen', url), url).toBe(false);
    }
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
