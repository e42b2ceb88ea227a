/**
 * Quiet hours in the recipient's time zone: non-urgent messages wait until they end.
 * `start` and `end` are "HH:MM"; a window may span midnight ("21:00"–"08:00").
 */
export interface QuietHours {
  start: string;
  end: string;
  timeZone: string;
}

function minutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`"${hhmm}" is not a time of day (HH:MM)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since local midnight at `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return Number(parts.hour) * 60 + Number(parts.minute);
}

export function inQuietHours(at: Date, quiet: QuietHours): boolean {
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  if (start === end) return false;
  const now = localMinutes(at, quiet.timeZone);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The first moment at or after `at` outside quiet hours (to the minute). */
export function nextSendable(at: Date, quiet: QuietHours): Date {
  if (!inQuietHours(at, quiet)) return at;
  const end = minutes(quiet.end);
  const wait = (end - localMinutes(at, quiet.timeZone) + 24 * 60) % (24 * 60);
  const candidate = new Date(at.getTime() + wait * 60_000);
  candidate.setUTCSeconds(0, 0);
  // A daylight-saving change inside the wait moves local time by an hour: correct it.
  const off = ((localMinutes(candidate, quiet.timeZone) - end + 36 * 60) % (24 * 60)) - 12 * 60;
  return new Date(candidate.getTime() - off * 60_000);
}
