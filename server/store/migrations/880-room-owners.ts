import type { Migration } from '../migration.ts';

/**
 * Which relay node owns each activity's live room, and since which epoch (server/sync/CLUSTER.md).
 * A node that takes a room raises its epoch here; every write of the room's update log and
 * snapshot checks, in its own transaction, that the epoch is still the writer's. So a node
 * that lost the room without knowing it (paused, cut off from Redis) writes nothing more of it.
 * One node alone never writes this table.
 */
export const roomOwners: Migration = {
  version: 880,
  name: 'room-owners',
  sql: `
CREATE TABLE doc_room_owners (
  activity_id TEXT PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  node TEXT NOT NULL,
  since TEXT NOT NULL
);
`,
};
