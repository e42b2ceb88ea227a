import startRunPostgres from './postgres-global.ts';

/**
 * Vitest's global setup for the `default` project: when the run is asked for PostgreSQL
 * (`CONCLAVE_TEST_DATABASE=postgres npx vitest run <file>`, a suite outside the `postgres`
 * project), one cluster for the run, stopped when it ends, as postgres-global.ts does —
 * not one per test process, which a worker ended by a signal left running (nine were found
 * after a session of such runs). Otherwise nothing.
 */
export default async function startPostgresIfAsked() {
  if (process.env.CONCLAVE_TEST_DATABASE !== 'postgres') return undefined;
  return startRunPostgres();
}
