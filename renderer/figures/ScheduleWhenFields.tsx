import { useId } from 'react';
import { weekdays, weekdayName, nextWeeklyRun, type Weekday } from '#core/figures/weekly';
import { TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { nextRunText, timeZoneChoices } from './schedule-words.ts';

export interface ScheduleWhen {
  days: Weekday[];
  time: string;
  timeZone: string;
}

/**
 * When a schedule sends: the days (a checkbox each, Monday first), a time, and a named
 * time zone; below them, the first send as it will happen, read in that zone.
 */
export function ScheduleWhenFields({
  value,
  onChange,
  errors,
}: {
  value: ScheduleWhen;
  onChange(next: ScheduleWhen): void;
  errors: { days?: string | undefined; time?: string | undefined; timeZone?: string | undefined };
}) {
  const { t, locale } = useI18n();
  const zoneId = useId();
  const daysNote = useId();
  const toggle = (day: Weekday) =>
    onChange({ ...value, days: value.days.includes(day) ? value.days.filter((d) => d !== day) : weekdays.filter((d) => d === day || value.days.includes(d)) });
  let first: Date | null = null;
  try {
    first = value.days.length > 0 ? nextWeeklyRun({ days: value.days, time: value.time }, value.timeZone, new Date()) : null;
  } catch {
    first = null; // a time still being typed
  }
  return (
    <>
      <fieldset className="pick-list weekday-picker" aria-describedby={errors.days ? daysNote : undefined}>
        <legend>{t('figures.schedule.days')}</legend>
        {weekdays.map((d) => (
          <label key={d} className="checkbox">
            <input type="checkbox" checked={value.days.includes(d)} onChange={() => toggle(d)} />
            {weekdayName(d, locale)}
          </label>
        ))}
        {errors.days && (
          <p id={daysNote} className="field-error" role="alert">
            {errors.days}
          </p>
        )}
      </fieldset>
      <div className="schedule-when">
        <TextField label={t('figures.schedule.time')} type="time" required value={value.time} onChange={(e) => onChange({ ...value, time: e.target.value })} error={errors.time} />
        <div className="field">
          <label htmlFor={zoneId}>{t('figures.schedule.zone')}</label>
          <select id={zoneId} value={value.timeZone} onChange={(e) => onChange({ ...value, timeZone: e.target.value })} aria-describedby={`${zoneId}-note`}>
            {timeZoneChoices(value.timeZone).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <p id={`${zoneId}-note`} className={errors.timeZone ? 'field-error' : 'field-hint'} role={errors.timeZone ? 'alert' : undefined}>
            {errors.timeZone ?? t('figures.schedule.zoneHint')}
          </p>
        </div>
      </div>
      <p className="schedule-first muted small" role="status">
        {first ? nextRunText('figures.schedule.firstRun', first, value.timeZone, t, locale) : ''}
      </p>
    </>
  );
}
