import { addDays, dayIn } from '../figures/days.ts';

/** Reminders of an action item (server/actions/reminders.ts): the day before, then on its due day, at this hour in the owner's zone. */
export const reminderHour = 9;
export const ReminderStage = { dayBefore: 0, dueDay: 1, none: 2 } as const;
export type ReminderStage = (typeof ReminderStage)[keyof typeof ReminderStage];

/** How far `timeZone` is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    .formatToParts(new Date(at))
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant `day` (YYYY-MM-DD) at `hour`:00 in `timeZone` (an hour skipped by a clock change lands just after it). */
export function zonedMoment(day: string, hour: number, timeZone: string): Date {
  const naive = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  let at = naive - offsetAt(naive, timeZone);
  at = naive - offsetAt(at, timeZone);
  return new Date(at);
}

/** When the reminder of `stage` for an item due on `due` goes, in the owner's zone. */
export function reminderMoment(due: string, stage: ReminderStage, timeZone: string): Date | null {
  if (stage === ReminderStage.none) return null;
  return zonedMoment(stage === ReminderStage.dayBefore ? addDays(due, -1) : due, reminderHour, timeZone);
}

/**
 * What to do at `now` with an open item's reminder of `stage`: wait until `at`; send it
 * (and go on to `next`); or skip it (its day is past in the owner's zone: no "due tomorrow"
 * on the day itself, no "due today" once it is overdue).
 */
export type ReminderStep = { wait: Date } | { send: ReminderStage; next: ReminderStage } | { skip: true; next: ReminderStage };

export function reminderStep(due: string, stage: ReminderStage, now: Date, timeZone: string): ReminderStep {
  if (stage === ReminderStage.none) return { skip: true, next: ReminderStage.none };
  const at = reminderMoment(due, stage, timeZone)!;
  if (now < at) return { wait: at };
  const next = stage === ReminderStage.dayBefore ? ReminderStage.dueDay : ReminderStage.none;
  const today = dayIn(now, timeZone);
  const dayOfStage = stage === ReminderStage.dayBefore ? addDays(due, -1) : due;
  return today === dayOfStage ? { send: stage, next } : { skip: true, next };
}
