import { useState, type FormEvent, type ReactNode } from 'react';
import type { PollView } from '#core/api/poll-view';
import type { Ballot, VoteFor } from '#core/api/polls';
import { consentPositions } from '#core/methods/consent';
import { defaultScale } from '#core/methods/tally';
import { FieldIssue } from '../../actions/field-issue.ts';
import { castVote } from '../../actions/polls.ts';
import { FormError, TextAreaField, TextField } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useSignedIn } from '../../state/use-session.tsx';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.tsx';

/** A member's sealed input for the open round, prefilled with what they sent before. */
export function VoteForm({ poll, onSent }: { poll: PollView; onSent(view: PollView): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const mine = poll.mine.ballot;
  const def = poll.definition;

  const send = (e: FormEvent, ballot: Ballot | null) =>
    submission.onSubmit(async () => {
      if (!ballot) throw new FieldIssue('position', 'polls.choosePosition');
      onSent(await castVote(api, poll.id, ballot));
    })(e);
  const footer = (
    <>
      <FormError message={submission.message} />
      <button className="button primary" type="submit" disabled={submission.busy}>{t('polls.vote')}</button>
    </>
  );

  switch (def.kind) {
    case 'single':
      return <SingleVote options={def.options} initial={mine && 'choice' in mine ? mine.choice : ''} onSubmit={send} footer={footer} />;
    case 'dots':
      return <DotsVote options={def.options} budget={def.dotsPerPerson} initial={mine && 'dots' in mine ? mine.dots : {}} onSubmit={send} footer={footer} t={t} />;
    case 'ranking':
      return <RankingVote options={def.options} initial={mine && 'ranking' in mine ? mine.ranking : def.options} onSubmit={send} footer={footer} t={t} />;
    case 'matrix':
      return <MatrixVote poll={poll} initial={mine && 'scores' in mine ? mine.scores : {}} onSubmit={send} footer={footer} />;
    case 'consent':
      return <ConsentVote initial={mine && 'position' in mine ? mine : null} onSubmit={send} footer={footer} field={submission.field} t={t} />;
    case 'estimate':
      return <EstimateVote unit={def.unit} initial={mine && 'value' in mine ? mine : null} onSubmit={send} footer={footer} field={submission.field} t={t} />;
    case 'entries':
      return null;
  }
}

/** `null`: nothing chosen yet (the form says so rather than sending). */
type Submit = (e: FormEvent, ballot: Ballot | null) => void;
interface Common {
  onSubmit: Submit;
  footer: ReactNode;
}
/** The relay's refusal about one field of the ballot, shown under it (useSubmit's `field`). */
type FieldError = (name: string) => string | undefined;

function SingleVote({ options, initial, onSubmit, footer }: Common & { options: string[]; initial: string }) {
  const [choice, setChoice] = useState(initial);
  return (
    <form className="vote-form" onSubmit={(e) => onSubmit(e, { choice })}>
      <fieldset>
        {options.map((o) => (
          <label key={o} className="choice">
            <input type="radio" name="choice" value={o} checked={choice === o} onChange={() => setChoice(o)} /> {o}
          </label>
        ))}
      </fieldset>
      {footer}
    </form>
  );
}

function DotsVote({ options, budget, initial, onSubmit, footer, t }: Common & { options: string[]; budget: number; initial: Record<string, number>; t: Translate }) {
  const [dots, setDots] = useState<Record<string, number>>(initial);
  const left = budget - Object.values(dots).reduce((s, n) => s + n, 0);
  return (
    <form className="vote-form" onSubmit={(e) => onSubmit(e, { dots: Object.fromEntries(Object.entries(dots).filter(([, n]) => n > 0)) })}>
      <p className="muted" aria-live="polite">{t('polls.dotsLeft', { n: left })}</p>
      {options.map((o) => (
        <TextField key={o} label={o} type="number" min={0} max={budget} value={String(dots[o] ?? 0)} onChange={(e) => setDots({ ...dots, [o]: Number(e.target.value) || 0 })} />
      ))}
      {footer}
    </form>
  );
}

function RankingVote({ options, initial, onSubmit, footer, t }: Common & { options: string[]; initial: string[]; t: Translate }) {
  const [order, setOrder] = useState<string[]>(() => [...initial, ...options.filter((o) => !initial.includes(o))]);
  const move = (i: number, delta: -1 | 1) => {
    const next = [...order];
    const [item] = next.splice(i, 1);
    if (item !== undefined) next.splice(i + delta, 0, item);
    setOrder(next);
  };
  return (
    <form className="vote-form" onSubmit={(e) => onSubmit(e, { ranking: order })}>
      <ol className="ranking">
        {order.map((o, i) => (
          <li key={o}>
            <span>{o}</span>
            <button type="button" className="button ghost small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('polls.up', { label: o })}>↑</button>
            <button type="button" className="button ghost small" disabled={i === order.length - 1} onClick={() => move(i, 1)} aria-label={t('polls.down', { label: o })}>↓</button>
          </li>
        ))}
      </ol>
      {footer}
    </form>
  );
}

function MatrixVote({ poll, initial, onSubmit, footer }: Common & { poll: PollView; initial: VoteFor<'matrix'>['scores'] }) {
  const { t } = useI18n();
  const def = poll.definition.kind === 'matrix' ? poll.definition : null;
  const scale = def?.scale ?? defaultScale;
  const [scores, setScores] = useState<Record<string, Record<string, number>>>(() => structuredClone(initial));
  if (!def) return null;
  const set = (option: string, criterion: string, value: string) =>
    setScores({ ...scores, [option]: { ...scores[option], [criterion]: Number(value) } });
  const sum = def.criteria.reduce((s, c) => s + c.weight, 0) || 1;
  return (
    <form className="vote-form" onSubmit={(e) => onSubmit(e, { scores })}>
      <p className="muted" data-testid="matrix-scale">{t('polls.scaleNote', { min: scale.min, max: scale.max })}</p>
      <div className="table-scroll">
        <table className="matrix">
          <thead>
            <tr>
              <th />
              {def.criteria.map((c) => (
                <th key={c.label} scope="col">
                  {c.label}
                  <span className="muted small criterion-weight">{t('polls.weightShare', { weight: c.weight, share: c.weight / sum })}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {def.options.map((o) => (
              <tr key={o}>
                <th scope="row">{o}</th>
                {def.criteria.map((c) => (
                  <td key={c.label}>
                    <input type="number" min={scale.min} max={scale.max} placeholder={`${scale.min}–${scale.max}`} aria-label={t('polls.scoreOf', { option: o, criterion: c.label, min: scale.min, max: scale.max })} value={scores[o]?.[c.label] ?? ''} onChange={(e) => set(o, c.label, e.target.value)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {footer}
    </form>
  );
}

function ConsentVote({ initial, onSubmit, footer, field, t }: Common & { initial: VoteFor<'consent'> | null; field: FieldError; t: Translate }) {
  // Nothing chosen until the member chooses: a pre-selected "Agree" leans the vote.
  const [position, setPosition] = useState<VoteFor<'consent'>['position'] | null>(initial?.position ?? null);
  const [reason, setReason] = useState(initial?.reason ?? '');
  return (
    <form className="vote-form" onSubmit={(e) => {
      if (!position) {
        e.preventDefault();
        onSubmit(e, null);
        return;
      }
      onSubmit(e, { position, ...(reason.trim() ? { reason } : {}) });
    }}>
      <fieldset className="consent-positions">
        <legend>{t('polls.positionLegend')}</legend>
        {consentPositions.map((p) => (
          <label key={p} className="choice consent-choice">
            <input type="radio" name="position" checked={position === p} onChange={() => setPosition(p)} aria-describedby={`position-${p}-help`} />
            <span>
              <strong>{t(`polls.position.${p}` as MessageKey)}</strong>
              <span id={`position-${p}-help`} className="muted small choice-help">{t(`polls.positionHelp.${p}` as MessageKey)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {field('position') && <p className="field-error" role="alert">{field('position')}</p>}
      <TextAreaField label={t('polls.reason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} error={field('reason')} hint={position === 'object' || position === 'block' ? t('polls.reasonNeeded') : undefined} />
      {footer}
    </form>
  );
}

function EstimateVote({ unit, initial, onSubmit, footer, field, t }: Common & { unit: string | undefined; initial: VoteFor<'estimate'> | null; field: FieldError; t: Translate }) {
  const [value, setValue] = useState(initial ? String(initial.value) : '');
  const [reason, setReason] = useState(initial?.reason ?? '');
  return (
    <form className="vote-form" onSubmit={(e) => onSubmit(e, { value: value.trim() === '' ? Number.NaN : Number(value.replace(',', '.')), reason })}>
      <TextField label={unit ? `${t('polls.value')} (${unit})` : t('polls.value')} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} error={field('value')} />
      <TextAreaField label={t('polls.reason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} error={field('reason')} />
      {footer}
    </form>
  );
}
