import { useEffect, useMemo } from 'react';
import { Activity } from '#core/api/activities';
import { ApiError } from '../api/client.ts';
import { getActivity, listActivityPeople } from '../api/endpoints.ts';
import { orRemembered } from '../api/offline-cache.ts';
import { ActivityFilesProvider } from '../attachments/activity-files.tsx';
import { OpenedFile } from '../attachments/OpenedFile.tsx';
import { PageNotesProvider } from '../attachments/page-notes.tsx';
import { PresentationPanel } from '../present/PresentationPanel.tsx';
import { CommentsPanel } from '../comments/CommentsPanel.tsx';
import { ConnectionBadge } from '../components/ConnectionBadge.tsx';
import { PresenceBar } from '../components/PresenceBar.tsx';
import { ReadOnlyNotice } from '../components/ReadOnlyNotice.tsx';
import { StatusPicker } from '../components/StatusPicker.tsx';
import { UndoNotice } from '../components/UndoNotice.tsx';
import { RoleBadge, StatusBadge } from '../components/StatusBadge.tsx';
import { BriefEditor } from '../editor/BriefEditor.tsx';
import { FilesPanel } from '../files/FilesPanel.tsx';
import { useI18n } from '../i18n/index.tsx';
import { DecidePanel } from '../methods/polls/DecidePanel.tsx';
import { orderedMethodViews } from '../methods/registry.ts';
import { boardOrderOf } from '#core/doc/templates';
import { metaOf } from '#core/doc/schema';
import { useDocValue } from '../state/use-doc-value.ts';
import { SaveAsTemplate } from '../templates/SaveAsTemplate.tsx';
import { useActivitySession, useConnection } from '../state/use-activity-session.ts';
import { useAsync } from '../state/use-async.ts';
import { usePresence } from '../state/use-presence.ts';
import { hrefOf, type ActivityTab } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import type { ActivitySession } from '../sync/activity-session.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import { RemovedActivity } from './RemovedActivity.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { ActivityTitle } from './ActivityTitle.tsx';
import { DownloadEverythingButton } from './DownloadEverythingButton.tsx';

/** An open activity: header (question, connection, who is here), then its sections. */
export function ActivityScreen({ id, tab }: { id: string; tab: ActivityTab }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  // Offline, the activity opens from what this device remembers of it.
  const activity = useAsync(
    () => orRemembered(`activity.${id}`, Activity, () => getActivity(api, id), (e) => e instanceof ApiError && e.code === 'network'),
    [api, id],
  );

  if (activity.status === 'loading') return <Loading />;
  if (activity.status === 'failed') {
    return (
      <main id="main" className="page">
        <p role="alert" className="notice">{t('activity.notFound')}</p>
        <a href={hrefOf({ name: 'activities' })}>{t('activity.back')}</a>
      </main>
    );
  }
  // Its plan's retention removed the content: nothing to connect to, only what stays.
  if (activity.data.contentRemoved) return <RemovedActivity activity={activity.data} removed={activity.data.contentRemoved} reload={activity.reload} />;
  return <LiveActivity activity={activity.data} tab={tab} reload={activity.reload} />;
}

function Loading() {
  const { t } = useI18n();
  return <main id="main" className="page"><p className="muted">{t('app.loading')}</p></main>;
}

function LiveActivity({ activity, tab, reload }: { activity: Activity; tab: ActivityTab; reload(): void }) {
  const { api, me } = useSignedIn();
  const session = useActivitySession(api, activity.id, me.id);
  if (!session) return <Loading />;
  return (
    <ActivityFilesProvider activityId={activity.id}>
      <OpenActivity key={session.serial} activity={activity} session={session} tab={tab} reload={reload} />
    </ActivityFilesProvider>
  );
}

