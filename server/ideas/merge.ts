import type { IdeaDetail } from '#core/api/ideas';
import { judgeMerge } from '#core/ideas/merge';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { conflict } from '../errors.ts';
import { ideaFor, requireBoxFacilitator, type IdeaRow } from './access.ts';
import { ideaDetail } from './list.ts';
import { tellMergedAuthor } from './merge-notices.ts';
import type { SimilarTitles } from './similar.ts';

/**
 * A facilitator merges a duplicate into the idea kept (same box). In one transaction:
 * the duplicate's voters are counted on the kept idea, each once (ON CONFLICT DO NOTHING on
 * the vote's key), never its own author; the kept idea's count is recounted from its
 * votes; the duplicate is marked merged (a second merge of it loses the race and
 * changes nothing), its reports answered, and both authors get an in-app notice, each
 * marked as owing an e-mail (the outbox, merge-notices.ts). Then each author is e-mailed
 * as they chose for `idea_answer`, once, even across a crash (resumed at start).
 * `crashAfterCommit` (tests) kills the relay between the two.
 */
export async function mergeIdea(ctx: Context, caller: Caller, duplicateId: string, keptId: string, titles: SimilarTitles, crashAfterCommit = false): Promise<IdeaDetail> {
  const { idea: duplicate, box } = await ideaFor(ctx, caller, duplicateId);
  requireBoxFacilitator(box);
  const { idea: kept } = await ideaFor(ctx, caller, keptId);
  const refusal = judgeMerge(mergeable(duplicate), mergeable(kept));
  if (refusal) throw conflict(refusal);
  const now = ctx.now().toISOString();
  const notices = await ctx.db.transaction(async (tx) => {
    const marked = await tx.run(
      'UPDATE ideas SET merged_into = ?, merged_at = ?, reviewed_at = COALESCE(reviewed_at, ?), vote_count = 0 WHERE id = ? AND merged_into IS NULL',
      [keptId, now, now, duplicateId],
    );
    if (marked.changes === 0) throw conflict('This idea was merged meanwhile: reload it.');
    if ((await tx.get<{ merged_into: string | null }>('SELECT merged_into FROM ideas WHERE id = ?', [keptId]))?.merged_into) {
      throw conflict('The idea to keep was merged meanwhile: reload it.');
    }
    await tx.run(
      `INSERT INTO idea_votes (idea_id, user_id, voted_at)
       SELECT ?, user_id, voted_at FROM idea_votes WHERE idea_id = ? AND user_id <> ? ON CONFLICT DO NOTHING`,
      [keptId, duplicateId, kept.author_id],
    );
    await tx.run('DELETE FROM idea_votes WHERE idea_id = ?', [duplicateId]);
    await tx.run('UPDATE ideas SET vote_count = (SELECT COUNT(*) FROM idea_votes WHERE idea_id = ?) WHERE id = ?', [keptId, keptId]);
    await tx.run('UPDATE idea_reports SET dismissed_at = ? WHERE idea_id = ? AND dismissed_at IS NULL', [now, duplicateId]);
    const notice = `INSERT INTO idea_notices (user_id, idea_id, kind, other_idea_id, created_at, mail_due) VALUES (?, ?, 'merged', ?, ?, 1) RETURNING id`;
    const ids = [await tx.get<{ id: number }>(notice, [duplicate.author_id, duplicateId, keptId, now])];
    if (kept.author_id !== duplicate.author_id) ids.push(await tx.get<{ id: number }>(notice, [kept.author_id, keptId, duplicateId, now]));
    return ids.flatMap((row) => (row ? [row.id] : []));
  });
  if (crashAfterCommit) process.kill(process.pid, 'SIGKILL');
  await titles.hiddenChanged(duplicate.activity_id, duplicateId, duplicate.title, true);
  for (const id of notices) await tellMergedAuthor(ctx, id, caller.id);
  return ideaDetail(ctx, caller, keptId);
}

const mergeable = (i: IdeaRow) => ({ id: i.id, activityId: i.activity_id, mergedInto: i.merged_into, hidden: i.hidden_at !== null });
