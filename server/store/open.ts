import path from 'node:path';
import { SqliteStore } from './db.ts';
import { PostgresStore } from './postgres.ts';
import type { RelayStore } from './store.ts';

/** The relay's store: PostgreSQL when CONCLAVE_DATABASE_URL names a database, else SQLite in the data folder. */
export function openStore(config: {
  dataDir: string;
  databaseUrl: string | null;
  databaseConnections: number;
  sqliteSynchronous: 'FULL' | 'NORMAL';
}): Promise<RelayStore> {
  if (config.databaseUrl) return PostgresStore.open(config.databaseUrl, { connections: config.databaseConnections });
  return SqliteStore.open(path.join(config.dataDir, 'conclave.sqlite'), { synchronous: config.sqliteSynchronous });
}

/**
 * Turns on the SQLite store's diagnostic (CONCLAVE_EXPLAIN_SCANS: explain-scans.ts), after the
 * migrations: their one-time reads of whole tables are no statement of the relay's everyday.
 * Never on PostgreSQL (config.ts refuses the two together).
 */
export function explainScans(db: RelayStore, file: string | null) {
  if (file !== null && db instanceof SqliteStore) db.explainScansInto(file);
}
