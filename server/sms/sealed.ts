import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets kept in the store (organisations' provider passwords and tokens), sealed with
 * CONCLAVE_SECRET_KEY when the relay has one (AES-256-GCM, a fresh IV each time), so the
 * SQLite file alone does not reveal them. Without a key they are kept as given.
 */
const prefix = 'v1:';

export function seal(secret: string, key: Buffer | null): string {
  if (!key) return secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The secret, or null when it is sealed and the key is missing or another. */
export function unseal(stored: string, key: Buffer | null): string | null {
  if (!stored.startsWith(prefix)) return stored;
  if (!key) return null;
  const raw = Buffer.from(stored.slice(prefix.length), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
