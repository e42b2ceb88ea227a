import { startPostgres } from '../../scripts/lib/postgres-server.ts';

/**
 * Vitest's global setup for the `postgres` project (vitest.config.ts): one temporary
 * PostgreSQL cluster for the whole run, each relay a test starts getting a database of its
 * own in it (test/support/postgres.ts `sharedPostgres`), stopped and removed when the run
 * ends — rather than a cluster per test process, which a worker ended by a signal left
 * running.
 */
export default async function startRunPostgres() {
  const server = await startPostgres();
  process.env.CONCLAVE_TEST_POSTGRES_BASE = server.base;
  return async () => {
    await server.stop();
  };
}
