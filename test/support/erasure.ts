import { queryStore } from './store.ts';

/**
 * Resolves once an erasure's background work (server/history/erasure.ts) has nothing
 * left in the relay's store: every document rewritten, free pages wiped, WAL emptied.
 */
export async function erasureDone(dataDir: string, timeoutMs = 60_000) {
  const pending = async () =>
    (await queryStore<{ n: number }>(dataDir, 'SELECT (SELECT COUNT(*) FROM erasure_documents) + (SELECT COUNT(*) FROM erasure_wipe_due) AS n'))[0]!.n;
  const started = Date.now();
  while ((await pending()) > 0) {
    if (Date.now() - started > timeoutMs) throw new Error('the erasure did not finish');
    await new Promise((r) => setTimeout(r, 50));
  }
}
