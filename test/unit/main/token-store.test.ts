import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTokenStore } from '../../../main/token-store.ts';
import { fakeSafeStorage } from './fakes.ts';

const token = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg';
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'conclave-token-'));
  file = path.join(dir, 'userData', 'session-token.bin');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('token store', () => {
  it('keeps the token encrypted on disk, readable only to its owner, and gives it back', async () => {
    const store = createTokenStore({ safeStorage: fakeSafeStorage(), file, platform: 'linux' });
    expect(await store.save(token)).toEqual({ ok: true });
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain(token);
    expect(onDisk.startsWith('enc:')).toBe(true);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    const again = createTokenStore({ safeStorage: fakeSafeStorage(), file, platform: 'linux' });
    expect(await again.load()).toBe(token);
  });

  it('has nothing before a save and after a clear', async () => {
    const store = createTokenStore({ safeStorage: fakeSafeStorage(), file, platform: 'darwin' });
    expect(await store.load()).toBeNull();
    await store.save(token);
    await store.clear();
    expect(await store.load()).toBeNull();
    await store.clear();
  });

  it('refuses to store in plaintext when the OS cannot encrypt, and says so', async () => {
    const store = createTokenStore({ safeStorage: fakeSafeStorage({ available: false }), file, platform: 'win32' });
    const result = await store.save(token);
    expect(result).toMatchObject({ ok: false, code: 'encryption-unavailable' });
    expect(result.ok ? '' : result.message).toMatch(/sign in again next time/);
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it("refuses Linux's basic_text fallback (a hard-coded key is no encryption)", async () => {
    const store = createTokenStore({
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      file,
      platform: 'linux',
    });
    expect(await store.save(token)).toMatchObject({ ok: false, code: 'encryption-unavailable' });
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('removes a saved token when encryption is no longer possible, leaving no plaintext behind', async () => {
    await createTokenStore({ safeStorage: fakeSafeStorage(), file, platform: 'linux' }).save(token);
    const store = createTokenStore({
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      file,
      platform: 'linux',
    });
    expect(await store.save(token)).toMatchObject({ ok: false });
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('drops a token it cannot decrypt (another keyring) instead of failing', async () => {
    const store = createTokenStore({ safeStorage: fakeSafeStorage(), file, platform: 'linux', warn: () => {} });
    await store.save(token);
    await writeFile(file, 'garbage from another keyring');
    expect(await store.load()).toBeNull();
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('refuses to save something that is not a token', async () => {
    const store = createTokenStore({ safeStorage: fakeSafeStorage(), file, platform: 'linux' });
    await expect(store.save('x')).rejects.toThrow();
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });
});
