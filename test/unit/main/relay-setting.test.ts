import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRelayUrl } from '../../../core/bridge.ts';
import { loadRelaySetting, relayUrlFromLaunch } from '../../../main/relay-setting.ts';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'conclave-relay-'));
  file = path.join(dir, 'settings.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('relay setting', () => {
  it('defaults to the local relay', async () => {
    const relay = await loadRelaySetting({ file, launch: null });
    expect(relay.current()).toBe(defaultRelayUrl);
  });

  it('saves a chosen relay for the next launch, in canonical form', async () => {
    const relay = await loadRelaySetting({ file, launch: null });
    expect(await relay.set(' https://Relay.Example.org/conclave/ ')).toEqual({
      ok: true,
      relayUrl: 'https://relay.example.org/conclave',
    });
    expect(relay.current()).toBe('https://relay.example.org/conclave');
    expect((await loadRelaySetting({ file, launch: null })).current()).toBe('https://relay.example.org/conclave');
  });

  it('lets the launch override the saved choice', async () => {
    await writeFile(file, JSON.stringify({ relayUrl: 'https://relay.example.org' }));
    const relay = await loadRelaySetting({ file, launch: 'http://127.0.0.1:9999' });
    expect(relay.current()).toBe('http://127.0.0.1:9999');
  });

  it('refuses an unusable address and keeps the current one', async () => {
    const relay = await loadRelaySetting({ file, launch: null });
    for (const bad of [
      'http://relay.example.org',
      'ftp://relay.example.org',
      'relay',
      'https://u:p@relay.example.org',
      'https://r.example?x=1',
    ]) {
      expect(await relay.set(bad)).toMatchObject({ ok: false, code: 'invalid-relay-url' });
    }
    expect(relay.current()).toBe(defaultRelayUrl);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it('ignores a bad address given at launch or found in settings, with a warning', async () => {
    await writeFile(file, '{"relayUrl": "http://evil.example"}');
    const warnings: string[] = [];
    const relay = await loadRelaySetting({ file, launch: 'javascript:alert(1)', warn: (m) => warnings.push(m) });
    expect(relay.current()).toBe(defaultRelayUrl);
    expect(warnings).toHaveLength(2);
  });

  it('reads the launch from --relay-url= first, then CONCLAVE_RELAY_URL', () => {
    expect(
      relayUrlFromLaunch(['electron', '.', '--relay-url=http://127.0.0.1:1'], {
        CONCLAVE_RELAY_URL: 'http://127.0.0.1:2',
      }),
    ).toBe('http://127.0.0.1:1');
    expect(relayUrlFromLaunch(['electron', '.'], { CONCLAVE_RELAY_URL: 'http://127.0.0.1:2' })).toBe(
      'http://127.0.0.1:2',
    );
    expect(relayUrlFromLaunch(['electron', '.'], {})).toBeNull();
  });
});
