import { describe, expect, it } from 'vitest';
import { bridgeCalls } from '../../../core/bridge.ts';
import { appUrlMatcher, packagedAppUrl } from '../../../main/app-origin.ts';
import { createBridgeDispatch, registerBridge, type BridgeHandlers, type InvokeEventLike } from '../../../main/ipc.ts';

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://conclave/index.html', parent: null } };

function setUp(overrides: Partial<BridgeHandlers> = {}) {
  const ran: string[] = [];
  const handlers: BridgeHandlers = {
    relayUrl: () => (ran.push('relayUrl'), 'http://127.0.0.1:8787'),
    setRelayUrl: (url) => (ran.push(`setRelayUrl ${url}`), { ok: true, relayUrl: url }),
    saveSessionToken: (token) => (ran.push(`save ${token}`), { ok: true }),
    loadSessionToken: () => (ran.push('load'), null),
    clearSessionToken: () => (ran.push('clear'), null),
    showNotification: (n) => (ran.push(`notify ${n.title}`), { shown: true }),
    openExternal: (url) => (ran.push(`open ${url}`), { ok: true }),
    takePendingActivity: () => (ran.push('take'), null),
    ...overrides,
  };
  const warnings: string[] = [];
  const dispatch = createBridgeDispatch(handlers, appUrlMatcher(packagedAppUrl), (m) => warnings.push(m));
  return { dispatch, ran, warnings };
}

describe('bridge dispatch', () => {
  it('answers a known call from the app page', async () => {
    const { dispatch, ran } = setUp();
    expect(await dispatch(bridgeCalls.relayUrl.channel, fromApp, [])).toBe('http://127.0.0.1:8787');
    expect(ran).toEqual(['relayUrl']);
  });

  it('refuses unknown channels without running anything', async () => {
    const { dispatch, ran, warnings } = setUp();
    await expect(dispatch('conclave:shell:exec', fromApp, ['rm -rf /'])).rejects.toThrow(/unknown channel/);
    expect(ran).toEqual([]);
    expect(warnings.join()).toMatch(/unknown channel/);
  });

  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a file page', { url: 'file:///tmp/evil.html', parent: null }],
    ['a look-alike app origin', { url: 'app://conclave.evil/index.html', parent: null }],
    ['a sub-frame of the app', { url: 'app://conclave/frame.html', parent: {} }],
    ['a frame that is gone', null],
  ])('refuses calls from %s', async (_name, senderFrame) => {
    const { dispatch, ran } = setUp();
    await expect(dispatch(bridgeCalls.loadSessionToken.channel, { senderFrame }, [])).rejects.toThrow(
      /only answered to the app's own page/,
    );
    expect(ran).toEqual([]);
  });

  it('refuses arguments that break the contract', async () => {
    const { dispatch, ran } = setUp();
    await expect(dispatch(bridgeCalls.saveSessionToken.channel, fromApp, ['short'])).rejects.toThrow(
      /invalid arguments/,
    );
    await expect(dispatch(bridgeCalls.saveSessionToken.channel, fromApp, [])).rejects.toThrow(/invalid arguments/);
    await expect(
      dispatch(bridgeCalls.showNotification.channel, fromApp, [{ title: 'x', body: 'y', script: 'alert(1)' }]),
    ).rejects.toThrow(/invalid arguments/);
    await expect(dispatch(bridgeCalls.relayUrl.channel, fromApp, ['extra'])).rejects.toThrow(/invalid arguments/);
    expect(ran).toEqual([]);
  });

  it('passes validated arguments through', async () => {
    const { dispatch, ran } = setUp();
    const token = 'tok_0123456789abcdefghij';
    expect(await dispatch(bridgeCalls.saveSessionToken.channel, fromApp, [token])).toEqual({ ok: true });
    await dispatch(bridgeCalls.showNotification.channel, fromApp, [{ title: 'Decision recorded', body: 'Option B' }]);
    expect(ran).toEqual([`save ${token}`, 'notify Decision recorded']);
  });

  it('never hands the page a result outside the contract', async () => {
    const leaky = setUp({ loadSessionToken: () => ({ token: 'x', secret: 'y' }) as unknown as string });
    await expect(leaky.dispatch(bridgeCalls.loadSessionToken.channel, fromApp, [])).rejects.toThrow();
  });

  it('registers exactly the bridge channels on ipcMain', () => {
    const registered: string[] = [];
    const { dispatch } = setUp();
    registerBridge({ handle: (channel) => registered.push(channel) }, dispatch);
    expect(registered.sort()).toEqual(
      Object.values(bridgeCalls)
        .map((c) => c.channel)
        .sort(),
    );
  });
});