function OpenActivity({ activity, session, tab, reload }: { activity: Activity; session: ActivitySession; tab: ActivityTab; reload(): void }) {
  const { t } = useI18n();
  const { api, me } = useSignedIn();
  const connection = useConnection(session);
  const self = useMemo(() => ({ id: me.id, name: me.name }), [me.id, me.name]);
  const present = usePresence(session.awareness, self);
  // Who may be mentioned: the people taking part in this activity (not the whole organisation, not oneself).
  const people = useAsync(
    async () => (await listActivityPeople(api, activity.id)).filter((p) => p.userId !== me.id).map((p) => ({ id: p.userId, name: p.name })),
    [api, activity.id, me.id],
  );
  const viewer = activity.myRole === 'viewer';
  const canEdit = !viewer && connection.link !== 'revoked';
  // The order the activity's template gave its boards (the relay's seed; it never changes after).
  const boardOrder = useDocValue(metaOf(session.doc), () => boardOrderOf(session.doc));

  // A role may have changed while we were away: the relay tells us by closing the socket.
  useEffect(() => {
    session.on('reconnected', reload);
    // Retention removed the content: the activity reads again as its tombstone.
    session.on('removed', reload);
    const timer = setInterval(() => document.visibilityState === 'visible' && reload(), 20_000);
    return () => {
      session.off('reconnected', reload);
      session.off('removed', reload);
      clearInterval(timer);
    };
  }, [session, reload]);

  const tabs: { id: ActivityTab; label: string }[] = [
    { id: 'work', label: t('activity.tab.work') },
    { id: 'decide', label: t('polls.tab') },
    { id: 'files', label: t('activity.tab.files') },
    { id: 'history', label: t('activity.tab.history') },
    { id: 'members', label: t('activity.tab.members') },
  ];

  return (
    <PageNotesProvider doc={session.doc} awareness={session.awareness} actor={self} canEdit={canEdit} facilitator={activity.myRole === 'facilitator'} people={people.data ?? []}>
      <main id="main" className="page activity">
        <div className="activity-head">
          <div className="activity-head-main">
            <ActivityTitle title={activity.title} question={activity.question} />
            <div className="activity-badges">
              {activity.myRole === 'facilitator' ? (
                <StatusPicker activityId={activity.id} status={activity.status} onChanged={reload} />
              ) : (
                <StatusBadge status={activity.status} />
              )}
              <span className="visually-hidden">{t('activity.yourRole', { role: t(`role.${activity.myRole}`) })}</span>
              <RoleBadge role={activity.myRole} />
              <DownloadEverythingButton activityId={activity.id} />
              {activity.myRole === 'facilitator' && activity.status !== 'archived' && me.rights.includes('createActivities') && <SaveAsTemplate activityId={activity.id} />}
            </div>
          </div>
          <div className="activity-head-side">
            <ConnectionBadge state={connection} />
            <PresenceBar present={present} />
          </div>
        </div>
        <ReadOnlyNotice viewer={viewer} denied={viewer ? null : connection.denied} refused={viewer ? null : connection.refusedChange} />
        <PresentationPanel awareness={session.awareness} />
        <nav className="tabs" aria-label={t('activity.tabs')}>
          {tabs.map((x) => (
            <a key={x.id} href={hrefOf({ name: 'activity', id: activity.id, tab: x.id })} aria-current={tab === x.id ? 'page' : undefined} className="tab">
              {x.label}
            </a>
          ))}
        </nav>
        {/* The work area stays mounted: the brief's editor owns the start of the session. */}
        <div className="work-area" hidden={tab !== 'work'}>
          <div className="work-main">
            <BriefEditor session={session} me={self} canEdit={canEdit} />
            {orderedMethodViews(boardOrder).map(([kind, { Boards }]) => (
              <Boards
                key={kind}
                doc={session.doc}
                awareness={session.awareness}
                actor={self}
                canEdit={canEdit}
                present={present}
                activityId={activity.id}
                facilitator={activity.myRole === 'facilitator'}
              />
            ))}
          </div>
          <aside className="work-side">
            <CommentsPanel
              doc={session.doc}
              actor={self}
              canEdit={canEdit}
              facilitator={activity.myRole === 'facilitator'}
              people={people.data ?? []}
            />
          </aside>
        </div>
        <UndoNotice doc={session.doc} />
        {tab === 'decide' && <DecidePanel activity={activity} onActivityChanged={reload} />}
        {tab === 'files' && <FilesPanel activityId={activity.id} archived={activity.status === 'archived'} />}
        {tab === 'history' && <HistoryPanel activityId={activity.id} doc={session.doc} role={activity.myRole} />}
        {tab === 'members' && <MembersPanel activityId={activity.id} canManage={activity.myRole === 'facilitator'} />}
        <OpenedFile />
      </main>
    </PageNotesProvider>
  );
}
