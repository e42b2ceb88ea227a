import { isOverdue, type ActionItem } from '#core/methods/action-items';

/** A calendar day (YYYY-MM-DD) as the language writes it: 22 Nov 2026, 22 nov. 2026. */
export function formatDay(locale: string, day: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** Today on this device, as a day. */
export function todayHere(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const overdueHere = (item: Pick<ActionItem, 'status' | 'due'>) => isOverdue(item, todayHere());
