import pg from 'pg';
import { startPostgres, type PostgresServer } from '../../scripts/lib/postgres-server.ts';

/** PostgreSQL for the tests: the same start as `npm run cluster`'s, on a temporary cluster (no fsync, removed at the stop). */
export { startPostgres, type PostgresServer as PostgresCluster } from '../../scripts/lib/postgres-server.ts';

let shared: Promise<PostgresServer> | null = null;

/**
 * The cluster the relay test support's databases go in (CONCLAVE_TEST_DATABASE=postgres):
 * the run's own when the `postgres` project's global setup started one
 * (CONCLAVE_TEST_POSTGRES_BASE, postgres-global.ts: it stops it), else one for this test
 * process, started at the first call and stopped when the process exits.
 */
export function sharedPostgres(): Promise<PostgresServer> {
  const runs = process.env.CONCLAVE_TEST_POSTGRES_BASE;
  if (!shared && runs) shared = Promise.resolve(databasesIn(runs));
  if (!shared) {
    shared = startPostgres();
    void shared.then((cluster) => process.once('exit', () => cluster.stopNow()));
  }
  return shared;
}

/** Databases in a cluster this process did not start (and does not stop). */
function databasesIn(base: string): PostgresServer {
  let count = 0;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const url = (name: string) => `${base}/${name}`;
  return {
    base,
    port: Number(new URL(base).port),
    async createDatabase(name = `conclave_${process.pid}_${++count}`) {
      await admin(`CREATE DATABASE "${name}"`);
      return url(name);
    },
    async ensureDatabase(name) {
      const found = await admin(`SELECT 1 FROM pg_database WHERE datname = '${name.replace(/'/g, "''")}'`);
      if (found.rowCount === 0) await admin(`CREATE DATABASE "${name}"`);
      return url(name);
    },
    stop: async () => undefined,
    stopNow: () => undefined,
  };
}
