import type { Activity } from '#core/api/activities';
import type { IdeaStatus } from '#core/api/ideas';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import { may } from '../activities/access.ts';
import type { Context } from '../context.ts';
import { ErrorCode } from '#core/api/errors';
import { conflict, forbidden, Refusal, notFound } from '../errors.ts';

export interface IdeaRow {
  id: string;
  activity_id: string;
  author_id: string;
  title: string;
  text: string;
  category: string;
  status: IdeaStatus;
  reason: string | null;
  status_changed_at: string | null;
  vote_count: number;
  hidden_reason: string | null;
  hidden_at: string | null;
  created_at: string;
}

/** A 404 becomes null; anything else (the store failing) stays an error. */
function unlessNotFound(err: unknown): null {
  if (err instanceof Refusal && err.code === ErrorCode.notFound) return null;
  throw err;
}

/** An idea box the caller may read; anything else (a board, a stranger's box) is 404. */
export async function ideaBox(ctx: Context, caller: Caller, activityId: string): Promise<Activity> {
  const activity = await activityFor(ctx, caller, activityId).catch(unlessNotFound);
  if (!activity || activity.kind !== 'ideas') throw notFound('idea box');
  return activity;
}

/** Proposing and voting: contributors and facilitators, while the box is not closed. */
export function requireContributor(box: Activity) {
  if (!may.edit(box.myRole)) throw forbidden('Viewers read the idea box; they cannot propose or vote.');
  if (box.status === 'decided' || box.status === 'archived') throw conflict('This idea box is closed: it takes no more ideas or votes.');
}

export function requireBoxFacilitator(box: Activity) {
  if (!may.facilitate(box.myRole)) throw forbidden('Only a facilitator of this idea box may do this.');
}

export const seesHidden = (box: Activity, caller: Caller, idea: IdeaRow) => idea.author_id === caller.id || may.facilitate(box.myRole);

/**
 * An idea the caller may see, with its box. A hidden idea exists only for its author
 * and the facilitators; for anyone else it is 404, like an idea that never was.
 */
export async function ideaFor(ctx: Context, caller: Caller, ideaId: string): Promise<{ idea: IdeaRow; box: Activity }> {
  const idea = await ctx.db.get<IdeaRow>('SELECT * FROM ideas WHERE id = ?', [ideaId]);
  if (!idea) throw notFound('idea');
  const box = await ideaBox(ctx, caller, idea.activity_id).catch((err: unknown) => {
    unlessNotFound(err);
    throw notFound('idea');
  });
  if (idea.hidden_at && !seesHidden(box, caller, idea)) throw notFound('idea');
  return { idea, box };
}
