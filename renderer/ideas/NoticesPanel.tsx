import type { IdeaNotice } from '#core/api/ideas';
import { markNoticeRead } from '../actions/ideas.ts';
import { FormError } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { ideaNoticeText } from '../notices/idea-notice-text.ts';
import { useIdeaNotices } from '../state/use-idea-notices.ts';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** What became of my ideas and comments: every answer, with its reason; unread ones stand out. */
export function NoticesPanel({ boxId }: { boxId?: string }) {
  const { t, formatRelative } = useI18n();
  const { api } = useSignedIn();
  const notices = useIdeaNotices(api);
  const shown = (notices.data?.notices ?? []).filter((n) => !boxId || n.activityId === boxId);
  const submission = useSubmit();
  const read = (n: IdeaNotice) =>
    submission.run(async () => {
      await markNoticeRead(api, n.id);
      notices.reload();
    });
  return (
    <section className="card side-card" aria-labelledby="notices-title" data-testid="idea-notices">
      <h2 id="notices-title">{t('ideas.notices')}</h2>
      {notices.status === 'ready' && shown.length === 0 && <p className="muted small">{t('ideas.notices.none')}</p>}
      <ul className="notices">
        {shown.slice(0, 20).map((n) => (
          <li key={n.id} className={n.readAt ? 'read' : 'unread'} data-testid="idea-notice">
            <a href={hrefOf({ name: 'idea', boxId: n.activityId, ideaId: n.ideaId })}>{ideaNoticeText(t, { ...n, title: n.ideaTitle, otherTitle: n.otherIdea?.title ?? null, comment: n.comment?.text ?? null })}</a>
            {n.comment && <p className="notice-quote">{t('ideaComments.notice.quote', { text: n.comment.text })}</p>}
            {n.reason && !(n.comment && n.kind === 'hidden') && <p className="notice-reason">{t('ideas.reasonSaid', { reason: n.reason })}</p>}
            <span className="muted small">{formatRelative(n.at)}</span>
            {!n.readAt && (
              <button type="button" className="button ghost small" onClick={() => void read(n)}>
                {t('ideas.notice.read')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError message={submission.message} />
    </section>
  );
}
