import type { VoteResult } from '#core/api/ideas';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { ideaFor, requireContributor } from './access.ts';

/**
 * One vote per person per idea: voting twice changes nothing, withdrawing a vote never
 * given changes nothing. `ideas.vote_count` moves in the same transaction as the vote.
 */
export async function castVote(ctx: Context, caller: Caller, ideaId: string, vote: boolean): Promise<VoteResult> {
  const { idea, box } = await ideaFor(ctx, caller, ideaId, 'public');
  requireContributor(box);
  if (vote && idea.author_id === caller.id) throw forbidden('You cannot vote for your own idea.');
  if (vote && idea.hidden_at) throw conflict('This idea is hidden: it takes no votes.');
  if (vote && idea.merged_into) throw conflict('This idea was merged into another: vote for that one.');
  if (vote && idea.moderation === 'pending') throw conflict('This idea waits for a facilitator\'s approval: it takes no votes yet.');
  if (vote && idea.moderation === 'off_topic') throw conflict('This idea is off topic: it takes no votes.');
  return ctx.db.transaction(async (tx) => {
    const changed = vote
      ? await tx.run('INSERT INTO idea_votes (idea_id, user_id, voted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [ideaId, caller.id, ctx.now().toISOString()])
      : await tx.run('DELETE FROM idea_votes WHERE idea_id = ? AND user_id = ?', [ideaId, caller.id]);
    if (changed.changes > 0) {
      await tx.run('UPDATE ideas SET vote_count = vote_count + ? WHERE id = ?', [vote ? 1 : -1, ideaId]);
    }
    const row = await tx.get<{ vote_count: number }>('SELECT vote_count FROM ideas WHERE id = ?', [ideaId]);
    return { votes: row?.vote_count ?? 0, myVote: vote };
  });
}
