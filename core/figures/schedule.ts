import { Cron } from 'croner';
import { addDays, dayIn, type Day } from './days.ts';

/**
 * THE schedule decision, as one pure function: given a schedule, the clock, what was
 * already done for each day and whether values exist, what to do now.
 *
 * Rules (the tests in test/unit/core/figures/schedule.test.ts cite them):
 * S1 A firing is a time the cron pattern names in the schedule's time zone (croner):
 *    09:00 Europe/Paris is 08:00 UTC in winter and 07:00 UTC in summer.
 * S2 A firing at local day F reports the figures of day F − 1 ("yesterday"). The run
 *    is keyed by (schedule, that day): a pattern that fires twice on one day, or a
 *    local time met twice when clocks go back, still makes one run.
 * S3 A run is due from its firing until firing + window. Within it, it is sent once
 *    the values exist; a run found `sending` (claimed before a crash) is resumed.
 * S4 No values at the firing: alert the controller once, then wait; the values coming
 *    in within the window send it then.
 * S5 Beyond the window nothing goes: a run never started, still waiting for values, or
 *    interrupted, is closed as too late (and the controller told), never sent late.
 * S6 Firings before the schedule became active, or older than the look-back, are not
 *    owed. A run already `sent` or `missed` is never touched again.
 */
export interface ScheduleRule {
  cron: string;
  timeZone: string;
  windowMinutes: number;
  /** Firings before this instant are not owed (creation, or the last change of pattern). */
  activeSince: Date;
}

export type RunState = 'waiting' | 'sending' | 'sent' | 'missed';

export type ScheduleAction =
  | { kind: 'send'; day: Day; firedAt: Date; deadline: Date; resume: boolean }
  | { kind: 'alert-missing'; day: Day; firedAt: Date; deadline: Date }
  | { kind: 'wait'; day: Day; firedAt: Date; deadline: Date }
  | { kind: 'too-late'; day: Day; firedAt: Date; deadline: Date; why: 'not-run' | 'values-missing' | 'interrupted' };

export interface ScheduleDecision {
  /** What to do now, oldest firing first; empty when there is nothing to do. */
  actions: ScheduleAction[];
  /** The next firing after now, for display (and to sleep until). */
  next: Date | null;
}

export interface DecisionInput {
  schedule: ScheduleRule;
  now: Date;
  /** What was recorded per reported day. */
  runs: ReadonlyMap<Day, RunState>;
  /** Whether the values of a day exist. */
  hasValues: (day: Day) => boolean;
  /** How far back missed firings are looked for (default 7 days). */
  lookBackMs?: number;
}

export const defaultLookBackMs = 7 * 86_400_000;

/** Throws a readable error when croner cannot read the pattern or the zone. */
export function cronOf(pattern: string, timeZone: string): Cron {
  return new Cron(pattern, { timezone: timeZone, paused: true });
}

/** Firings in [from, to], in order (at most 1,000). */
export function firingsBetween(pattern: string, timeZone: string, from: Date, to: Date): Date[] {
  const cron = cronOf(pattern, timeZone);
  const out: Date[] = [];
  let cursor: Date | null = new Date(from.getTime() - 1);
  while (out.length < 1000) {
    cursor = cron.nextRun(cursor);
    if (!cursor || cursor > to) break;
    out.push(cursor);
  }
  return out;
}

/** S2: the day a firing reports on. */
export function reportedDay(firedAt: Date, timeZone: string): Day {
  return addDays(dayIn(firedAt, timeZone), -1);
}

export function decideSchedule(input: DecisionInput): ScheduleDecision {
  const { schedule, now, runs } = input;
  const lookBack = input.lookBackMs ?? defaultLookBackMs;
  const from = new Date(Math.max(schedule.activeSince.getTime(), now.getTime() - lookBack));
  const windowMs = schedule.windowMinutes * 60_000;
  const firstFiring = new Map<Day, Date>();
  for (const firedAt of firingsBetween(schedule.cron, schedule.timeZone, from, now)) {
    const day = reportedDay(firedAt, schedule.timeZone);
    if (!firstFiring.has(day)) firstFiring.set(day, firedAt);
  }
  const actions: ScheduleAction[] = [];
  for (const [day, firedAt] of firstFiring) {
    const state = runs.get(day);
    if (state === 'sent' || state === 'missed') continue;
    const deadline = new Date(firedAt.getTime() + windowMs);
    if (now > deadline) {
      const why = state === 'waiting' ? 'values-missing' : state === 'sending' ? 'interrupted' : 'not-run';
      actions.push({ kind: 'too-late', day, firedAt, deadline, why });
    } else if (state === 'sending') actions.push({ kind: 'send', day, firedAt, deadline, resume: true });
    else if (input.hasValues(day)) actions.push({ kind: 'send', day, firedAt, deadline, resume: false });
    else if (state === 'waiting') actions.push({ kind: 'wait', day, firedAt, deadline });
    else actions.push({ kind: 'alert-missing', day, firedAt, deadline });
  }
  return { actions, next: cronOf(schedule.cron, schedule.timeZone).nextRun(now) };
}
