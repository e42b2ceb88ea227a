import type { PollView, RoundView } from '#core/api/poll-view';
import type { Ballot } from '#core/api/polls';
import { resultLines } from '#core/decisions/result-lines';
import { lineText } from '#core/decisions/result-text';
import { useI18n } from '../../i18n/index.tsx';
import { ResultBarsView } from './ResultBarsView.tsx';

const describe = (ballot: Ballot): string => {
  if ('choice' in ballot) return ballot.choice;
  if ('ranking' in ballot) return ballot.ranking.join(' > ');
  if ('dots' in ballot) return Object.entries(ballot.dots).map(([o, n]) => `${o} ×${n}`).join(', ');
  if ('position' in ballot) return ballot.reason ? `${ballot.position}: ${ballot.reason}` : ballot.position;
  if ('scores' in ballot) return Object.entries(ballot.scores).map(([o, s]) => `${o} (${Object.values(s).join('/')})`).join(', ');
  if ('entries' in ballot) return ballot.entries.map((e) => e.text).join('; ');
  return String(ballot.value);
};

/** A revealed round: the method's result, who chose what (named polls), who changed. */
export function PollResults({ poll, round }: { poll: PollView; round: RoundView }) {
  const { t } = useI18n();
  if (round.uncounted) return <p className="notice" role="status" data-testid="uncounted">{t('polls.uncounted')}</p>;
  if (!round.result) return null;
  return (
    <section className="poll-results" aria-label={`${t('polls.results')} – ${t('polls.round', { n: round.round })}`}>
      <h4>{poll.rounds.length > 1 ? `${t('polls.results')} – ${t('polls.round', { n: round.round })}` : t('polls.results')}</h4>
      <ResultBarsView definition={poll.definition} result={round.result} />
      <ul data-testid="result-lines">
        {resultLines(round.result).lines.map((line, i) => <li key={i}>{lineText(line, t)}</li>)}
      </ul>
      {round.changedInput && (
        <p className="muted">
          {round.changedInput.length > 0 ? t('polls.changed', { names: round.changedInput.map((p) => p.name).join(', ') }) : t('polls.nobodyChanged')}
        </p>
      )}
      {round.choices && round.choices.length > 0 && (
        <details>
          <summary>{t('polls.whoChose')}</summary>
          <ul>
            {round.choices.map((c) => <li key={c.userId}>{c.name}: {describe(c.ballot)}</li>)}
          </ul>
        </details>
      )}
    </section>
  );
}
