import type { PollDefinition } from '#core/api/polls';
import { resultBars } from '#core/methods/bars';
import { defaultScale, type PollResult } from '#core/methods/tally';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

/** A revealed round drawn as bars, each with its count in words ("3 votes", "7.3 / 10"). */
export function ResultBarsView({ definition, result }: { definition: PollDefinition; result: PollResult }) {
  const { t } = useI18n();
  const scaleMax = definition.kind === 'matrix' ? (definition.scale ?? defaultScale).max : defaultScale.max;
  const drawn = resultBars(result, scaleMax);
  if (!drawn) return null;
  const label = (l: string) => (result.kind === 'consent' ? t(`polls.position.${l}` as MessageKey) : l);
  return (
    <ul className="result-bars" data-testid="result-bars">
      {drawn.bars.map((bar) => {
        const count = t(`polls.bar.${drawn.unit}` as MessageKey, { n: bar.value, max: scaleMax });
        return (
          <li key={bar.label} className={bar.winner ? 'result-bar winner' : 'result-bar'}>
            <span className="result-bar-label">{label(bar.label)}</span>
            <span className="result-bar-track" aria-hidden="true">
              <span className="result-bar-fill" style={{ width: `${Math.round((bar.value / drawn.max) * 100)}%` }} />
            </span>
            <span className="result-bar-count">{count}</span>
          </li>
        );
      })}
    </ul>
  );
}
