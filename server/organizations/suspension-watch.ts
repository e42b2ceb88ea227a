import type { Context } from '../context.ts';
import { Pump } from '../pump.ts';

/** How often the relay looks for organisations the operator suspended (the CLI writes the store; the relay is not told). */
export const suspensionWatchMs = 5_000;

/**
 * Ends the live sync connections of an organisation once the operator suspends it: new
 * requests and sockets are refused at once (they read the store), and connections already
 * open are closed within `suspensionWatchMs`. Only newly suspended organisations are acted
 * on; their people are at most the organisation's (bounded by the query's LIMIT).
 */
export function suspensionWatch(ctx: Context): Pump {
  let known: Set<string> | null = null;
  return new Pump('suspension-watch', {
    log: ctx.log,
    now: ctx.now,
    everyMs: suspensionWatchMs,
    work: async () => {
      const rows = await ctx.db.all<{ id: string }>('SELECT id FROM organizations WHERE suspended_at IS NOT NULL LIMIT 10000');
      const now = new Set(rows.map((r) => r.id));
      const fresh = [...now].filter((id) => known === null || !known.has(id));
      known = now;
      for (const orgId of fresh) {
        const people = await ctx.db.all<{ id: string }>('SELECT id FROM users WHERE org_id = ? LIMIT 100000', [orgId]);
        for (const person of people) ctx.events.sessionsRevoked(person.id);
      }
    },
  });
}
