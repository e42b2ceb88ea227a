import { useState } from 'react';
import type { Figure } from '#core/api/figures';
import { scheduleFigure, switchSchedule } from '../actions/figures.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useRecipientLists, useSchedules } from '../state/use-figures.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useSubmit } from '../components/use-submit.ts';

/** Schedules of this figure (09:00 Monday–Saturday, Europe/Paris by default) and their runs. */
export function SchedulesPanel({ figure }: { figure: Figure }) {
  const { t, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const schedules = useSchedules();
  const lists = useRecipientLists();
  const [form, setForm] = useState({ listId: '', cron: '0 9 * * 1-6', timeZone: 'Europe/Paris', windowMinutes: 180, watchMinutes: 15 });
  const submission = useSubmit();
  const mine = (schedules.data ?? []).filter((s) => s.figureId === figure.id);
  const listName = new Map((lists.data ?? []).map((l) => [l.id, l.name]));
  const submit = submission.onSubmit(async () => {
    await scheduleFigure(api, { figureId: figure.id, ...form, listId: form.listId || lists.data?.[0]?.id || '' });
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
            <strong>{listName.get(s.listId) ?? s.listId}</strong> · <code>{s.cron}</code> · {s.timeZone}
            {s.next && <span className="muted small"> · {t('figures.schedule.next', { when: formatDateTime(s.next) })}</span>}
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
        <TextField label={t('figures.schedule.cron')} value={form.cron} onChange={(e) => setForm({ ...form, cron: e.target.value })} error={submission.field('cron')} />
        <TextField label={t('figures.schedule.zone')} value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} error={submission.field('timeZone')} />
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
