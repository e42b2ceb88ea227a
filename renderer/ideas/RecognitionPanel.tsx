import { useEffect, useState } from 'react';
import { setIdeaCredit } from '../actions/idea-funnel.ts';
import { ideaCredit, recognition } from '../api/idea-funnel.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** Authors' points and badges, the hall of fame of implemented ideas, and the reader's consent to be named there. */
export function RecognitionPanel({ boxId }: { boxId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const loaded = useAsync(() => recognition(api, boxId), [api, boxId]);
  const credit = useAsync(() => ideaCredit(api), [api]);
  const [named, setNamed] = useState(false);
  useEffect(() => setNamed(credit.data?.credit ?? false), [credit.data]);
  const data = loaded.data;
  return (
    <section className="card side-card" aria-labelledby="recognition-title">
      <h2 id="recognition-title">{t('ideas.recognition.title')}</h2>
      <ol className="contributors">
        {(data?.authors ?? []).slice(0, 10).map((a) => (
          <li key={a.id}>
            <a href={hrefOf({ name: 'idea-author', boxId, userId: a.id })}>{a.name}</a>{' '}
            <span className="muted small">{t('ideas.recognition.points', { points: a.points })}</span>
            <span className="badges">
              {a.badges.map((b) => (
                <span key={b} className="badge small">
                  {t(`ideas.badge.${b}`)}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <h3 className="small-heading">{t('ideas.recognition.hall')}</h3>
      {data && data.hallOfFame.length === 0 && <p className="muted small">{t('ideas.recognition.hallEmpty')}</p>}
      <ul className="hall-of-fame">
        {(data?.hallOfFame ?? []).map((h) => (
          <li key={h.ideaId}>
            <a href={hrefOf({ name: 'idea', boxId, ideaId: h.ideaId })}>{h.title}</a> — <span className="muted small">{h.author ?? t('ideas.recognition.anonymous')}</span>
          </li>
        ))}
      </ul>
      <label className="check small">
        <input
          type="checkbox"
          checked={named}
          onChange={(e) => {
            const on = e.target.checked;
            setNamed(on);
            void setIdeaCredit(api, on).then(() => loaded.reload(), () => setNamed(!on));
          }}
        />{' '}
        {t('ideas.recognition.credit')}
      </label>
    </section>
  );
}
