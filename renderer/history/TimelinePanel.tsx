import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { ActivityRole, HistoryEntry } from '#core/api/activities';
import { RefusalNotice } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useMoment } from '../state/use-moment.ts';
import { changesBetween } from './moment-diff.ts';
import { MomentView } from './MomentView.tsx';
import { RestoreButton } from './RestoreButton.tsx';

/**
 * Walk back through the activity: a slider over the history's moments (each the end of
 * one person's run of changes) with earlier/later steps; the activity as it was then,
 * read-only, with what that person changed marked; restores for who may.
 */
export function TimelinePanel(props: {
  activityId: string;
  /** Loaded history entries, newest first (HistoryPanel). */
  entries: HistoryEntry[];
  doc: Y.Doc;
  role: ActivityRole;
  describe(entry: HistoryEntry): string;
  onRestored(): void;
}) {
  const { t, formatDateTime } = useI18n();
  const moments = useMemo(() => [...props.entries].reverse(), [props.entries]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  /** What the last restore did, announced (the button it came from may be gone). */
  const [outcome, setOutcome] = useState<'timeline.restored' | 'timeline.unchanged' | null>(null);
  const choose = (next: number) => {
    setChosen(next);
    setOutcome(null);
  };
  const index = Math.min(chosen ?? moments.length - 1, moments.length - 1);
  const entry = index >= 0 ? moments[index]! : null;
  const previous = index > 0 ? moments[index - 1]! : null;
  const moment = useMoment(props.activityId, entry?.at ?? null, previous?.at ?? null, version);
  if (!entry) return null;
  const shown = moment.data;
  const marks = shown ? changesBetween(shown.before, shown.now) : new Map();
  const restored = (changed: boolean) => {
    setOutcome(changed ? 'timeline.restored' : 'timeline.unchanged');
    setVersion((v) => v + 1);
    props.onRestored();
  };
  const facilitator = props.role === 'facilitator';

  return (
    <section className="card time-machine" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <div className="timeline-controls">
        <button type="button" className="button ghost" disabled={index <= 0} onClick={() => choose(Math.max(0, index - 1))}>
          {t('timeline.earlier')}
        </button>
        <input
          type="range"
          min={0}
          max={Math.max(0, moments.length - 1)}
          step={1}
          value={index}
          aria-label={t('timeline.moment')}
          aria-valuetext={formatDateTime(entry.at)}
          onChange={(e) => choose(Number(e.currentTarget.value))}
        />
        <button type="button" className="button ghost" disabled={index >= moments.length - 1} onClick={() => choose(index + 1)}>
          {t('timeline.later')}
        </button>
      </div>
      <p className="timeline-when" data-testid="timeline-when">
        <strong>{t('timeline.asOf', { when: formatDateTime(entry.at) })}</strong>
        <br />
        <span className="mark-changed-inline">{props.describe(entry)}</span>
      </p>
      <p className="muted small">{t('timeline.readOnly')}</p>
      {shown && !shown.now.exact && shown.now.asOf && (
        <p className="muted small">{t('timeline.notExact', { when: formatDateTime(shown.now.asOf) })}</p>
      )}
      {shown && props.role === 'contributor' && shown.now.yours === null && (
        <p className="muted small" data-testid="yours-unknown">
          {t('timeline.yoursUnknown')}
        </p>
      )}
      {facilitator && (
        <RestoreButton
          activityId={props.activityId}
          at={entry.at}
          label={t('timeline.restoreAll')}
          labelShown
          what={t('timeline.theActivity')}
          onRestored={restored}
        />
      )}
      <p role="status" className="restore-outcome" data-testid="restore-outcome">
        {outcome && t(outcome)}
      </p>
      {moment.status === 'failed' && <RefusalNotice error={moment.error} />}
      {!shown && moment.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {shown && (
        <MomentView
          activityId={props.activityId}
          at={entry.at}
          content={shown.now}
          before={shown.before}
          marks={marks}
          doc={props.doc}
          facilitator={facilitator}
          contributor={props.role === 'contributor'}
          onRestored={restored}
        />
      )}
    </section>
  );
}
