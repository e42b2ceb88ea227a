import { startPostgres, type PostgresServer } from '../../scripts/lib/postgres-server.ts';

/** PostgreSQL for the tests: the same start as `npm run cluster`'s, on a temporary cluster (no fsync, removed at the stop). */
export { startPostgres, type PostgresServer as PostgresCluster } from '../../scripts/lib/postgres-server.ts';

let shared: Promise<PostgresServer> | null = null;

/**
 * One cluster for this test process, started at the first call and stopped when the
 * process exits (the relay test support's databases: CONCLAVE_TEST_DATABASE=postgres).
 */
export function sharedPostgres(): Promise<PostgresServer> {
  if (!shared) {
    shared = startPostgres();
    void shared.then((cluster) => process.once('exit', () => cluster.stopNow()));
  }
  return shared;
}
