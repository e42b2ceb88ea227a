import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActivityInbox } from '../../../main/activity-inbox.ts';
import { createBridgeHandlers, createNotifier } from '../../../main/bridge-handlers.ts';
import { loadRelaySetting } from '../../../main/relay-setting.ts';
import { createTokenStore } from '../../../main/token-store.ts';
import { fakeSafeStorage } from './fakes.ts';

class FakeNotification extends EventEmitter {
  static supported = true;
  static shown: FakeNotification[] = [];
  static isSupported() {
    return FakeNotification.supported;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'conclave-handlers-'));
  FakeNotification.shown = [];
  FakeNotification.supported = true;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function services() {
  const relay = await loadRelaySetting({ file: path.join(dir, 'settings.json'), launch: null });
  const tokens = createTokenStore({
    safeStorage: fakeSafeStorage(),
    file: path.join(dir, 'token.bin'),
    platform: 'linux',
  });
  const opened: string[] = [];
  const sent: string[] = [];
  let reloads = 0;
  const handlers = createBridgeHandlers({
    relay,
    tokens,
    notify: () => ({ shown: true }),
    shellOpen: async (url) => {
      opened.push(url);
    },
    inbox: createActivityInbox((id) => sent.push(id)),
    reloadPage: () => (reloads += 1),
  });
  return { handlers, tokens, opened, reloads: () => reloads };
}

describe('bridge handlers', () => {
  it('switching relay clears the saved token and reloads the page after answering', async () => {
    vi.useFakeTimers();
    try {
      const { handlers, tokens, reloads } = await services();
      await tokens.save('tok_0123456789abcdefghij');
      expect(await handlers.setRelayUrl('https://relay.example.org')).toEqual({
        ok: true,
        relayUrl: 'https://relay.example.org',
      });
      expect(await tokens.load()).toBeNull();
      expect(reloads()).toBe(0);
      vi.runAllTimers();
      expect(reloads()).toBe(1);
      expect(await handlers.relayUrl()).toBe('https://relay.example.org');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the token when the relay is refused or unchanged', async () => {
    const { handlers, tokens } = await services();
    await tokens.save('tok_0123456789abcdefghij');
    expect(await handlers.setRelayUrl('http://relay.example.org')).toMatchObject({ ok: false });
    expect(await handlers.setRelayUrl('http://127.0.0.1:8787/')).toMatchObject({ ok: true });
    expect(await tokens.load()).toBe('tok_0123456789abcdefghij');
  });

  it('opens only allowed links', async () => {
    const { handlers, opened } = await services();
    expect(await handlers.openExternal('https://example.org/')).toEqual({ ok: true });
    expect(await handlers.openExternal('file:///etc/passwd')).toMatchObject({ ok: false, code: 'link-not-allowed' });
    expect(opened).toEqual(['https://example.org/']);
  });
});

describe('notifications', () => {
  it('shows a native notification whose click opens its activity', () => {
    const clicks: (string | null)[] = [];
    const notify = createNotifier(FakeNotification, (id) => clicks.push(id));
    expect(notify({ title: 'Decision recorded', body: 'Option B won', activityId: 'act_12345678' })).toEqual({
      shown: true,
    });
    expect(notify({ title: 'Daily figures', body: 'Sent' })).toEqual({ shown: true });
    const [first, second] = FakeNotification.shown;
    expect(first!.options).toEqual({ title: 'Decision recorded', body: 'Option B won' });
    first!.emit('click');
    second!.emit('click');
    expect(clicks).toEqual(['act_12345678', null]);
  });

  it('says so when the system shows none', () => {
    FakeNotification.supported = false;
    const notify = createNotifier(FakeNotification, () => {});
    expect(notify({ title: 'x', body: 'y' })).toEqual({ shown: false });
    expect(FakeNotification.shown).toHaveLength(0);
  });
});
