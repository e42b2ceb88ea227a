import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';
import type { Queries } from '../store/db.ts';

/**
 * An activity whose content retention removed (or is removing) is a tombstone: its row
 * keeps the title, question and decision; its document, history, comments, votes and
 * ideas are gone, and nothing may bring them back (no sync, no restore, no reopening).
 */
export async function contentRemoved(db: Queries, activityId: string): Promise<boolean> {
  const row = await db.get<{ gone: number }>(
    `SELECT (SELECT content_removed_at IS NOT NULL FROM activities WHERE id = ?1)
         OR EXISTS (SELECT 1 FROM retention_removals WHERE activity_id = ?1) AS gone`,
    [activityId],
  );
  return Boolean(row?.gone);
}

/** Refuses (410 content_removed, nothing changed) what would read or write a removed activity's content. */
export async function refuseRemovedContent(db: Queries, activityId: string): Promise<void> {
  if (await contentRemoved(db, activityId)) {
    throw new Refusal(ErrorCode.contentRemoved, 'This activity’s content was removed by its plan’s retention: only its title, question and decision stay.');
  }
}
