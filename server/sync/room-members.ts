import { effectiveRolesSql } from '../activities/access.ts';
import type { Queries } from '../store/db.ts';
import type { ActivityMembers } from './rules/member-fields.ts';

/** Most members a room keeps (about 60 bytes each): an activity named to larger groups judges names past it as unknown. */
export const maxRoomMembers = 50_000;

/**
 * The people named in the activity (directly or through a group), not disabled or erased,
 * with their current names: whom an entry may name as a member (SPEC W15: an action
 * item's owner), judged synchronously (the judge never waits on the store). Read when the
 * room loads and again whenever its membership changes (hub.accessChanged, before that
 * change is answered); a rename reaches it as it reaches the connections.
 */
export class RoomMembers implements ActivityMembers {
  private names = new Map<string, string>();
  /** Reads started, and the latest whose answer is held: an older read finishing later is not kept. */
  private started = 0;
  private held = 0;
  /** Renames heard while a read was under way: applied over its answer. */
  private readonly renamedMeanwhile = new Map<string, string>();

  constructor(
    private readonly db: Queries,
    private readonly activityId: string,
  ) {}

  async load() {
    const read = ++this.started;
    const rows = await this.db.all<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM (${effectiveRolesSql}) r JOIN users u ON u.id = r.user_id
        WHERE u.disabled_at IS NULL AND u.erased_at IS NULL LIMIT ${maxRoomMembers}`,
      [this.activityId],
    );
    if (read < this.held) return;
    this.held = read;
    this.names = new Map(rows.map((r) => [r.id, r.name]));
    for (const [id, name] of this.renamedMeanwhile) if (this.names.has(id)) this.names.set(id, name);
    if (read === this.started) this.renamedMeanwhile.clear();
  }

  nameOf(userId: string): string | undefined {
    return this.names.get(userId);
  }

  renamed(userId: string, name: string) {
    if (this.names.has(userId)) this.names.set(userId, name);
    if (this.started > this.held) this.renamedMeanwhile.set(userId, name);
  }
}
