import { useState } from 'react';
import { openPoll } from '../../actions/polls.ts';
import { FormError, TextAreaField, TextField } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useSignedIn } from '../../state/use-session.tsx';
import { CriteriaEditor } from './CriteriaEditor.tsx';
import { emptyPollForm, pollRequest, rulesOf, type PollForm } from './poll-form.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

const kinds: PollForm['kind'][] = ['single', 'dots', 'ranking', 'matrix', 'consent', 'estimate'];

/** The facilitator opens a poll: the question gate's fields, and the method's own. */
export function NewPollForm({ activityId, question, onOpened, onCancel }: { activityId: string; question: string; onOpened(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [form, setForm] = useState<PollForm>(() => emptyPollForm(question));
  const set = (key: keyof PollForm) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = submission.onSubmit(async () => {
    await openPoll(api, activityId, pollRequest(form));
    onOpened();
  });

  const hasOptions = form.kind !== 'consent' && form.kind !== 'estimate';
  return (
    <form className="card form-card poll-form" onSubmit={submit} noValidate aria-label={t('polls.newPoll')}>
      <div className="field">
        <label htmlFor="poll-kind">{t('polls.kind')}</label>
        <select id="poll-kind" value={form.kind} onChange={(e) => {
          const kind = e.target.value as PollForm['kind'];
          setForm({ ...form, kind, rule: rulesOf[kind][0] ?? '' });
        }}>
          {kinds.map((k) => <option key={k} value={k}>{t(`polls.kind.${k}` as MessageKey)}</option>)}
        </select>
      </div>
      <TextAreaField label={t('polls.question')} value={form.question} onChange={set('question')} rows={2} maxLength={500} error={submission.field('question')} />
      {hasOptions && <TextAreaField label={t('polls.options')} value={form.options} onChange={set('options')} rows={4} error={submission.field('options')} />}
      {form.kind === 'consent' && <TextAreaField label={t('polls.proposal')} value={form.proposal} onChange={set('proposal')} rows={3} error={submission.field('proposal')} />}
      {form.kind === 'estimate' && (
        <>
          <TextField label={t('polls.quantity')} value={form.quantity} onChange={set('quantity')} error={submission.field('quantity')} />
          <TextField label={t('polls.unit')} value={form.unit} onChange={set('unit')} error={submission.field('unit')} />
        </>
      )}
      {form.kind === 'dots' && <TextField label={t('polls.dotsPerPerson')} type="number" min={1} max={100} value={form.dotsPerPerson} onChange={set('dotsPerPerson')} error={submission.field('dotsPerPerson')} />}
      {form.kind === 'matrix' && <CriteriaEditor rows={form.criteria} onChange={(criteria) => setForm({ ...form, criteria })} error={submission.field('criteria')} />}
      <div className="field">
        <label htmlFor="poll-rule">{t('polls.rule')}</label>
        <select id="poll-rule" value={form.rule} onChange={set('rule')}>
          {rulesOf[form.kind].map((r) => <option key={r} value={r}>{t(`polls.rule.${r}` as MessageKey)}</option>)}
        </select>
      </div>
      <TextField label={t('polls.deadline')} type="datetime-local" value={form.deadline} onChange={set('deadline')} error={submission.field('deadline')} hint={t('polls.deadlineHint')} />
      <label className="checkbox">
        <input type="checkbox" checked={form.anonymous} onChange={(e) => setForm({ ...form, anonymous: e.target.checked })} /> {t('polls.anonymous')}
      </label>
      <FormError message={submission.message} />
      <div className="form-actions">
        <button type="button" className="button ghost" onClick={onCancel}>{t('polls.cancel')}</button>
        <button type="submit" className="button primary" disabled={submission.busy}>{t('polls.open')}</button>
      </div>
    </form>
  );
}
