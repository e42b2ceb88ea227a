import type { CommentTexts } from '#core/campaigns/comment-texts';
import type { PageTexts } from '#core/campaigns/page-texts';
import { readNotices, type PageNotice } from './relay.ts';

/** How many of the participant's notices the page lists (the newest). */
const shownNotices = 10;

/**
 * What became of a participant's ideas and comments in this box (their in-app notices,
 * `GET /api/idea-notices`): a comment hidden by the team with its reason, approved or shown
 * again; an idea answered. The page is where a participant is, so they read it here.
 * Answers the ids of the comments these notices name (the participant's own).
 */
export async function showNews(boxId: string, signedIn: boolean, t: PageTexts, c: CommentTexts): Promise<Set<string>> {
  const panel = newsPanel(c);
  if (!panel) return new Set();
  const notices = signedIn ? ((await readNotices().catch(() => null))?.notices ?? []) : [];
  const mine = notices.filter((n) => n.activityId === boxId).slice(0, shownNotices);
  const list = panel.querySelector('ul');
  list?.replaceChildren(
    ...mine.map((n) => {
      const li = document.createElement('li');
      const line = document.createElement('p');
      line.textContent = noticeLine(n, t, c);
      li.append(line);
      if (n.comment) {
        const quote = document.createElement('p');
        quote.className = 'comment-text';
        quote.textContent = c.quote(n.comment.text);
        li.append(quote);
      }
      if (n.reason && !(n.kind === 'hidden')) {
        const reason = document.createElement('p');
        reason.textContent = c.news.reason(n.reason);
        li.append(reason);
      }
      return li;
    }),
  );
  panel.hidden = mine.length === 0;
  // The comments these notices are about are the participant's own.
  return new Set(notices.flatMap((n) => (n.comment ? [n.comment.id] : [])));
}

function noticeLine(n: PageNotice, t: PageTexts, c: CommentTexts): string {
  const title = n.ideaTitle;
  if (n.comment) {
    if (n.kind === 'hidden') return c.news.commentHidden(title, n.reason ?? '');
    if (n.kind === 'shown') return c.news.commentShown(title);
    return c.news.commentApproved(title);
  }
  if (n.kind === 'hidden') return c.news.ideaHidden(title, n.reason ?? '');
  if (n.kind === 'shown') return c.news.ideaShown(title);
  if (n.kind === 'approved') return c.news.ideaApproved(title);
  if (n.kind === 'status' && n.status) return c.news.ideaStatus(title, (t.status as Record<string, string>)[n.status] ?? n.status);
  return c.news.ideaOther(title);
}

/** The panel, made once beside the participant's own (its words in the page's language). */
function newsPanel(c: CommentTexts): HTMLElement | null {
  const found = document.getElementById('news');
  if (found) return found;
  const anchor = document.getElementById('participant') ?? document.getElementById('notice');
  if (!anchor) return null;
  const panel = document.createElement('section');
  panel.id = 'news';
  panel.className = 'panel';
  panel.hidden = true;
  panel.setAttribute('aria-labelledby', 'news-title');
  const heading = document.createElement('h2');
  heading.id = 'news-title';
  heading.textContent = c.newsTitle;
  panel.append(heading, document.createElement('ul'));
  anchor.after(panel);
  return panel;
}
