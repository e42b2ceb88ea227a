import type { PollView, RoundView } from '#core/api/poll-view';
import type { Ballot } from '#core/api/polls';
import { resultLines } from '#core/decisions/result-lines';
import { usePollText } from './strings.ts';

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
  const t = usePollText();
  if (!round.result) return null;
  return (
    <section className="poll-results" aria-label={`${t('results')} – ${t('round', { n: round.round })}`}>
      <h4>{poll.rounds.length > 1 ? `${t('results')} – ${t('round', { n: round.round })}` : t('results')}</h4>
      <ul data-testid="result-lines">
        {resultLines(round.result).lines.map((line, i) => <li key={i}>{line}</li>)}
      </ul>
      {round.changedInput && (
        <p className="muted">
          {round.changedInput.length > 0 ? t('changed', { names: round.changedInput.map((p) => p.name).join(', ') }) : t('nobodyChanged')}
        </p>
      )}
      {round.choices && round.choices.length > 0 && (
        <details>
          <summary>{t('whoChose')}</summary>
          <ul>
            {round.choices.map((c) => <li key={c.userId}>{c.name}: {describe(c.ballot)}</li>)}
          </ul>
        </details>
      )}
    </section>
  );
}
