import { useState } from 'react';
import type * as Y from 'yjs';
import type { ActivityRole, HistoryEntry } from '#core/api/activities';
import { methodKindOf, type MethodKind } from '#core/doc/board-methods';
import { history } from '../api/endpoints.ts';
import { Avatar } from '../components/Avatar.tsx';
import { useI18n, type Translate } from '../i18n/index.tsx';
import { boardMethodViews } from '../methods/registry.ts';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { FormError, RefusalNotice } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { TimelinePanel } from '../history/TimelinePanel.tsx';

/**
 * Names a changed part of the document in words. The relay logs the root and, under
 * `methods`, the board's id (`methods/swot`, `methods/<random id>`: see
 * server/sync/summary.ts); the board's kind is read from the document here.
 */
export function describePart(path: string, t: Translate, kindOf: (boardId: string) => MethodKind | null): string {
  if (path === 'brief' || path === 'root') return t('history.part.brief');
  if (path === 'comments') return t('history.part.comments');
  if (path === 'meta') return t('history.part.meta');
  if (path === 'methods' || path.startsWith('methods/')) {
    const kind = kindOf(path.slice('methods/'.length));
    return t(kind ? boardMethodViews[kind].historyPart : 'history.part.board');
  }
  return t('history.part.other', { name: path });
}

/**
 * The activity's past: the time machine (TimelinePanel: any moment, as it was, and
 * restores), then the list of who changed what and when, from the relay's update log.
 */
export function HistoryPanel({ activityId, doc, role }: { activityId: string; doc: Y.Doc; role: ActivityRole }) {
  const { t, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const first = useAsync(() => history(api, activityId), [api, activityId]);
  const [older, setOlder] = useState<{ entries: HistoryEntry[]; next: number | null } | null>(null);
  const entries = [...(first.data?.entries ?? []), ...(older?.entries ?? [])];
  const next = older ? older.next : (first.data?.next ?? null);

  const loading = useSubmit();
  const more = () =>
    loading.run(async () => {
      if (next === null) return;
      const page = await history(api, activityId, next);
      setOlder({ entries: [...(older?.entries ?? []), ...page.entries], next: page.next });
    });

  const describe = (e: HistoryEntry) => {
    const parts = [...new Set(e.summary.map((p) => describePart(p, t, (id) => methodKindOf(doc, id))))];
    return `${e.userName} ${parts.length === 0 ? t('history.created') : t('history.changed', { what: parts.join(', ') })}`;
  };
  const restored = () => {
    setOlder(null);
    first.reload();
  };

  return (
    <>
      <TimelinePanel activityId={activityId} entries={entries} doc={doc} role={role} describe={describe} onRestored={restored} />
      <section className="card history" aria-labelledby="history-title">
        <h2 id="history-title">{t('history.title')}</h2>
        {first.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {first.status === 'failed' && <RefusalNotice error={first.error} />}
        {first.status === 'ready' && entries.length === 0 && <p className="muted">{t('history.empty')}</p>}
        <ol className="timeline" data-testid="history">
          {entries.map((e) => {
            const parts = [...new Set(e.summary.map((p) => describePart(p, t, (id) => methodKindOf(doc, id))))];
            return (
              <li key={e.id} className="timeline-entry" data-testid="history-entry">
                <Avatar id={e.userId} name={e.userName} size="sm" />
                <div>
                  <p>
                    <strong>{e.userName}</strong>{' '}
                    {parts.length === 0 ? t('history.created') : t('history.changed', { what: parts.join(', ') })}
                  </p>
                  <p className="muted small">
                    {e.since !== e.at && (
                      <>
                        <time dateTime={e.since}>{formatDateTime(e.since)}</time> –{' '}
                      </>
                    )}
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    {e.updates > 1 && <> · {t('history.updates', { count: e.updates })}</>}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
        {next !== null && (
          <button type="button" className="button ghost" onClick={() => void more()}>
            {t('history.more')}
          </button>
        )}
        <FormError message={loading.message} />
      </section>
    </>
  );
}
