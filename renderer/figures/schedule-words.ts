import type { Schedule } from '#core/api/figures';
import { daysInWords, localRun } from '#core/figures/weekly';
import type { Locale, Translate } from '../i18n/index.tsx';

/** "Monday–Saturday at 09:00 (Europe/Paris)", or the pattern when it is not days and a time. */
export function scheduleWhenText(s: Pick<Schedule, 'days' | 'time' | 'cron' | 'timeZone'>, t: Translate, locale: Locale): string {
  if (!s.days || !s.time) return t('figures.schedule.pattern', { cron: s.cron, zone: s.timeZone });
  return t('figures.schedule.when', { days: daysInWords(s.days, locale) ?? t('figures.schedule.everyDay'), time: s.time, zone: s.timeZone });
}

/** "Next: Monday 7 December, 09:00 (Europe/Paris)": read in the schedule's zone, not the browser's. */
export function nextRunText(key: 'figures.schedule.next' | 'figures.schedule.firstRun', at: Date | string, timeZone: string, t: Translate, locale: Locale): string {
  const { date, time } = localRun(new Date(at), timeZone, locale);
  return t(key, { date, time, zone: timeZone });
}

/** The named zones this browser knows (Intl), with `keep` (the current choice) and UTC among them. */
export function timeZoneChoices(keep: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', keep])].filter(Boolean).sort();
}
