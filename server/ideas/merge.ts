import type { IdeaDetail } from '#core/api/ideas';
import { judgeMerge } from '#core/ideas/merge';
import { activityLink } from '#core/people/links';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { conflict } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { ideaFor, requireBoxFacilitator, type IdeaRow } from './access.ts';
import { ideaDetail } from './list.ts';
import type { SimilarTitles } from './similar.ts';

/**
 * A facilitator merges a duplicate into the idea kept (same box). In one transaction:
 * the duplicate's voters are counted on the kept idea, each once (ON CONFLICT DO NOTHING on
 * the vote's key), never its own author; the kept idea's count is recounted from its
 * votes; the duplicate is marked merged (a second merge of it loses the race and
 * changes nothing), its reports answered, and both authors get an in-app notice. Then
 * each author is e-mailed as they chose for `idea_answer` (keyed per merge: never twice).
 */
export async function mergeIdea(ctx: Context, caller: Caller, duplicateId: string, keptId: string, titles: SimilarTitles): Promise<IdeaDetail> {
  const { idea: duplicate, box } = await ideaFor(ctx, caller, duplicateId);
  requireBoxFacilitator(box);
  const { idea: kept } = await ideaFor(ctx, caller, keptId);
  const refusal = judgeMerge(mergeable(duplicate), mergeable(kept));
  if (refusal) throw conflict(refusal);
  const now = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
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
    const notice = `INSERT INTO idea_notices (user_id, idea_id, kind, other_idea_id, created_at) VALUES (?, ?, 'merged', ?, ?)`;
    await tx.run(notice, [duplicate.author_id, duplicateId, keptId, now]);
    if (kept.author_id !== duplicate.author_id) await tx.run(notice, [kept.author_id, keptId, duplicateId, now]);
  });
  await titles.hiddenChanged(duplicate.activity_id, duplicateId, duplicate.title, true);
  await tellAuthors(ctx, caller, caller.orgId, duplicate, kept);
  return ideaDetail(ctx, caller, keptId);
}

const mergeable = (i: IdeaRow) => ({ id: i.id, activityId: i.activity_id, mergedInto: i.merged_into, hidden: i.hidden_at !== null });

async function tellAuthors(ctx: Context, caller: Caller, orgId: string, duplicate: IdeaRow, kept: IdeaRow) {
  const link = activityLink(ctx.config.publicUrl ?? '', kept.activity_id);
  const tell = (authorId: string, mine: IdeaRow, other: IdeaRow) =>
    notify(ctx, {
      orgId,
      userId: authorId,
      kind: 'idea_answer',
      key: `idea:${mine.id}:merged:${other.id}`,
      activityId: kept.activity_id,
      requestedBy: caller.id,
      write: (lang) => ({
        title: lang === 'fr' ? `Votre idée : ${mine.title}` : `Your idea: ${mine.title}`,
        lines: [
          lang === 'fr'
            ? `« ${duplicate.title} » a été fusionnée avec « ${kept.title} » : leurs votes comptent ensemble, chaque personne une fois.`
            : `"${duplicate.title}" was merged with "${kept.title}": their votes count together, each person once.`,
        ],
        link,
      }),
    }).catch((err: unknown) => ctx.log.error({ err, idea: mine.id }, 'could not e-mail the author of a merged idea'));
  await tell(duplicate.author_id, duplicate, kept);
  if (kept.author_id !== duplicate.author_id) await tell(kept.author_id, kept, duplicate);
}
