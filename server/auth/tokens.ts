import { createHash, randomBytes } from 'node:crypto';

/** A fresh opaque secret: 32 random bytes, base64url. Only its hash is ever stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Identifiers for rows: 16 URL-safe characters (96 random bits). */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}
