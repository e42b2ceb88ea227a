/**
 * The session token, kept between launches in a file under userData, encrypted by the
 * operating system (Electron's safeStorage: Keychain, DPAPI, or the Linux secret
 * service). When the OS cannot encrypt — or would only pretend to, as Linux's
 * "basic_text" fallback does — the token is not written at all and the user is told:
 * they stay signed in until they quit, and sign in again next time.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { SaveTokenResult } from '#core/bridge';
import { SessionToken } from '#core/bridge';

/** The part of Electron's safeStorage the store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

export interface TokenStoreOptions {
  safeStorage: SafeStorageLike;
  /** The encrypted file, e.g. `<userData>/session-token.bin`. */
  file: string;
  platform: NodeJS.Platform;
  warn?: (message: string) => void;
}

export interface TokenStore {
  save(token: string): Promise<z.input<typeof SaveTokenResult>>;
  load(): Promise<string | null>;
  clear(): Promise<void>;
}

/** Why the OS cannot keep the token encrypted here, or null when it can. */
export function encryptionProblem(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'This computer offers no encrypted storage, so Conclave will not remember your sign-in: you will sign in again next time.';
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return 'No keyring (such as GNOME Keyring or KWallet) is running, so Conclave will not remember your sign-in: you will sign in again next time.';
  }
  return null;
}

export function createTokenStore({ safeStorage, file, platform, warn = () => {} }: TokenStoreOptions): TokenStore {
  async function clear(): Promise<void> {
    await rm(file, { force: true });
  }

  return {
    async save(token) {
      SessionToken.parse(token);
      const problem = encryptionProblem(safeStorage, platform);
      if (problem) {
        await clear();
        return { ok: false, code: 'encryption-unavailable', message: problem };
      }
      const encrypted = safeStorage.encryptString(token);
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, encrypted, { mode: 0o600 });
      await rename(partial, file);
      return { ok: true };
    },

    async load() {
      let encrypted: Buffer;
      try {
        encrypted = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      if (encryptionProblem(safeStorage, platform)) return null;
      try {
        const token = safeStorage.decryptString(encrypted);
        if (SessionToken.safeParse(token).success) return token;
        warn('the saved session token is not a token: it was removed');
      } catch {
        warn('the saved session token could not be decrypted (keyring changed?): it was removed');
      }
      await clear();
      return null;
    },

    clear,
  };
}
