import { cronOf } from './schedule.ts';

/**
 * A schedule as the controller picks it: days of the week and a time of day, in a named
 * time zone. Stored and decided as a cron pattern (core/figures/schedule.ts, croner), so
 * the two forms are one: `weeklyCron` writes the pattern, `weeklyOfCron` reads it back
 * (null for a pattern that is not "these days at this time", which the API still takes).
 */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export interface Weekly {
  /** In week order, Monday first, each once. */
  days: Weekday[];
  /** `HH:MM`, 24 hours. */
  time: string;
}

export const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days in cron's numbering: the index is the day's number (Sunday 0, Monday 1 … Saturday 6). */
const dayOfCron: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Cron's number of a day, or null for a token that names no weekday. */
function cronDay(token: string): number | null {
  const n = dayOfCron.indexOf(token as Weekday);
  return n < 0 ? null : n;
}

/** Days in week order (Monday first), each once. */
export function inWeekOrder(days: readonly Weekday[]): Weekday[] {
  return weekdays.filter((d) => days.includes(d));
}

/** The cron pattern of these days at this time: Monday–Saturday 09:00 is `0 9 * * 1-6`. */
export function weeklyCron(weekly: Weekly): string {
  const m = timePattern.exec(weekly.time);
  if (!m) throw new Error(`"${weekly.time}" is not a time as HH:MM`);
  const numbers = [...new Set(weekly.days.map((d) => cronDay(d)!))].sort((a, b) => a - b);
  if (numbers.length === 0) throw new Error('pick at least one day');
  const field = numbers.length === 7 ? '*' : ranges(numbers);
  return `${Number(m[2])} ${Number(m[1])} * * ${field}`;
}

/** `[1,2,3,4,5,6]` → `1-6`; `[0,6]` → `0,6`. */
function ranges(numbers: number[]): string {
  const parts: string[] = [];
  let start = numbers[0]!;
  let prev = start;
  for (const n of [...numbers.slice(1), Infinity]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}-${prev}`);
    start = prev = n;
  }
  return parts.join(',');
}

/** The days and time a cron pattern names, or null when it is not that simple shape. */
export function weeklyOfCron(cron: string): Weekly | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  if (!/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour) || dom !== '*' || month !== '*') return null;
  const h = Number(hour);
  const mi = Number(minute);
  if (h > 23 || mi > 59) return null;
  const days = daysOfField(dow);
  if (!days) return null;
  return { days: inWeekOrder(days), time: `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}` };
}

function daysOfField(field: string): Weekday[] | null {
  if (field === '*') return [...weekdays];
  const out = new Set<Weekday>();
  for (const part of field.toLowerCase().split(',')) {
    const m = /^([a-z]{3}|\d)(?:-([a-z]{3}|\d))?$/.exec(part);
    if (!m) return null;
    const from = dayNumber(m[1]!);
    const to = m[2] === undefined ? from : dayNumber(m[2]);
    if (from === null || to === null || to < from) return null;
    for (let n = from; n <= to; n++) out.add(dayOfCron[n % 7]!);
  }
  return out.size > 0 ? [...out] : null;
}

function dayNumber(token: string): number | null {
  if (/^\d$/.test(token)) return Number(token) <= 7 ? Number(token) : null;
  return cronDay(token);
}

/** The next firing after `now` of these days at this time in `timeZone` (croner: DST-aware). */
export function nextWeeklyRun(weekly: Weekly, timeZone: string, now: Date): Date | null {
  return cronOf(weeklyCron(weekly), timeZone).nextRun(now);
}

/**
 * An instant as the people of `timeZone` read it, in words: `{date: "Monday 7 December",
 * time: "09:00"}` (`lundi 7 décembre`, `09:00` in French) — never the reader's own zone.
 */
export function localRun(at: Date, timeZone: string, locale: 'en' | 'fr'): { date: string; time: string } {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return {
    date: new Intl.DateTimeFormat(tag, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(at),
    time: new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at),
  };
}

/** A day's name in `locale`: `Monday`/`lundi` (long) or `Mon`/`lun.` (short). */
export function weekdayName(day: Weekday, locale: 'en' | 'fr', width: 'long' | 'short' = 'long'): string {
  // 23 November 2026 is a Monday; noon UTC is that day everywhere the format is read.
  const date = new Date(Date.UTC(2026, 10, 23 + weekdays.indexOf(day), 12));
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: width, timeZone: 'UTC' }).format(date);
}

/**
 * The days in a few words: runs of three days or more as a range (`Monday–Saturday`),
 * the others listed (`Saturday, Sunday`); `null` for every day (the caller says so).
 */
export function daysInWords(days: readonly Weekday[], locale: 'en' | 'fr'): string | null {
  const ordered = inWeekOrder(days);
  if (ordered.length === 7) return null;
  const runs: Weekday[][] = [];
  for (const d of ordered) {
    const last = runs.at(-1);
    if (last && weekdays.indexOf(d) === weekdays.indexOf(last.at(-1)!) + 1) last.push(d);
    else runs.push([d]);
  }
  const name = (d: Weekday) => weekdayName(d, locale);
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${name(run[0]!)}–${name(run.at(-1)!)}`] : run.map(name)))
    .join(', ');
}
