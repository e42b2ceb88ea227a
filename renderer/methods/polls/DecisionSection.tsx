import { useState } from 'react';
import type { DecisionRecord } from '#core/api/decisions';
import { acknowledgeDecision, publishDecision, rateDecision } from '../../actions/polls.ts';
import { exportDecision } from '../../api/polls.ts';
import { FormError, TextAreaField, TextField } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RecordedBoards } from './RecordedBoards.tsx';
import { RecordedResults } from './RecordedResults.tsx';
import { DecisionActions } from '../action-items/DecisionActions.tsx';
import { useSignedIn } from '../../state/use-session.tsx';
import { DecisionFilesPicker, DecisionFilesView } from '../../attachments/DecisionFiles.tsx';
import { RecordedIdea, StudiedIdeaAnswer } from '../../ideas/StudiedIdeaAnswer.tsx';
import type { IdeaVerdict } from '#core/ideas/study';

/** The decision: the facilitator's form until it is published, then the record. */
export function DecisionSection({ activityId, decision, canFacilitate, canEdit = canFacilitate, onChange }: { activityId: string; decision: DecisionRecord | null; canFacilitate: boolean; canEdit?: boolean; onChange(record: DecisionRecord): void }) {
  const { t } = useI18n();
  return (
    <section className="decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('polls.decision')}</h2>
      {decision ? (
        <DecisionRecordView activityId={activityId} record={decision} canEdit={canEdit} onChange={onChange} />
      ) : canFacilitate ? (
        <DecisionForm activityId={activityId} onPublished={onChange} />
      ) : (
        <p className="muted">{t('polls.noDecision')}</p>
      )}
    </section>
  );
}

function DecisionForm({ activityId, onPublished }: { activityId: string; onPublished(record: DecisionRecord): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [form, setForm] = useState({ outcome: '', chosenOption: '', rationale: '', dissent: '', reviewDate: '' });
  const [files, setFiles] = useState<string[]>([]);
  const [ideaAnswer, setIdeaAnswer] = useState<IdeaVerdict | ''>('');
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const submit = submission.onSubmit(async () => {
    onPublished(
      await publishDecision(api, activityId, {
        outcome: form.outcome,
        rationale: form.rationale,
        ...(form.chosenOption.trim() ? { chosenOption: form.chosenOption } : {}),
        ...(form.dissent.trim() ? { dissent: form.dissent } : {}),
        ...(form.reviewDate ? { reviewDate: form.reviewDate } : {}),
        ...(files.length > 0 ? { files } : {}),
        ...(ideaAnswer ? { ideaAnswer } : {}),
      }),
    );
  });
  return (
    <form className="card form-card" onSubmit={submit} noValidate aria-label={t('polls.publish')}>
      <TextAreaField label={t('polls.outcome')} value={form.outcome} onChange={set('outcome')} rows={2} error={submission.field('outcome')} />
      <TextField label={t('polls.chosen')} value={form.chosenOption} onChange={set('chosenOption')} error={submission.field('chosenOption')} />
      <TextAreaField label={t('polls.rationale')} value={form.rationale} onChange={set('rationale')} rows={3} error={submission.field('rationale')} />
      <TextAreaField label={t('polls.dissent')} value={form.dissent} onChange={set('dissent')} rows={2} error={submission.field('dissent')} />
      <TextField label={t('polls.reviewDate')} type="date" value={form.reviewDate} onChange={set('reviewDate')} error={submission.field('reviewDate')} />
      <DecisionFilesPicker chosen={files} setChosen={setFiles} />
      <StudiedIdeaAnswer activityId={activityId} value={ideaAnswer} onChange={setIdeaAnswer} error={submission.field('ideaAnswer')} />
      <p className="muted">{t('polls.publishNote')}</p>
      <FormError message={submission.message} />
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={submission.busy}>{t('polls.publish')}</button>
      </div>
    </form>
  );
}

function DecisionRecordView({ activityId, record, canEdit, onChange }: { activityId: string; record: DecisionRecord; canEdit: boolean; onChange(record: DecisionRecord): void }) {
  const { t, formatDateTime, locale } = useI18n();
  const { api, me } = useSignedIn();
  const submission = useSubmit();
  const [rating, setRating] = useState('');
  const mine = record.recipients.find((r) => r.userId === me.id);
  const acknowledged = record.recipients.filter((r) => r.acknowledgedAt !== null).length;
  const reviewOpen = record.reviewDate !== null && Date.parse(record.reviewDate) <= Date.now();
  const act = (work: () => Promise<DecisionRecord>) => submission.run(async () => onChange(await work()));
  const download = (format: 'md' | 'pdf') =>
    submission.run(async () => {
      const url = URL.createObjectURL(await exportDecision(api, activityId, format));
      const a = document.createElement('a');
      a.href = url;
      a.download = `decision.${format}`;
      a.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  return (
    <div className="card decision-record" data-testid="decision-record">
      <p className="decision-outcome"><strong>{record.outcome}</strong></p>
      <RecordedIdea record={record} />
      {record.chosenOption && <p>{t('app.labelled', { label: t('polls.chosen'), value: record.chosenOption })}</p>}
      <h3>{t('polls.rationale')}</h3>
      <p>{record.rationale}</p>
      {record.dissent && (<><h3>{t('polls.dissent')}</h3><p>{record.dissent}</p></>)}
      <RecordedResults record={record} />
      <RecordedBoards record={record} />
      <DecisionFilesView record={record} />
      <DecisionActions activityId={activityId} record={record} canAdd={canEdit} onChange={onChange} />
      <p className="muted">{record.organization} · {record.publishedBy.name} · {formatDateTime(record.publishedAt)}{record.reviewDate ? ` · ${t('app.labelled', { label: t('polls.reviewDate'), value: reviewDay(locale, record.reviewDate) })}` : ''}</p>
      <h3>{t('polls.acks', { n: acknowledged, total: record.recipients.length })}</h3>
      <ul className="acks">
        {record.recipients.map((r) => <li key={r.userId}>{t('app.labelled', { label: r.name, value: r.acknowledgedAt ? t('polls.acknowledgedVia', { via: r.acknowledgedVia ?? 'app' }) : t('polls.notYet') })}</li>)}
      </ul>
      {mine && !mine.acknowledgedAt && (
        <button className="button primary" type="button" onClick={() => void act(() => acknowledgeDecision(api, activityId))}>{t('polls.acknowledge')}</button>
      )}
      {record.ratings.count > 0 && <p>{t('polls.ratings', { mean: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(record.ratings.mean ?? 0), n: record.ratings.count })}</p>}
      {mine && reviewOpen && (
        <form className="inline-form" onSubmit={(e) => {
          e.preventDefault();
          void act(() => rateDecision(api, activityId, Number(rating)));
        }}>
          <label>{t('polls.rate')} <input type="number" min={1} max={5} value={rating} onChange={(e) => setRating(e.target.value)} /></label>
          <button className="button ghost" type="submit">{t('polls.rateSend')}</button>
        </form>
      )}
      <div className="form-actions">
        <button className="button ghost" type="button" onClick={() => void download('md')}>{t('polls.export')} Markdown</button>
        <button className="button ghost" type="button" onClick={() => void download('pdf')}>{t('polls.export')} PDF</button>
      </div>
      <FormError message={submission.message} />
    </div>
  );
}

/** The review day as chosen (the relay keeps it as that day's midnight UTC), as the exports write it: never an hour, never the day before. */
function reviewDay(locale: string, at: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at));
}
