import type { Plan } from './plans.ts';

/** Facilitators are told this long before a closed activity's content is removed. */
export const retentionNoticeDays = 30;
const day = 86_400_000;

/** What the retention job knows of one closed activity. */
export interface ClosedActivity {
  /** When it was last decided or archived (ISO). */
  closedAt: string;
  /** `<closedAt>|<days>` its facilitators were warned for, or null. */
  warned: string | null;
  /** When that warning was written (ISO), or null. */
  warnedAt: string | null;
}

/** What is due for one closed activity now, under its organisation's plan as it is now. */
export type RetentionDue =
  | { kind: 'nothing' }
  /** Tell the facilitators: the content goes on `removeOn` (ISO), at least 30 days from now. */
  | { kind: 'warn'; mark: string; removeOn: string }
  | { kind: 'remove' };

/** The mark a warning is written under: a new closing or another plan's retention is warned afresh. */
export const warningMark = (closedAt: string, days: number) => `${closedAt}|${days}`;

/**
 * The retention rule (README "Retention"). A plan without retention keeps everything. The
 * content goes once the plan's retention since `closedAt` has run out AND the warning for
 * this very closing and retention is 30 days old: so a plan moved down counts from
 * `closedAt` but never removes anything nobody was told of, and a plan moved up (or to
 * Unlimited) stops what was pending at once.
 */
export function retentionDue(plan: Plan, a: ClosedActivity, now: Date): RetentionDue {
  if (plan.retentionDays === null) return { kind: 'nothing' };
  const closed = Date.parse(a.closedAt);
  const expires = closed + plan.retentionDays * day;
  const mark = warningMark(a.closedAt, plan.retentionDays);
  if (a.warned !== mark || a.warnedAt === null) {
    if (now.getTime() < expires - retentionNoticeDays * day) return { kind: 'nothing' };
    return { kind: 'warn', mark, removeOn: new Date(Math.max(expires, now.getTime() + retentionNoticeDays * day)).toISOString() };
  }
  const removeAt = Math.max(expires, Date.parse(a.warnedAt) + retentionNoticeDays * day);
  return now.getTime() >= removeAt ? { kind: 'remove' } : { kind: 'nothing' };
}

/** The earliest closing time (ISO) that may be due now under `days` of retention: older ones are looked at. */
export const closedBefore = (days: number, now: Date) => new Date(now.getTime() - (days - retentionNoticeDays) * day).toISOString();
