import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeCalls, openActivityEvent, type ConclaveBridge } from '../../../core/bridge.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown[]][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const answers = new Map<string, unknown>();
  return {
    exposed,
    invoked,
    listeners,
    answers,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push([channel, args]);
        return Promise.resolve(answers.get(channel) ?? null);
      },
      on: (channel: string, listener: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener),
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

async function bridge(): Promise<ConclaveBridge> {
  await import('../../../main/preload.ts');
  return electron.exposed.get('conclave') as ConclaveBridge;
}

const emit = (channel: string, ...args: unknown[]) => {
  for (const listener of electron.listeners.get(channel) ?? []) listener({ sender: 'ipc internals' }, ...args);
};

beforeEach(() => {
  electron.invoked.length = 0;
  electron.answers.clear();
});

describe('preload bridge', () => {
  it('exposes exactly the bridge as window.conclave, and nothing else', async () => {
    await bridge();
    expect([...electron.exposed.keys()]).toEqual(['conclave']);
    const keys = Object.keys(electron.exposed.get('conclave') as object).sort();
    const expected = [...Object.keys(bridgeCalls).filter((k) => k !== 'takePendingActivity'), 'onOpenActivity'].sort();
    expect(keys).toEqual(expected);
  });

  it('forwards each call to its channel with its arguments', async () => {
    const api = await bridge();
    electron.answers.set(bridgeCalls.relayUrl.channel, 'http://127.0.0.1:8787');
    expect(await api.relayUrl()).toBe('http://127.0.0.1:8787');
    await api.saveSessionToken('tok_0123456789abcdefghij');
    await api.openExternal('https://example.org/');
    await api.showNotification({ title: 'Decision', body: 'B', activityId: 'act_12345678' });
    await api.setRelayUrl('https://relay.example.org');
    await api.loadSessionToken();
    await api.clearSessionToken();
    expect(electron.invoked).toEqual([
      [bridgeCalls.relayUrl.channel, []],
      [bridgeCalls.saveSessionToken.channel, ['tok_0123456789abcdefghij']],
      [bridgeCalls.openExternal.channel, ['https://example.org/']],
      [bridgeCalls.showNotification.channel, [{ title: 'Decision', body: 'B', activityId: 'act_12345678' }]],
      [bridgeCalls.setRelayUrl.channel, ['https://relay.example.org']],
      [bridgeCalls.loadSessionToken.channel, []],
      [bridgeCalls.clearSessionToken.channel, []],
    ]);
  });

  it('delivers a link that waited in main, then later links, without the IPC event object', async () => {
    const api = await bridge();
    electron.answers.set(bridgeCalls.takePendingActivity.channel, 'act_waiting1');
    const opened: unknown[][] = [];
    const stop = api.onOpenActivity((...args: unknown[]) => opened.push(args));
    await vi.waitFor(() => expect(opened).toEqual([['act_waiting1']]));
    emit(openActivityEvent, 'act_second22');
    expect(opened).toEqual([['act_waiting1'], ['act_second22']]);
    stop();
    emit(openActivityEvent, 'act_third333');
    expect(opened).toHaveLength(2);
  });

  it('ignores event payloads that are not activity ids', async () => {
    const api = await bridge();
    const opened: string[] = [];
    const stop = api.onOpenActivity((id) => opened.push(id));
    emit(openActivityEvent, { id: 'x' });
    emit(openActivityEvent);
    await Promise.resolve();
    expect(opened).toEqual([]);
    stop();
  });
});
