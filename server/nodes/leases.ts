import type { Queries } from '../store/db.ts';

/**
 * Named leases in the store (table `cluster_leases`, migration 885): whoever holds one
 * until `expires_at` is the only node doing what it names. Taking and renewing are one
 * statement (an upsert whose WHERE admits only the holder or anyone once it lapsed), so
 * two nodes asking at once never both get it, on SQLite as on PostgreSQL. The token goes
 * up each time the lease changes hands: work done under an older token is a lapsed
 * holder's (fencing).
 */

/** Takes or renews `name` for `holder` until `nowMs + ttlMs`; its token, or null when another node holds it. */
export function takeLease(q: Queries, name: string, holder: string, ttlMs: number, nowMs: number): Promise<number | null> {
  return upsertLease(q, [name, holder, nowMs + ttlMs, nowMs]);
}

/**
 * Takes or renews the lease of a timed job (`job:<name>`) for node `holder`: as `takeLease`,
 * and besides free as soon as its holder's node lease (`node:<holder>`) is not live — a node
 * killed mid-run gives its jobs up with its own lease, and a relay restarted on its address
 * (settleSlot) at once. Its token, or null while another live node holds it.
 */
export function takeJobLease(q: Queries, name: string, holder: string, ttlMs: number, nowMs: number): Promise<number | null> {
  const holderDead = "NOT EXISTS (SELECT 1 FROM cluster_leases AS n WHERE n.name = 'node:' || cluster_leases.holder AND n.expires_at > ?)";
  return upsertLease(q, [name, holder, nowMs + ttlMs, nowMs, nowMs], ` OR ${holderDead}`);
}

/** One statement: the lease is written only if `holder` has it already, or it lapsed (or `orFree` says it is free). */
async function upsertLease(q: Queries, params: (string | number)[], orFree = ''): Promise<number | null> {
  const row = await q.get<{ token: number | string }>(
    `INSERT INTO cluster_leases (name, holder, token, expires_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (name) DO UPDATE SET
         token = CASE WHEN cluster_leases.holder = excluded.holder THEN cluster_leases.token ELSE cluster_leases.token + 1 END,
         holder = excluded.holder,
         expires_at = excluded.expires_at
       WHERE cluster_leases.holder = excluded.holder OR cluster_leases.expires_at <= ?${orFree}
     RETURNING token`,
    params,
  );
  return row ? Number(row.token) : null;
}

/** Gives `name` up at once, if `holder` still holds it (a node stopping cleanly). */
export async function releaseLease(q: Queries, name: string, holder: string): Promise<void> {
  await q.run('UPDATE cluster_leases SET expires_at = 0 WHERE name = ? AND holder = ?', [name, holder]);
}

/**
 * This node listens at `slot`: a node that listened there before is gone (only one process
 * listens on an address), so its lease ends now rather than when it lapses.
 */
export async function settleSlot(q: Queries, name: string, holder: string, slot: string): Promise<number> {
  const { changes } = await q.run("UPDATE cluster_leases SET expires_at = 0 WHERE slot = ? AND holder <> ? AND name LIKE 'node:%' AND expires_at > 0", [
    slot,
    holder,
  ]);
  await q.run('UPDATE cluster_leases SET slot = ? WHERE name = ?', [slot, name]);
  return changes;
}

/** Is `token` still the live token of `name` (the fence checked inside a writing transaction)? */
export async function stillHolds(q: Queries, name: string, token: number, nowMs: number): Promise<boolean> {
  const row = await q.get<{ n: number }>('SELECT 1 AS n FROM cluster_leases WHERE name = ? AND token = ? AND expires_at > ?', [
    name,
    token,
    nowMs,
  ]);
  return row !== undefined;
}

/** Leases lapsed for over a day (nodes long gone) are dropped, so the table stays the size of the cluster. */
export async function pruneLeases(q: Queries, nowMs: number): Promise<void> {
  await q.run("DELETE FROM cluster_leases WHERE name LIKE 'node:%' AND expires_at < ?", [nowMs - 24 * 3_600_000]);
}

/** SQL for "the node ids whose lease is live now" (one parameter: now in ms). */
export const liveNodeIds = "SELECT holder FROM cluster_leases WHERE name LIKE 'node:%' AND expires_at > ?";
