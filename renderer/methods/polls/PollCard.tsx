import { useState } from 'react';
import type { PollView } from '#core/api/poll-view';
import { nextRoundMeaning } from '#core/methods/next-round';
import { answerBlock, openNextRound, revealPoll } from '../../actions/polls.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateInWords, FormError } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { hrefOf } from '../../state/use-route.ts';
import { useSignedIn } from '../../state/use-session.tsx';
import { defaultDeadline } from './poll-form.ts';
import { PollResults } from './PollResults.tsx';
import { VoteForm } from './VoteForm.tsx';

/** One poll: its question and rule, who has taken part, the member's input, the reveal, results. */
export function PollCard({ poll, canVote, canFacilitate, onChange }: { poll: PollView; canVote: boolean; canFacilitate: boolean; onChange(view?: PollView): void }) {
  const { t, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [nextDeadline, setNextDeadline] = useState(defaultDeadline);
  const current = poll.rounds.find((r) => r.round === poll.round);
  const roundMeaning = nextRoundMeaning(poll.definition, current?.result ?? null);
  const act = (work: () => Promise<PollView>) => submission.run(async () => onChange(await work()));

  return (
    <article className="card poll-card" aria-label={poll.question} data-testid="poll-card">
      <header>
        <h3>{poll.question}</h3>
        <p className="muted">
          {t(`polls.kind.${poll.kind}` as MessageKey)} · {t(`polls.rule.${poll.rule}` as MessageKey)}
          {poll.anonymous ? ` · ${t('polls.anonymousTag')}` : ''}
          {poll.rounds.length > 1 ? ` · ${t('polls.round', { n: poll.round })}` : ''} · <span data-testid="poll-status">{t(`polls.status.${poll.status}` as MessageKey)}</span>
          {poll.status === 'open' ? ` ${t('polls.until', { when: formatDateTime(poll.deadline) })}` : ''}
        </p>
        {poll.kind === 'consent' && poll.definition.kind === 'consent' && <blockquote>{poll.definition.proposal}</blockquote>}
      </header>
      <p data-testid="participation">
        {poll.participation.taken.length > 0
          ? t('app.labelled', { label: t('polls.taken', { n: poll.participation.taken.length, total: poll.participation.eligible }), value: poll.participation.taken.map((p) => p.name).join(', ') })
          : t('polls.taken', { n: 0, total: poll.participation.eligible })}
      </p>
      {poll.status === 'open' && poll.participation.waiting.length > 0 && (
        <p className="muted">{t('polls.waiting', { names: poll.participation.waiting.map((p) => p.name).join(', ') })}</p>
      )}
      {poll.status === 'open' && poll.mine.taken && <p className="notice">{poll.anonymous ? t('polls.mineFinal') : t('polls.mine')}</p>}
      {poll.status === 'open' && canVote && poll.anonymous && !poll.mine.taken && <p className="muted" data-testid="anonymous-before">{t('polls.anonymousBefore')}</p>}
      {poll.status === 'open' && canVote && !(poll.anonymous && poll.mine.taken) && <VoteForm poll={poll} onSent={onChange} />}
      {poll.kind === 'entries' && poll.status === 'open' && canVote && (
        <p><a href={hrefOf({ name: 'activity', id: poll.activityId, tab: 'work' })}>{t('polls.onBoard')}</a></p>
      )}
      {poll.status === 'open' && canFacilitate && (
        <ConfirmButton
          question={t(poll.anonymous || poll.kind === 'estimate' ? 'polls.revealConfirmAnonymous' : 'polls.revealConfirm', { n: poll.participation.taken.length, total: poll.participation.eligible })}
          confirm={t('polls.revealYes')}
          onConfirm={() => void act(() => revealPoll(api, poll.id))}
        >
          {t('polls.reveal')}
        </ConfirmButton>
      )}
      {[...poll.rounds].reverse().map((round) => <PollResults key={round.round} poll={poll} round={round} />)}
      {canFacilitate && poll.status === 'revealed' && current?.result?.kind === 'consent' &&
        current.result.blocks.filter((b) => b.answer === null).map((b) => (
          <BlockAnswer key={b.key} reason={b.reason} onAnswer={(answer) => act(() => answerBlock(api, poll.id, b.key, answer))} />
        ))}
      {canFacilitate && poll.status === 'revealed' && roundMeaning && (
        <form className="inline-form next-round" onSubmit={(e) => {
          e.preventDefault();
          void act(() => openNextRound(api, poll.id, nextDeadline ? new Date(nextDeadline).toISOString() : ''));
        }}>
          <p className="muted">{t(roundMeaning === 'delphi' ? 'polls.nextRoundDelphi' : 'polls.nextRoundRevote')}</p>
          <label>
            {t('polls.deadline')} <input type="datetime-local" value={nextDeadline} onChange={(e) => setNextDeadline(e.target.value)} />
            <DateInWords type="datetime-local" value={nextDeadline} />
          </label>
          <button className="button ghost" type="submit">{t('polls.nextRound')}</button>
        </form>
      )}
      <FormError message={submission.message} />
    </article>
  );
}

function BlockAnswer({ reason, onAnswer }: { reason: string; onAnswer(answer: string): Promise<unknown> }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState('');
  return (
    <form className="inline-form" onSubmit={(e) => {
      e.preventDefault();
      void onAnswer(answer);
    }}>
      <label>
        {t('polls.answer')} — “{reason}” <input value={answer} onChange={(e) => setAnswer(e.target.value)} />
      </label>
      <button className="button ghost" type="submit">{t('polls.vote')}</button>
    </form>
  );
}
