import type { Activity } from '#core/api/activities';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import { may } from '../activities/access.ts';
import type { Context } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { loadPoll, type PollRecord } from './records.ts';

/**
 * A poll the caller may see, with its activity (and the caller's role in it). A poll of
 * an activity the caller is not a member of does not exist for them (404): membership,
 * not the organisation role, is what opens a poll — administrators included.
 */
export async function pollFor(ctx: Context, caller: Caller, pollId: string): Promise<{ poll: PollRecord; activity: Activity }> {
  const poll = await loadPoll(ctx.db, pollId);
  if (!poll) throw notFound('poll');
  const activity = await activityFor(ctx, caller, poll.activityId).catch(() => {
    throw notFound('poll');
  });
  return { poll, activity };
}

export async function pollToFacilitate(ctx: Context, caller: Caller, pollId: string) {
  const found = await pollFor(ctx, caller, pollId);
  if (!may.facilitate(found.activity.myRole)) throw forbidden('Only a facilitator of this activity may do this.');
  return found;
}

/** Stable JSON: object keys sorted, so that two equal ballots compare equal as text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
