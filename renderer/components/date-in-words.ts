/**
 * What a date or time field says beside it: Chromium writes `<input type="date">` in the
 * browser's language (12/08/2026 on an English system, read as 12 August by a French person,
 * and 10:00 PM for a time), so the app writes the chosen day in full in its own: « mardi
 * 8 décembre 2026 », « 22:00 ». A moment (`datetime-local`) is written as typed, wall-clock
 * time, never moved by a zone.
 */
export function dateInWords(locale: string, type: string | undefined, value: string): string | null {
  if (type === 'time') return timeInWords(locale, value);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const moment = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/.exec(value);
  const parts = type === 'date' ? day : type === 'datetime-local' ? moment : null;
  if (!parts) return null;
  const [year, month, date, hour = 0, minute = 0] = parts.slice(1).map(Number) as [number, number, number, number?, number?];
  const at = new Date(Date.UTC(year, month - 1, date, hour, minute));
  // Date.UTC carries 30 February into March: a value that is no day on the calendar says nothing.
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== date || at.getUTCHours() !== hour || at.getUTCMinutes() !== minute) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', ...(type === 'datetime-local' ? { timeStyle: 'short' } : {}), timeZone: 'UTC' }).format(at);
}

function timeInWords(locale: string, value: string): string | null {
  const parts = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/.exec(value);
  if (!parts) return null;
  const [hour, minute] = [Number(parts[1]), Number(parts[2])];
  if (hour > 23 || minute > 59) return null;
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, hour, minute));
}
