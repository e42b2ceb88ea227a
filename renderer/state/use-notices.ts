import { useEffect } from 'react';
import type { IdeaNoticeKind, IdeaStatus } from '#core/api/ideas';
import type { ApiClient } from '../api/client.ts';
import { figuresAccess, listAlerts } from '../api/figures.ts';
import { ideaNotices } from '../api/ideas.ts';
import type { ActivityNoticeKind } from '#core/api/notifications';
import { activityNotices, decisionNotices, waitForNotices } from '../api/notices.ts';
import { useAsync } from './use-async.ts';
import { hrefOf } from './use-route.ts';
import { useSignedIn } from './use-session.tsx';

/** After a failed wait (offline, relay restarting), the bell tries again this much later; focus asks at once. */
const retryMs = 15_000;

/** One in-app notice, whichever part of the relay keeps it. */
export type Notice =
  | (Common & { source: 'decision'; id: number; kind: string; title: string; activityId: string })
  | (Common & { source: 'idea'; id: number; kind: IdeaNoticeKind; title: string; status: IdeaStatus | null; reason: string | null; otherTitle: string | null; comment: string | null })
  | (Common & { source: 'figure'; id: string; kind: string; text: string })
  | (Common & { source: 'activity'; id: number; kind: ActivityNoticeKind; title: string; actor: string | null; about: string; activityId: string });

interface Common {
  /** Unique across sources, for lists. */
  key: string;
  /** Where opening it leads. */
  href: string;
  at: string;
  read: boolean;
}

/** A source that fails (the relay refuses, a network blip) leaves the others shown. */
const orNothing = <T>(work: Promise<T[]>) => work.catch((): T[] => []);

export async function loadNotices(api: ApiClient): Promise<Notice[]> {
  const [decisions, ideas, alerts, activities] = await Promise.all([
    orNothing(decisionNotices(api)),
    orNothing(ideaNotices(api).then((r) => r.notices)),
    // Figure alerts are the controllers' own; others are not asked for them.
    orNothing(figuresAccess(api).then((controller) => (controller ? listAlerts(api) : []))),
    orNothing(activityNotices(api)),
  ]);
  const all: Notice[] = [
    ...decisions.map((n): Notice => ({
      source: 'decision',
      key: `decision:${n.id}`,
      id: n.id,
      kind: n.kind,
      title: n.activityTitle,
      activityId: n.activityId,
      href: hrefOf({ name: 'activity', id: n.activityId, tab: 'decide' }),
      at: n.createdAt,
      read: n.readAt !== null,
    })),
    ...ideas.map((n): Notice => ({
      source: 'idea',
      key: `idea:${n.id}`,
      id: n.id,
      kind: n.kind,
      title: n.ideaTitle,
      status: n.status,
      reason: n.reason,
      otherTitle: n.otherIdea?.title ?? null,
      comment: n.comment?.text ?? null,
      href: hrefOf({ name: 'idea', boxId: n.activityId, ideaId: n.ideaId }),
      at: n.at,
      read: n.readAt !== null,
    })),
    ...alerts.map((a): Notice => ({
      source: 'figure',
      key: `figure:${a.id}`,
      id: a.id,
      kind: a.kind,
      text: a.text,
      href: a.figureId ? hrefOf({ name: 'figure', id: a.figureId }) : hrefOf({ name: 'figures' }),
      at: a.createdAt,
      read: a.readAt !== null,
    })),
    ...activities.map((n): Notice => ({
      source: 'activity',
      key: `activity:${n.id}`,
      id: n.id,
      kind: n.kind,
      title: n.activityTitle,
      actor: n.actorName,
      about: n.about ?? '',
      activityId: n.activityId,
      href: hrefOf({ name: 'activity', id: n.activityId, tab: n.kind === 'vote_opening' || n.kind === 'vote_closing' ? 'decide' : 'work' }),
      at: n.createdAt,
      read: n.readAt !== null,
    })),
  ];
  return all.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** The signed-in person's notices, newest first, asked again on focus and every minute. */
export function useNotices() {
  const { api } = useSignedIn();
  const notices = useAsync(() => loadNotices(api), [api]);
  const { reload } = notices;
  useEffect(() => {
    // The relay answers a wait as soon as a notice of ours is written: the bell is live without polling.
    let live = true;
    let cursor: string | undefined;
    void (async () => {
      while (live) {
        try {
          const answer = await waitForNotices(api, cursor);
          if (live && answer.changed) reload();
          cursor = answer.cursor;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, retryMs));
        }
      }
    })();
    window.addEventListener('focus', reload);
    return () => {
      live = false;
      window.removeEventListener('focus', reload);
    };
  }, [api, reload]);
  const list = notices.data ?? [];
  return { notices: list, unread: list.filter((n) => !n.read).length, status: notices.status, reload };
}
