import type { Queries } from '../store/db.ts';
import { conflict } from '../errors.ts';

/**
 * Guests see and do only the activities they were invited to. The organisation cannot
 * widen one by a side door: a group would open every activity of the group to them, a
 * recipient list would text them the daily figures, the controller capability or the
 * administrator role would give them the organisation's data. `what` says what was
 * asked of them ("join a group", "be on a recipient list"…).
 */
export async function refuseGuestsAmong(db: Queries, orgId: string, userIds: readonly string[], what: string) {
  if (userIds.length === 0) return;
  const guests = await db.all<{ name: string }>(
    `SELECT name FROM users WHERE org_id = ? AND guest = 1 AND id IN (${userIds.map(() => '?').join(',')}) ORDER BY name`,
    [orgId, ...userIds],
  );
  if (guests.length === 0) return;
  const names = guests.map((g) => g.name).join(', ');
  throw conflict(`${names} ${guests.length === 1 ? 'is a guest' : 'are guests'}, invited to one activity only: a guest cannot ${what}.`);
}
