import { useState } from 'react';
import '../../styles/decide.css';
import type { Activity } from '#core/api/activities';
import { RefusalNotice } from '../../components/Field.tsx';
import { useSignedIn } from '../../state/use-session.tsx';
import { usePolls } from '../../state/use-polls.ts';
import { DecisionSection } from './DecisionSection.tsx';
import { NewPollForm } from './NewPollForm.tsx';
import { PollCard } from './PollCard.tsx';
import { useI18n } from '../../i18n/index.tsx';

/**
 * The Decide tab: the activity's polls (sealed until revealed) and its decision record.
 * Everything here comes from the relay's API; nothing of it is in the shared document.
 */
/** `onActivityChanged`: the activity's status moved (a poll opened, the decision was published). */
export function DecidePanel({ activity, onActivityChanged }: { activity: Activity; onActivityChanged(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { polls, decision, error, reload, replace, setDecision } = usePolls(api, activity.id);
  const [creating, setCreating] = useState(false);
  const canFacilitate = activity.myRole === 'facilitator';
  const canVote = activity.myRole !== 'viewer';
  return (
    <div className="decide" data-testid="decide-panel">
      <section aria-labelledby="polls-title">
        <div className="section-head">
          <h2 id="polls-title">{t('polls.title')}</h2>
          {canFacilitate && !decision && !creating && (
            <button className="button primary" type="button" onClick={() => setCreating(true)}>{t('polls.newPoll')}</button>
          )}
        </div>
        <p className="muted">{t('polls.sealedNote')}</p>
        {creating && (
          <NewPollForm
            activityId={activity.id}
            question={activity.question}
            onCancel={() => setCreating(false)}
            onOpened={() => {
              setCreating(false);
              void reload();
              onActivityChanged();
            }}
          />
        )}
        {polls?.length === 0 && !creating && <p className="muted">{t('polls.none')}</p>}
        {polls?.map((poll) => (
          <PollCard key={poll.id} poll={poll} canVote={canVote} canFacilitate={canFacilitate} onChange={(view) => (view ? replace(view) : void reload())} />
        ))}
        {error && <RefusalNotice error={error} />}
      </section>
      <DecisionSection
        activityId={activity.id}
        decision={decision}
        canFacilitate={canFacilitate}
        canEdit={canVote}
        onChange={(record) => {
          setDecision(record);
          void reload();
          onActivityChanged();
        }}
      />
    </div>
  );
}
