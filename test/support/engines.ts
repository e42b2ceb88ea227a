import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../server/store/db.ts';
import { migrate } from '../../server/store/migrate.ts';
import { PostgresStore } from '../../server/store/postgres.ts';
import type { Engine, RelayStore } from '../../server/store/store.ts';
import { startPostgres, type PostgresCluster } from './postgres.ts';

export const engines: readonly Engine[] = ['sqlite', 'postgres'];

export interface EngineStores {
  /** A new, empty store (migrated unless told not to). */
  open(options?: { migrated?: boolean; connections?: number }): Promise<RelayStore>;
  /** Closes every store opened and removes what they used (the cluster, the folders). */
  close(): Promise<void>;
}

/**
 * Stores of one engine for a test file: SQLite files in temporary folders, or databases
 * of one temporary PostgreSQL cluster started for the file (test/support/postgres.ts).
 */
export function engineStores(engine: Engine): EngineStores {
  const opened: RelayStore[] = [];
  const dirs: string[] = [];
  let cluster: Promise<PostgresCluster> | null = null;
  return {
    async open({ migrated = true, connections } = {}) {
      let store: RelayStore;
      if (engine === 'sqlite') {
        const dir = await mkdtemp(path.join(tmpdir(), 'conclave-store-'));
        dirs.push(dir);
        store = await SqliteStore.open(path.join(dir, 'conclave.sqlite'));
      } else {
        cluster ??= startPostgres();
        store = await PostgresStore.open(await (await cluster).createDatabase(), { connections });
      }
      opened.push(store);
      if (migrated) await migrate(store);
      return store;
    },
    async close() {
      for (const store of opened.splice(0)) await store.close().catch(() => undefined);
      if (cluster) await (await cluster).stop();
      for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
    },
  };
}
