import type { IdeaQueues, ReportedIdea } from '#core/api/idea-funnel';
import type { ReportReason } from '#core/ideas/moderation';
import { maxQueueLength, topVotedMinimum } from '#core/ideas/moderation';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { ideaBox, requireBoxFacilitator } from './access.ts';
import { commentQueues } from './comment-moderation.ts';
import { columns, fromIdeas, toIdea, type ListedRow } from './list.ts';

/**
 * A box's queues for its facilitators, each at most `maxQueueLength` ideas:
 * - inbound: not reviewed yet (pending approval, or new and not looked at), oldest first;
 * - off topic: moved there, newest first;
 * - reported: with reports waiting, most reported first, each with its reports;
 * - top voted: approved and not answered yet, most votes first — the ones to study.
 * Merged duplicates are in none of them. Comments waiting for approval or reported come too.
 */
export async function ideaQueues(ctx: Context, caller: Caller, boxId: string): Promise<IdeaQueues> {
  const box = await ideaBox(ctx, caller, boxId);
  requireBoxFacilitator(box);
  const list = async (where: string, order: string) =>
    (
      await ctx.db.all<ListedRow>(
        `SELECT ${columns} ${fromIdeas} WHERE i.activity_id = ?3 AND i.merged_into IS NULL AND ${where} ORDER BY ${order} LIMIT ?4`,
        [caller.id, 1, box.id, maxQueueLength],
      )
    ).map(toIdea);
  const [inbound, offTopic, reportedIdeas, topVoted] = await Promise.all([
    list(`i.reviewed_at IS NULL AND i.hidden_at IS NULL AND i.moderation <> 'off_topic'`, 'i.created_at, i.id'),
    list(`i.moderation = 'off_topic'`, 'i.created_at DESC, i.id DESC'),
    // A column's alias is no condition on PostgreSQL (WHERE is read before the columns): the reports are asked again.
    list(`i.hidden_at IS NULL AND EXISTS (SELECT 1 FROM idea_reports r WHERE r.idea_id = i.id AND r.dismissed_at IS NULL)`, 'open_reports DESC, i.created_at, i.id'),
    list(
      `i.hidden_at IS NULL AND i.moderation = 'approved' AND i.status = 'new' AND i.vote_count >= ${topVotedMinimum}`,
      'i.vote_count DESC, i.created_at DESC, i.id DESC',
    ),
  ]);
  const reports = reportedIdeas.length
    ? await ctx.db.all<{ idea_id: string; reason: ReportReason; note: string | null; created_at: string }>(
        `SELECT idea_id, reason, note, created_at FROM idea_reports WHERE dismissed_at IS NULL AND idea_id IN (${reportedIdeas.map(() => '?').join(', ')})
          ORDER BY created_at LIMIT 1000`,
        reportedIdeas.map((i) => i.id),
      )
    : [];
  const reported: ReportedIdea[] = reportedIdeas.map((idea) => ({
    ...idea,
    reportDetails: reports.filter((r) => r.idea_id === idea.id).map((r) => ({ reason: r.reason, note: r.note, at: r.created_at })),
  }));
  return { inbound, offTopic, reported, topVoted, comments: await commentQueues(ctx, caller, box.id) };
}
