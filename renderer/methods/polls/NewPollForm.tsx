import { useState, type FormEvent } from 'react';
import { openPoll } from '../../api/polls.ts';
import { FormError, TextAreaField, TextField } from '../../components/Field.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { useSignedIn } from '../../state/use-session.tsx';
import { emptyPollForm, pollRequest, rulesOf, type PollForm } from './poll-form.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

const kinds: PollForm['kind'][] = ['single', 'dots', 'ranking', 'matrix', 'consent', 'estimate'];

/** The facilitator opens a poll: the question gate's fields, and the method's own. */
export function NewPollForm({ activityId, question, onOpened, onCancel }: { activityId: string; question: string; onOpened(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const errors = useFormErrors();
  const [form, setForm] = useState<PollForm>(() => emptyPollForm(question));
  const [busy, setBusy] = useState(false);
  const set = (key: keyof PollForm) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      await openPoll(api, activityId, pollRequest(form));
      onOpened();
    } catch (err) {
      errors.show(err);
    } finally {
      setBusy(false);
    }
  }

  const hasOptions = form.kind !== 'consent' && form.kind !== 'estimate';
  return (
    <form className="card form-card poll-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('polls.newPoll')}>
      <div className="field">
        <label htmlFor="poll-kind">{t('polls.kind')}</label>
        <select id="poll-kind" value={form.kind} onChange={(e) => {
          const kind = e.target.value as PollForm['kind'];
          setForm({ ...form, kind, rule: rulesOf[kind][0] ?? '' });
        }}>
          {kinds.map((k) => <option key={k} value={k}>{t(`polls.kind.${k}` as MessageKey)}</option>)}
        </select>
      </div>
      <TextAreaField label={t('polls.question')} value={form.question} onChange={set('question')} rows={2} maxLength={500} error={errors.field('question')} />
      {hasOptions && <TextAreaField label={t('polls.options')} value={form.options} onChange={set('options')} rows={4} error={errors.field('options')} />}
      {form.kind === 'consent' && <TextAreaField label={t('polls.proposal')} value={form.proposal} onChange={set('proposal')} rows={3} error={errors.field('proposal')} />}
      {form.kind === 'estimate' && (
        <>
          <TextField label={t('polls.quantity')} value={form.quantity} onChange={set('quantity')} error={errors.field('quantity')} />
          <TextField label={t('polls.unit')} value={form.unit} onChange={set('unit')} error={errors.field('unit')} />
        </>
      )}
      {form.kind === 'dots' && <TextField label={t('polls.dotsPerPerson')} type="number" min={1} max={100} value={form.dotsPerPerson} onChange={set('dotsPerPerson')} error={errors.field('dotsPerPerson')} />}
      {form.kind === 'matrix' && <TextAreaField label={t('polls.criteria')} value={form.criteria} onChange={set('criteria')} rows={3} error={errors.field('criteria')} />}
      <div className="field">
        <label htmlFor="poll-rule">{t('polls.rule')}</label>
        <select id="poll-rule" value={form.rule} onChange={set('rule')}>
          {rulesOf[form.kind].map((r) => <option key={r} value={r}>{t(`polls.rule.${r}` as MessageKey)}</option>)}
        </select>
      </div>
      <TextField label={t('polls.deadline')} type="datetime-local" value={form.deadline} onChange={set('deadline')} error={errors.field('deadline')} />
      <label className="checkbox">
        <input type="checkbox" checked={form.anonymous} onChange={(e) => setForm({ ...form, anonymous: e.target.checked })} /> {t('polls.anonymous')}
      </label>
      <FormError message={errors.message} />
      <div className="form-actions">
        <button type="button" className="button ghost" onClick={onCancel}>{t('polls.cancel')}</button>
        <button type="submit" className="button primary" disabled={busy}>{t('polls.open')}</button>
      </div>
    </form>
  );
}
