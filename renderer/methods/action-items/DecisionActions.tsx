import type { DecisionRecord } from '#core/api/decisions';
import { assignFromDecision } from '../../actions/action-items.ts';
import { getDecision } from '../../api/polls.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSignedIn } from '../../state/use-session.tsx';
import { AssignActionForm } from './AssignActionForm.tsx';
import { formatDay } from './day.ts';

interface Props {
  activityId: string;
  record: DecisionRecord;
  canAdd: boolean;
  onChange(record: DecisionRecord): void;
}

/**
 * The action items on the decision record, and, for whoever edits, one form to assign the
 * next one (title, owner, due day): one click writes it into the activity's live board
 * through the relay (POST /api/activities/:id/actions), linked to the decision.
 */
export function DecisionActions({ activityId, record, canAdd, onChange }: Props) {
  const { t, locale } = useI18n();
  const { api } = useSignedIn();
  const actions = record.actions ?? [];
  const refresh = async () => {
    const fresh = await getDecision(api, activityId);
    if (fresh) onChange(fresh);
  };
  return (
    <section className="decision-actions" aria-labelledby="decision-actions-title" data-testid="decision-actions">
      <h3 id="decision-actions-title">{t('actions.title')}</h3>
      {actions.length === 0 ? (
        <p className="muted small">{t('actions.none')}</p>
      ) : (
        <ul>
          {actions.map((a) => (
            <li key={a.id} data-testid="decision-action">
              {a.title} · {a.ownerName} · {t('actions.dueOn', { day: formatDay(locale, a.due) })} · {t(`actions.status.${a.status}`)}
            </li>
          ))}
        </ul>
      )}
      {canAdd && <AssignActionForm activityId={activityId} label={t('actions.assign')} assign={(input) => assignFromDecision(api, activityId, input)} onAssigned={refresh} />}
    </section>
  );
}
