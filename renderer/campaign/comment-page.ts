import { commentTexts } from '#core/campaigns/comment-texts';
import { pageTexts } from '#core/campaigns/page-texts';
import { forgetMine, markMine, showCommentControls, showHeld, wireComments } from './comments.ts';
import { showNews } from './news.ts';

/**
 * The comments' part of the page, as main.ts calls it: wired once, then shown to fit who is
 * there each time that changes (signed in or out). Reads the box and the language from the page.
 */
const language = document.documentElement.lang === 'en' ? 'en' : 'fr';
const t = pageTexts[language];
const c = commentTexts[language];
const page = () => document.getElementById('campaign')?.dataset ?? {};

export function wireCommentsPage() {
  const { slug = '', open } = page();
  wireComments(slug, t, c, open === 'true');
}

export async function showCommentsFor(signedIn: boolean) {
  const { boxId = '' } = page();
  showCommentControls(signedIn, c);
  if (!signedIn) forgetMine();
  markMine(await showNews(boxId, signedIn, t, c));
  await showHeld(boxId, c);
}
