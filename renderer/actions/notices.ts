import type { ApiClient } from '../api/client.ts';
import { markAlertRead } from '../api/figures.ts';
import { readIdeaNotice } from '../api/ideas.ts';
import { readActivityNotice, readDecisionNotice } from '../api/notices.ts';
import type { Notice } from '../state/use-notices.ts';

/** Marks one notice read on the relay (a notice already read stays as it was). */
export async function markNoticeRead(api: ApiClient, notice: Notice): Promise<void> {
  if (notice.read) return;
  if (notice.source === 'decision') await readDecisionNotice(api, notice.id);
  else if (notice.source === 'idea') await readIdeaNotice(api, notice.id);
  else if (notice.source === 'activity') await readActivityNotice(api, notice.id);
  else await markAlertRead(api, notice.id);
}

/** Marks every unread notice read, one after another. */
export async function markAllNoticesRead(api: ApiClient, notices: readonly Notice[]): Promise<void> {
  for (const notice of notices) await markNoticeRead(api, notice);
}

/**
 * A native notification in the desktop app (the preload bridge, core/bridge.ts); in a
 * browser there is none and the bell alone shows it. Clicking one about a decision, a
 * mention, a vote or an invitation opens its activity.
 */
export async function notifyDesktop(title: string, body: string, notice: Notice): Promise<boolean> {
  if (!window.conclave) return false;
  const activityId = notice.source === 'decision' || notice.source === 'activity' ? notice.activityId : undefined;
  try {
    const { shown } = await window.conclave.showNotification({ title: title.slice(0, 200), body: body.slice(0, 1000), ...(activityId ? { activityId } : {}) });
    return shown;
  } catch {
    return false;
  }
}
