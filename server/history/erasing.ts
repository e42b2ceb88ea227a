import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';
import type { Queries } from '../store/db.ts';
import type { HistoryService } from './service.ts';

/**
 * While an erased person is being taken out of an activity's history (SPEC E1–E2, done
 * step by step in the background), its stored past still names them: a moment rebuilt
 * from it, shown or restored into the live document, would bring them back. So the past
 * is not read while an erasure of the activity is pending, nor used once one has ended
 * after it was read (`history.erasures`): 503 busy, nothing changed; it takes seconds.
 */
export async function refuseWhileErasing(db: Queries, history: HistoryService, activityId: string, readAfter?: number): Promise<number> {
  const pending = await db.get('SELECT 1 AS one FROM erasure_documents WHERE activity_id = ? LIMIT 1', [activityId]);
  const ended = history.erasures(activityId);
  if (pending || (readAfter !== undefined && ended !== readAfter)) {
    throw new Refusal(ErrorCode.busy, 'A person is being erased from this activity’s history: try again in a moment.', undefined, { 'retry-after': '5' });
  }
  return ended;
}
