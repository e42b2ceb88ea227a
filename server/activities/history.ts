import type { HistoryEntry, HistoryPage } from '#core/api/activities';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { activityFor } from './activities.ts';
import { refuseRemovedContent } from '../retention/tombstone.ts';

/** Updates by one person closer than this together make one history entry. */
const pauseMs = 5 * 60_000;
const rawPerPage = 5000;

interface Row {
  id: number;
  user_id: string;
  user_name: string | null;
  at: string;
  bytes: number;
  summary: string;
}

/**
 * The activity's history, newest first, read from the update log (rule D4): who changed
 * what and when, with each person's bursts of typing folded into one entry.
 */
export async function activityHistory(
  ctx: Context,
  caller: Caller,
  activityId: string,
  page: { before?: number; limit: number },
): Promise<HistoryPage> {
  await activityFor(ctx, caller, activityId);
  await refuseRemovedContent(ctx.db, activityId);
  const rows = await ctx.db.all<Row>(
    `SELECT d.id, d.user_id, u.name AS user_name, d.at, COALESCE(d.bytes, length(d.data)) AS bytes, d.summary
       FROM doc_updates d LEFT JOIN users u ON u.id = d.user_id
      WHERE d.activity_id = ? AND d.id < ? ORDER BY d.id DESC LIMIT ?`,
    [activityId, page.before ?? Number.MAX_SAFE_INTEGER, rawPerPage],
  );
  const { entries, oldestId, complete } = foldHistory(rows, page.limit);
  const more = !complete || rows.length === rawPerPage;
  return { entries, next: more && oldestId !== null ? oldestId : null };
}

/** Folds rows (newest first) into entries: one per run of one person's updates. */
export function foldHistory(rows: Row[], limit: number) {
  const entries: HistoryEntry[] = [];
  let oldestId: number | null = null;
  let complete = true;
  for (const row of rows) {
    const current = entries.at(-1);
    const summary = JSON.parse(row.summary) as string[];
    if (current && current.userId === row.user_id && Date.parse(current.since) - Date.parse(row.at) < pauseMs) {
      current.since = row.at;
      current.updates += 1;
      current.bytes += row.bytes;
      current.summary = [...new Set([...current.summary, ...summary])].sort();
      oldestId = row.id;
      continue;
    }
    if (entries.length === limit) {
      complete = false;
      break;
    }
    oldestId = row.id;
    entries.push({
      id: row.id,
      userId: row.user_id,
      userName: row.user_name ?? 'former member',
      since: row.at,
      at: row.at,
      updates: 1,
      bytes: row.bytes,
      summary: [...summary].sort(),
    });
  }
  return { entries, oldestId, complete };
}
