import type { Activity } from '#core/api/activities';
import type { IdeaStatus } from '#core/api/ideas';
import type { ModerationState } from '#core/ideas/moderation';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import { may } from '../activities/access.ts';
import { participantBox } from '../campaigns/participant-access.ts';
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
  moderation: ModerationState;
  off_topic_reason: string | null;
  reviewed_at: string | null;
  shortlisted_at: string | null;
  merged_into: string | null;
  merged_at: string | null;
  study_activity_id: string | null;
}

/**
 * Who an endpoint serves: the box's members, or also public participants (on published
 * boxes) — `public` for what they do there (it joins them to the campaign), `public-read`
 * for what they only read.
 */
export type Reach = 'members' | 'public' | 'public-read';

/** A 404 becomes null; anything else (the store failing) stays an error. */
function unlessNotFound(err: unknown): null {
  if (err instanceof Refusal && err.code === ErrorCode.notFound) return null;
  throw err;
}

/**
 * An idea box the caller may read; anything else (a board, a stranger's box) is 404.
 * A public participant reaches only published boxes, and only where `reach` is
 * `'public'` (proposing, voting, commenting) or `'public-read'` (reading comments);
 * everything else of the box is 404 to them.
 */
export async function ideaBox(ctx: Context, caller: Caller, activityId: string, reach: Reach = 'members'): Promise<Activity> {
  if (caller.participant) {
    if (reach !== 'members') return participantBox(ctx, caller, activityId, reach === 'public');
    throw notFound('idea box');
  }
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

export const seesHidden = (box: Activity, caller: Caller, idea: Pick<IdeaRow, 'author_id'>) => idea.author_id === caller.id || may.facilitate(box.myRole);

/** Hidden, pending approval or off topic: the idea is its author's and the facilitators' only. */
export const keptBack = (idea: Pick<IdeaRow, 'hidden_at' | 'moderation'>) => idea.hidden_at !== null || idea.moderation !== 'approved';

/** The same rule as `keptBack`, in SQL over `ideas i`. */
export const keptBackSql = `(i.hidden_at IS NOT NULL OR i.moderation <> 'approved')`;

/**
 * An idea the caller may see, with its box. A hidden, pending or off-topic idea exists
 * only for its author and the facilitators; for anyone else it is 404, like an idea
 * that never was. A merged duplicate stays readable (it says what it was merged into).
 */
export async function ideaFor(ctx: Context, caller: Caller, ideaId: string, reach: Reach = 'members'): Promise<{ idea: IdeaRow; box: Activity }> {
  const idea = await ctx.db.get<IdeaRow>('SELECT * FROM ideas WHERE id = ?', [ideaId]);
  if (!idea) throw notFound('idea');
  const box = await ideaBox(ctx, caller, idea.activity_id, reach).catch((err: unknown) => {
    unlessNotFound(err);
    throw notFound('idea');
  });
  if (keptBack(idea) && !seesHidden(box, caller, idea)) throw notFound('idea');
  return { idea, box };
}
