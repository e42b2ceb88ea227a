import type { DecisionRecord } from '#core/api/decisions';
import { roundsOf } from '#core/decisions/markdown';
import { resultLines } from '#core/decisions/result-lines';
import { lineText } from '#core/decisions/result-text';
import type { PollResult } from '#core/methods/tally';
import { useI18n } from '../../i18n/index.tsx';

/** The methods' results as the record keeps them: every revealed round, with how many took part. */
export function RecordedResults({ record }: { record: DecisionRecord }) {
  const { t } = useI18n();
  if (record.results.length === 0) return null;
  return (
    <section className="recorded-results" aria-label={t('polls.onRecord')}>
      <h3>{t('polls.onRecord')}</h3>
      {record.results.map((attached) => {
        const rounds = roundsOf(attached);
        return (
          <div key={attached.pollId} className="recorded-poll">
            <h4>{attached.question}</h4>
            {rounds.length === 0 && <p className="muted">{t('polls.noResult')}</p>}
            {rounds.map((round) => (
              <div key={round.round} data-testid="recorded-round">
                <p className="muted">
                  {rounds.length > 1 ? `${t('polls.round', { n: round.round })} · ` : ''}
                  {round.eligible === null ? '' : t('polls.tookPart', { n: round.participants, total: round.eligible })}
                </p>
                <ul>
                  {round.result ? resultLines(round.result as PollResult, 50).lines.map((line, i) => <li key={i}>{lineText(line, t)}</li>) : <li>{t('polls.noResult')}</li>}
                </ul>
              </div>
            ))}
          </div>
        );
      })}
    </section>
  );
}
