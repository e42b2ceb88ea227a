import { useState } from 'react';
import type { DecisionRecord } from '#core/api/decisions';
import { assignFromDecision } from '../../actions/action-items.ts';
import { getDecision } from '../../api/polls.ts';
import { FormError } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useActivityMembers } from '../../state/use-action-items.ts';
import { useSignedIn } from '../../state/use-session.tsx';
import { formatDay, todayHere } from './day.ts';

interface Props {
  activityId: string;
  record: DecisionRecord;
  canAdd: boolean;
  onChange(record: DecisionRecord): void;
}

/**
 * The action items on the decision record, and, for whoever edits, one form to assign the
 * next one (title, owner, due day): one click writes it into the activity's live board
 * through the relay (POST /api/activities/:id/actions), linked to the decision.
 */
export function DecisionActions({ activityId, record, canAdd, onChange }: Props) {
  const { t, locale } = useI18n();
  const { api, me } = useSignedIn();
  const members = useActivityMembers(activityId);
  const submission = useSubmit();
  const [form, setForm] = useState({ title: '', ownerId: '', due: todayHere() });
  const actions = record.actions ?? [];
  const ownerId = form.ownerId || me.id;
  const submit = submission.onSubmit(async () => {
    await assignFromDecision(api, activityId, { title: form.title, ownerId, due: form.due });
    setForm({ ...form, title: '' });
    const fresh = await getDecision(api, activityId);
    if (fresh) onChange(fresh);
  });
  return (
    <section className="decision-actions" aria-labelledby="decision-actions-title" data-testid="decision-actions">
      <h3 id="decision-actions-title">{t('actions.title')}</h3>
      {actions.length === 0 ? (
        <p className="muted small">{t('actions.none')}</p>
      ) : (
        <ul>
          {actions.map((a) => (
            <li key={a.id} data-testid="decision-action">
              {a.title} · {a.ownerName} · {t('actions.dueOn', { day: formatDay(locale, a.due) })} · {t(`actions.status.${a.status}`)}
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <form className="add-item add-action-item" onSubmit={submit} noValidate aria-label={t('actions.assign')}>
          <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} placeholder={t('actions.newTitle')} aria-label={t('actions.newTitle')} maxLength={300} />
          <label className="inline-field">
            <span>{t('actions.owner')}</span>
            <select aria-label={t('actions.owner')} value={ownerId} onChange={(e) => setForm({ ...form, ownerId: e.target.value })}>
              {(members.data ?? [{ id: me.id, name: me.name }]).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>{t('actions.due')}</span>
            <input type="date" aria-label={t('actions.due')} value={form.due} onChange={(e) => setForm({ ...form, due: e.target.value })} required />
          </label>
          <button type="submit" className="button small primary" disabled={submission.busy || !form.title.trim() || !form.due}>
            {t('actions.assign')}
          </button>
        </form>
      )}
      <FormError message={submission.message} />
    </section>
  );
}
