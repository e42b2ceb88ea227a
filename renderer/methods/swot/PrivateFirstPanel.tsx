import { useState } from 'react';
import '../../styles/private-first.css';
import { revealPrivateRound } from '../../actions/private-first.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useI18n } from '../../i18n/index.tsx';
import { usePrivateRound } from '../../state/use-private-round.ts';
import { useSignedIn } from '../../state/use-session.tsx';
import { PrivateEntriesForm } from './PrivateEntriesForm.tsx';
import { RevealedEntries } from './RevealedEntries.tsx';
import { StartPrivateRoundForm } from './StartPrivateRoundForm.tsx';

interface Props {
  activityId: string;
  facilitator: boolean;
  /** Contributors and facilitators write entries; viewers only watch. */
  canWrite: boolean;
}

/**
 * The board's "private first" round: the facilitator starts it, members write alone
 * (sealed on the relay), everyone sees who has taken part, and after the reveal the
 * facilitator puts the entries on the board.
 */
export function PrivateFirstPanel({ activityId, facilitator, canWrite }: Props) {
  const { t, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const { round, loaded, reload, replace } = usePrivateRound(api, activityId);
  const submission = useSubmit();
  const [starting, setStarting] = useState(false);
  if (!loaded || (!round && !facilitator)) return null;

  const reveal = (pollId: string) => submission.run(async () => replace(await revealPrivateRound(api, pollId)));
  const taken = round?.participation.taken ?? [];
  const sealed = round?.status === 'open';

  return (
    <section className="private-first card" aria-labelledby="private-first-title" data-testid="private-first">
      <div className="section-head">
        <h3 id="private-first-title">
          {t('privateFirst.title')}
          {round ? `: ${round.question}` : ''}
        </h3>
        {facilitator && !starting && !sealed && (
          <button type="button" className="button" onClick={() => setStarting(true)}>
            {round ? t('privateFirst.startAnother') : t('privateFirst.start')}
          </button>
        )}
      </div>
      {(!round || starting) && <p className="muted small">{t('privateFirst.intro')}</p>}
      {starting && (
        <StartPrivateRoundForm
          activityId={activityId}
          onCancel={() => setStarting(false)}
          onStarted={() => {
            setStarting(false);
            void reload();
          }}
        />
      )}
      {round && !starting && (
        <>
          {sealed && <p className="muted small">{t('privateFirst.sealed', { when: formatDateTime(round.deadline) })}</p>}
          <p data-testid="private-participation">
            {taken.length > 0
              ? t('privateFirst.takenNames', { n: taken.length, total: round.participation.eligible, names: taken.map((p) => p.name).join(', ') })
              : t('privateFirst.taken', { n: 0, total: round.participation.eligible })}
          </p>
          {sealed && round.mine.taken && <p className="notice">{round.anonymous ? t('privateFirst.mineFinal') : t('privateFirst.mine')}</p>}
          {sealed && canWrite && !(round.anonymous && round.mine.taken) && <PrivateEntriesForm key={round.id} poll={round} onSent={replace} />}
          {sealed && facilitator && (
            <div className="form-actions">
              <ConfirmButton
                question={t(round.anonymous ? 'privateFirst.revealConfirmAnonymous' : 'privateFirst.revealConfirm', { n: taken.length, total: round.participation.eligible })}
                confirm={t('privateFirst.revealYes')}
                onConfirm={() => void reveal(round.id)}
              >
                {t('privateFirst.reveal')}
              </ConfirmButton>
            </div>
          )}
          {!sealed && <RevealedEntries poll={round} facilitator={facilitator} />}
        </>
      )}
      <FormError message={submission.message} />
    </section>
  );
}
