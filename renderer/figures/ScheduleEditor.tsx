import { useState } from 'react';
import { defaultWeekly, type Figure, type Schedule } from '#core/api/figures';
import { FieldIssue } from '../actions/field-issue.ts';
import { changeSchedule } from '../actions/figures.ts';
import { FormError } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useFigures } from '../state/use-figures.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { MorningMessageFields, messageFigureIds } from './MorningMessageFields.tsx';
import { ScheduleWhenFields, type ScheduleWhen } from './ScheduleWhenFields.tsx';

/**
 * Changes a schedule in place: its days, time and zone (a schedule still written as a
 * cron pattern starts from Monday–Saturday 09:00 and becomes days and a time once saved),
 * and the figures its morning message carries — its own figure first.
 */
export function ScheduleEditor({ schedule, lead, defaultDate, onDone }: { schedule: Schedule; lead: Figure; defaultDate: string; onDone(saved: boolean): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const figures = useFigures();
  const [when, setWhen] = useState<ScheduleWhen>({ days: schedule.days ?? defaultWeekly.days, time: schedule.time ?? defaultWeekly.time, timeZone: schedule.timeZone });
  const [ticked, setTicked] = useState(schedule.figureIds.filter((id) => id !== schedule.figureId));
  const submission = useSubmit();
  const submit = submission.onSubmit(async () => {
    if (when.days.length === 0) throw new FieldIssue('days', 'error.issue.noDay');
    await changeSchedule(api, schedule.id, { ...when, figureIds: messageFigureIds(lead, figures.data ?? [], ticked) });
    onDone(true);
  });
  return (
    <form className="schedule-editor" onSubmit={submit} aria-label={t('figures.schedule.changeTitle')}>
      <ScheduleWhenFields value={when} onChange={setWhen} errors={{ days: submission.field('days'), time: submission.field('time'), timeZone: submission.field('timeZone') }} />
      <MorningMessageFields figure={lead} ticked={ticked} onTicked={setTicked} listId={schedule.listId} defaultDate={defaultDate} />
      <FormError message={submission.message} />
      <div className="form-actions">
        <button type="button" className="button ghost" onClick={() => onDone(false)}>
          {t('figures.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={submission.busy}>
          {t('figures.schedule.save')}
        </button>
      </div>
    </form>
  );
}
