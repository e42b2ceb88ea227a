import { useState } from 'react';
import type { Figure } from '#core/api/figures';
import { FieldIssue } from '../actions/field-issue.ts';
import { scheduleFigure, switchSchedule } from '../actions/figures.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useFigures, useOrganisationTimeZone, useRecipientLists, useSchedules } from '../state/use-figures.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { nextRunText, scheduleWhenText } from './schedule-words.ts';
import { ScheduleWhenFields, type ScheduleWhen } from './ScheduleWhenFields.tsx';
import { MorningMessageFields, messageFigureIds } from './MorningMessageFields.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';

/**
 * Schedules carrying this figure and their runs. A new one is picked as days and a time
 * in a named zone (Monday–Saturday, 09:00, the organisation's zone by default); its one
 * SMS per person may carry other figures too (a morning message, previewed person by
 * person with segments and cost). Every next run is told in the schedule's zone, never
 * the browser's.
 */
export function SchedulesPanel({ figure, defaultDate }: { figure: Figure; defaultDate: string }) {
  const { t, locale } = useI18n();
  const { api } = useSignedIn();
  const schedules = useSchedules();
  const lists = useRecipientLists();
  const orgZone = useOrganisationTimeZone();
  const figures = useFigures();
  const [ticked, setTicked] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState({ listId: '', windowMinutes: 180, watchMinutes: 15 });
  const [when, setWhen] = useState<ScheduleWhen>({ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], time: '09:00', timeZone: '' });
  const submission = useSubmit();
  const mine = (schedules.data ?? []).filter((s) => s.figureIds.includes(figure.id));
  const figureById = new Map((figures.data ?? []).map((f) => [f.id, f]));
  const listId = form.listId || lists.data?.[0]?.id || '';
  const listName = new Map((lists.data ?? []).map((l) => [l.id, l.name]));
  const zone = when.timeZone || orgZone.data || 'Europe/Paris';
  const submit = submission.onSubmit(async () => {
    if (when.days.length === 0) throw new FieldIssue('days', 'error.issue.noDay');
    const figureIds = messageFigureIds(figure, figures.data ?? [], ticked);
    await scheduleFigure(api, {
      figureId: figure.id,
      ...(figureIds.length > 1 ? { figureIds } : {}),
      ...form,
      days: when.days,
      time: when.time,
      timeZone: zone,
      listId,
    });
    schedules.reload();
  });
  return (
    <section className="card schedules-panel" aria-label={t('figures.schedules')}>
      <h2>{t('figures.schedules')}</h2>
      <ul className="schedule-list">
        {mine.map((s) => (
          <li key={s.id}>
            <label className="checkbox">
              <input type="checkbox" checked={s.enabled} onChange={() => void submission.run(async () => (await switchSchedule(api, s.id, !s.enabled), schedules.reload()))} />
              {t('figures.schedule.enabled')}
            </label>{' '}
            <strong>{listName.get(s.listId) ?? s.listId}</strong> · <span className="schedule-when-text">{scheduleWhenText(s, t, locale)}</span>
            {s.figureIds.length > 1 && <p className="schedule-figures small">{s.figureIds.map((id) => figureById.get(id)?.label ?? id).join(' + ')}</p>}
            {s.next && <p className="muted small schedule-next">{nextRunText('figures.schedule.next', s.next, s.timeZone, t, locale)}</p>}
            {editing === s.id ? (
              <ScheduleEditor
                schedule={s}
                lead={figureById.get(s.figureId) ?? figure}
                defaultDate={defaultDate}
                onDone={(saved) => (setEditing(null), saved && schedules.reload())}
              />
            ) : (
              <button type="button" className="button ghost small" onClick={() => setEditing(s.id)}>
                {t('figures.schedule.change')}
              </button>
            )}
            <ul className="run-list">
              {s.runs.slice(0, 7).map((r) => (
                <li key={r.day} className={`run run-${r.state}`}>
                  {t('figures.schedule.run', { day: r.day, state: r.state, delivered: r.delivered, sent: r.sent })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-label={t('figures.schedule.add')}>
        <h3>{t('figures.schedule.add')}</h3>
        <label className="field">
          {t('figures.list')}
          <select value={form.listId} onChange={(e) => setForm({ ...form, listId: e.target.value })}>
            {(lists.data ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <ScheduleWhenFields
          value={{ ...when, timeZone: zone }}
          onChange={setWhen}
          errors={{ days: submission.field('days'), time: submission.field('time'), timeZone: submission.field('timeZone') }}
        />
        <MorningMessageFields figure={figure} ticked={ticked} onTicked={setTicked} listId={listId} defaultDate={defaultDate} />
        <TextField label={t('figures.schedule.window')} type="number" min={5} max={1380} value={form.windowMinutes} onChange={(e) => setForm({ ...form, windowMinutes: Number(e.target.value) })} />
        <TextField label={t('figures.schedule.watch')} type="number" min={1} max={1440} value={form.watchMinutes} onChange={(e) => setForm({ ...form, watchMinutes: Number(e.target.value) })} />
        <FormError message={submission.message} />
        <button type="submit" className="button" disabled={submission.busy || (lists.data ?? []).length === 0}>
          {t('figures.schedule.add')}
        </button>
      </form>
    </section>
  );
}
