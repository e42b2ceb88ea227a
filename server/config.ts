import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The URL clients use to reach the relay, when it differs from host:port (a proxy). */
  publicUrl: string | null;
  sessionDays: number;
  ticketSeconds: number;
  sync: {
    maxFrameBytes: number;
    maxDocumentBytes: number;
    /** Messages per second a connection may send, sustained, and the burst above it. */
    messagesPerSecond: number;
    messageBurst: number;
    /** A document unused this long is written to a snapshot and unloaded. */
    idleUnloadMs: number;
    /** Fold the update log into a snapshot after this many updates. */
    snapshotEvery: number;
  };
  /** Where the built client lives, served at `/` (web mode); null to serve none. */
  webRoot: string | null;
  sqliteSynchronous: 'FULL' | 'NORMAL';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

/** Reads the relay's configuration from the environment (see the README's table). */
export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(env.CONCLAVE_DATA_DIR ?? './data');
  return {
    port: int(env, 'PORT', 8787),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    publicUrl: env.CONCLAVE_PUBLIC_URL ?? null,
    sessionDays: int(env, 'CONCLAVE_SESSION_DAYS', 30),
    ticketSeconds: int(env, 'CONCLAVE_TICKET_SECONDS', 60),
    sync: {
      maxFrameBytes: int(env, 'CONCLAVE_MAX_FRAME_BYTES', 1024 * 1024),
      maxDocumentBytes: int(env, 'CONCLAVE_MAX_DOCUMENT_BYTES', 32 * 1024 * 1024),
      messagesPerSecond: int(env, 'CONCLAVE_MESSAGES_PER_SECOND', 200),
      messageBurst: int(env, 'CONCLAVE_MESSAGE_BURST', 1000),
      idleUnloadMs: int(env, 'CONCLAVE_IDLE_UNLOAD_MS', 30_000),
      snapshotEvery: int(env, 'CONCLAVE_SNAPSHOT_EVERY', 1000),
    },
    webRoot: env.CONCLAVE_WEB_ROOT === '' ? null : path.resolve(env.CONCLAVE_WEB_ROOT ?? 'dist/web'),
    sqliteSynchronous: env.CONCLAVE_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
  };
}
