import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The relay's secret key for `npm run cluster` when CONCLAVE_SECRET_KEY is not given: made
 * at the first start (32 random bytes, hexadecimal) in `file`, readable by its owner only,
 * and found again at the next, so what the nodes sealed with it (anonymous ballots) opens
 * after a restart. A deployment keeps its key apart from the data (README).
 */
export function keptSecretKey(file: string): string {
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(kept)) throw new Error(`${file} does not hold a secret key (64 hexadecimal digits): remove it, or set CONCLAVE_SECRET_KEY`);
    return kept;
  }
  const key = randomBytes(32).toString('hex');
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
