import { useId } from 'react';
import { useI18n } from '../i18n/index.tsx';

/** One figure against its limit: a meter with its words ("4 of 5"), or the figure alone when there is no limit. */
export function UsageMeter({ label, used, max, format = String }: { label: string; used: number; max: number | null; format?: (n: number) => string }) {
  const { t } = useI18n();
  const id = useId();
  if (max === null) return <span>{format(used)}</span>;
  const words = t('organization.meterOf', { used: format(used), max: format(max) });
  const ratio = max === 0 ? 1 : used / max;
  return (
    <span className="usage-meter">
      <meter id={id} min={0} max={max} low={max * 0.8} high={max * 0.99} optimum={0} value={Math.min(used, max)} aria-label={`${label}: ${words}`} />
      <label htmlFor={id} className={ratio >= 1 ? 'usage-full' : undefined}>
        {words}
      </label>
    </span>
  );
}
