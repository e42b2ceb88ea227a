import path from 'node:path';
import type { Config } from '../config.ts';

/** The idea box's limits (README: "Idea box"), from the environment. */
export interface IdeasSettings {
  /** Where photos are stored, each under a random name. */
  photoDir: string;
  /** The largest photo accepted, in bytes (before its metadata is stripped). */
  photoMaxBytes: number;
  /** What one person's stored photos may add up to, in bytes. */
  quotaBytes: number;
  /**
   * Test only (NODE_ENV=test, `CONCLAVE_IDEAS_CRASH_AT=after-answer`): kill the relay
   * right after an answer is committed and before its SMS is handed to the gateway, to
   * prove the SMS then goes once at restart — neither lost nor sent twice.
   */
  crashAfterAnswer: boolean;
}

type Env = Record<string, string | undefined>;

function bytes(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number of bytes, not "${raw}"`);
  return value;
}

function crashPoint(env: Env): string | null {
  const point = env.CONCLAVE_IDEAS_CRASH_AT || null;
  if (point && env.NODE_ENV !== 'test') throw new Error('CONCLAVE_IDEAS_CRASH_AT is a test setting: it needs NODE_ENV=test');
  if (point && point !== 'after-answer') throw new Error(`CONCLAVE_IDEAS_CRASH_AT must be after-answer, not "${point}"`);
  return point;
}

export function ideasSettings(config: Config, env: Env = process.env): IdeasSettings {
  return {
    photoDir: path.join(config.dataDir, 'photos'),
    photoMaxBytes: bytes(env, 'CONCLAVE_PHOTO_MAX_BYTES', 5 * 1024 * 1024),
    quotaBytes: bytes(env, 'CONCLAVE_PHOTO_QUOTA_BYTES', 250 * 1024 * 1024),
    crashAfterAnswer: crashPoint(env) === 'after-answer',
  };
}
