import { describe, expect, it } from 'vitest';
import { openActivityEvent } from '../../../core/bridge.ts';
import { startDesktop } from '../../../main/app.ts';
import { FakeApp, FakeContents, FakeWindow, navigationEvent } from './fakes.ts';

function launch(options: { argv?: string[]; lock?: boolean; platform?: NodeJS.Platform; packaged?: boolean } = {}) {
  const app = new FakeApp(options.lock ?? true);
  const windows: FakeWindow[] = [];
  const guarded: FakeContents[] = [];
  const desktop = startDesktop<FakeWindow, FakeContents>({
    app,
    argv: options.argv ?? ['/opt/Conclave/conclave'],
    platform: options.platform ?? 'linux',
    registerLinkHandler: options.packaged ?? true,
    createWindow: () => {
      const window = new FakeWindow();
      windows.push(window);
      return window;
    },
    guard: (contents) => guarded.push(contents),
    prepare: () => {},
  });
  return { app, desktop, windows, guarded };
}

async function readyApp(options: Parameters<typeof launch>[0] = {}) {
  const launched = launch(options);
  launched.app.becomeReady();
  await launched.desktop.ready;
  return launched;
}

describe('single instance', () => {
  it('quits at once when another instance holds the lock, opening no window', async () => {
    const { app, desktop, windows } = launch({ lock: false, argv: ['conclave', 'conclave://activity/act_12345678'] });
    app.becomeReady();
    await desktop.ready;
    expect(desktop.primary).toBe(false);
    expect(app.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(windows).toHaveLength(0);
  });

  it('forwards a second launch’s deep link to the existing window and brings it forward', async () => {
    const { app, desktop, windows } = await readyApp();
    const [window] = windows;
    window!.minimized = true;
    expect(desktop.inbox.take()).toBeNull(); // the page subscribed
    app.emit('second-instance', {}, ['/opt/Conclave/conclave', '--flag', 'conclave://activity/act_12345678'], '/home');
    expect(windows).toHaveLength(1);
    expect(window!.calls).toEqual(expect.arrayContaining(['restore', 'show', 'focus']));
    expect(window!.webContents.sent).toEqual([[openActivityEvent, ['act_12345678']]]);
  });

  it('only brings the window forward when the second launch has no usable link', async () => {
    const { app, desktop, windows } = await readyApp();
    desktop.inbox.take();
    app.emit('second-instance', {}, ['conclave', 'conclave://settings/reset'], '/');
    app.emit('second-instance', {}, ['conclave', 'conclave://activity/../../etc'], '/');
    expect(windows[0]!.calls).toContain('focus');
    expect(windows[0]!.webContents.sent).toEqual([]);
  });
});

describe('deep links', () => {
  it('keeps the link that launched the app until the page asks for it', async () => {
    const launched = await readyApp({ argv: ['conclave', 'conclave://activity/act_launch01'] });
    expect(launched.windows[0]!.webContents.sent).toEqual([]);
    expect(launched.desktop.inbox.take()).toBe('act_launch01');
    expect(launched.desktop.inbox.take()).toBeNull();
  });

  it('handles macOS open-url, before and after the app is ready', async () => {
    const { app, desktop, windows } = launch({ platform: 'darwin' });
    const early = navigationEvent('');
    app.emit('open-url', early, 'conclave://activity/act_early001');
    expect(early.defaultPrevented).toBe(true);
    expect(windows).toHaveLength(0);
    app.becomeReady();
    await desktop.ready;
    expect(desktop.inbox.take()).toBe('act_early001');
    app.emit('open-url', navigationEvent(''), 'conclave://activity/act_later002');
    expect(windows[0]!.webContents.sent).toEqual([[openActivityEvent, ['act_later002']]]);
  });

  it('holds links while the page reloads, and re-opens a closed window for them', async () => {
    const { app, desktop, windows } = await readyApp({ platform: 'darwin' });
    desktop.inbox.take();
    windows[0]!.webContents.emit('did-navigate');
    app.emit('second-instance', {}, ['conclave', 'conclave://activity/act_reload01'], '/');
    expect(windows[0]!.webContents.sent).toEqual([]);
    expect(desktop.inbox.take()).toBe('act_reload01');

    windows[0]!.close();
    expect(desktop.window()).toBeNull();
    app.emit('open-url', navigationEvent(''), 'conclave://activity/act_closed01');
    expect(windows).toHaveLength(2);
    expect(desktop.inbox.take()).toBe('act_closed01');
  });

  it('registers as the conclave: handler only when packaged', async () => {
    expect((await readyApp({ packaged: true })).app.calls).toContain('setAsDefaultProtocolClient conclave');
    expect((await readyApp({ packaged: false })).app.calls).not.toContain('setAsDefaultProtocolClient conclave');
  });
});

describe('lifecycle', () => {
  it('opens one window once ready, after preparing', async () => {
    const { app, desktop, windows } = launch();
    expect(windows).toHaveLength(0);
    app.becomeReady();
    await desktop.ready;
    expect(windows).toHaveLength(1);
    app.emit('activate');
    expect(windows).toHaveLength(1);
  });

  it('guards every web contents created', async () => {
    const { app, guarded } = await readyApp();
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(guarded).toEqual([contents]);
  });

  it('quits when the last window closes, except on macOS', async () => {
    const linux = await readyApp({ platform: 'linux' });
    linux.app.emit('window-all-closed');
    expect(linux.app.calls).toContain('quit');
    const mac = await readyApp({ platform: 'darwin' });
    mac.app.emit('window-all-closed');
    expect(mac.app.calls).not.toContain('quit');
  });
});
