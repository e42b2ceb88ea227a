import type { PublicIdea, PublicIdeaBox } from '#core/api/campaigns';
import type { PublicComment } from '#core/api/idea-comments';
import { publicPagePath } from '#core/api/campaigns';
import { pageTexts, type PageLanguage, type PageTexts } from '#core/campaigns/page-texts';
import { escapeHtml as e } from '#core/mail/html';
import { profilePanel } from './page-profile.ts';
import { pageStyle } from './page-style.ts';

/** What the page shows besides the box: its language, order, page number and where the relay is reached. */
export interface PageView {
  lang: PageLanguage;
  sort: 'votes' | 'newest';
  page: number;
  pageSize: number;
  origin: string;
  /** The tags of the script that brings the page to life (page-assets.ts), or ''. */
  scripts: string;
  /** The latest comments of each idea on the page (server/campaigns/public-comments.ts). */
  comments: ReadonlyMap<string, readonly PublicComment[]>;
}

/**
 * A published box as one HTML page, readable without any script: the title, the question,
 * the rubrics, one page of ideas with their votes, status and answer, and links to the
 * next page and the other order and language. The forms to sign up, sign in and propose
 * are written too, `hidden` until the script (renderer/campaign/) shows the ones that fit.
 * Every text is escaped; the page carries no inline script (the strict CSP holds).
 */
export function renderPage(box: PublicIdeaBox, view: PageView): string {
  const t = pageTexts[view.lang];
  const link = (over: Partial<{ lang: PageLanguage; sort: string; page: number }>) => {
    const q = new URLSearchParams({ lang: over.lang ?? view.lang });
    const sort = over.sort ?? view.sort;
    if (sort !== 'votes') q.set('sort', sort);
    const page = over.page ?? 1;
    if (page > 1) q.set('page', String(page));
    return `${publicPagePath(box.slug)}?${q.toString()}`;
  };
  const canonical = `${view.origin}${link({})}`;
  const other = t.otherLanguage;
  const pages = box.next !== null || view.page > 1;
  return `<!doctype html>
<html lang="${view.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(box.title)}</title>
<meta name="description" content="${e(box.question)}">
<meta name="robots" content="index, follow">
<link rel="canonical" href="${e(canonical)}">
<link rel="alternate" hreflang="${view.lang}" href="${e(canonical)}">
<link rel="alternate" hreflang="${other.lang}" href="${e(`${view.origin}${link({ lang: other.lang, sort: view.sort, page: view.page })}`)}">
<meta property="og:title" content="${e(box.title)}">
<meta property="og:description" content="${e(box.question)}">
<style>${pageStyle}</style>
${view.scripts}
</head>
<body>
<header>
<p class="lang"><a href="${e(link({ lang: other.lang, sort: view.sort, page: view.page }))}" hreflang="${other.lang}" lang="${other.lang}">${e(other.label)}</a></p>
<h1>${e(box.title)}</h1>
<p class="question">${e(box.question)}</p>
<p class="rubrics">${e(t.rubrics)} : ${box.categories.map((c) => `<span class="rubric">${e(c)}</span>`).join(' ')}</p>
${box.open ? '' : `<p class="closed" role="status">${e(t.closed)}</p>`}
</header>
<main id="campaign" data-box-id="${e(box.boxId)}" data-slug="${e(box.slug)}" data-open="${box.open}">
<p id="notice" role="status" hidden></p>
${box.open ? forms(t, box.categories) : ''}
${profilePanel(view.lang)}
<nav class="sort" aria-label="${e(t.sortLabel)}">${e(t.sortLabel)} :
 ${sortLink(link({ sort: 'votes' }), t.sortVotes, view.sort === 'votes')} · ${sortLink(link({ sort: 'newest' }), t.sortNewest, view.sort === 'newest')}</nav>
<p class="count">${e(t.ideasCount(box.total))}</p>
${box.ideas.length === 0 ? `<p class="empty">${e(t.noIdeas)}</p>` : `<ol class="ideas">${box.ideas.map((idea) => ideaItem(idea, box, t, view.comments.get(idea.id) ?? [])).join('\n')}</ol>`}
${
  pages
    ? `<nav class="pages">${view.page > 1 ? `<a rel="prev" href="${e(link({ page: view.page - 1 }))}">${e(t.previous)}</a>` : ''}${
        box.next !== null ? ` <a rel="next" href="${e(link({ page: view.page + 1 }))}">${e(t.next)}</a>` : ''
      }</nav>`
    : ''
}
</main>
<footer><p>${e(t.poweredBy)}</p></footer>
</body>
</html>
`;
}

const sortLink = (href: string, label: string, current: boolean) =>
  current ? `<a href="${e(href)}" aria-current="page">${e(label)}</a>` : `<a href="${e(href)}">${e(label)}</a>`;

function ideaItem(idea: PublicIdea, box: PublicIdeaBox, t: PageTexts, comments: readonly PublicComment[]): string {
  const photo = idea.photo
    ? `<a href="/api/public/idea-boxes/${e(box.slug)}/ideas/${e(idea.id)}/photo"><img class="photo" src="/api/public/idea-boxes/${e(box.slug)}/ideas/${e(idea.id)}/thumbnail" alt="${e(t.photoOf(idea.title))}" loading="lazy" decoding="async"></a>`
    : '';
  const answer = idea.answer ? `<div class="answer"><h3>${e(t.answer)}</h3><p>${e(idea.answer)}</p></div>` : '';
  return `<li id="idea-${e(idea.id)}" class="idea" data-idea-id="${e(idea.id)}" data-votes="${idea.votes}"><article>
<h2>${e(idea.title)}</h2>
<p class="meta"><span class="rubric">${e(idea.category)}</span> <span class="status status-${e(idea.status)}">${e(t.status[idea.status] ?? idea.status)}</span>${
    idea.author ? ` <span class="author">${e(t.by(idea.author))}</span>` : ''
  }</p>
${photo}<p class="text">${e(idea.text)}</p>
${answer}<p class="vote"><span class="votes">${e(t.votes(idea.votes))}</span>${
    box.open ? ` <button type="button" class="vote-button" hidden aria-pressed="false">${e(t.vote)}</button>` : ''
  }</p>
${commentsOf(idea, comments, t)}
</article></li>`;
}

/**
 * The idea's latest comments, each with who wrote it as the public may know it (a name
 * its author agreed to show, the organisation's team, or "a participant"). The earlier
 * ones and the form to comment are the script's (renderer/campaign/), over the JSON API.
 */
function commentsOf(idea: PublicIdea, comments: readonly PublicComment[], t: PageTexts): string {
  const earlier = idea.comments - comments.length;
  const items = comments
    .map((c) => `<li class="comment${c.team ? ' team' : ''}" id="comment-${e(c.id)}"><p class="comment-author">${e(c.team ? t.team : (c.author ?? t.someone))}</p><p class="comment-text">${e(c.text)}</p></li>`)
    .join('');
  return `<section class="comments" aria-label="${e(t.comments(idea.comments))}" data-comments="${idea.comments}">
<h3>${e(t.comments(idea.comments))}</h3>${
    earlier > 0 ? `<p><button type="button" class="link more-comments" hidden>${e(t.moreComments(earlier))}</button></p>` : ''
  }${items ? `<ol class="comment-list">${items}</ol>` : ''}
</section>`;
}

/** The forms, hidden until the script knows who is there (a stranger, a participant). */
function forms(t: PageTexts, categories: string[]): string {
  const field = (name: string, label: string, input: string, hint?: string) =>
    `<p class="field"><label for="${name}">${e(label)}</label>${input}${hint ? `<small id="${name}-hint">${e(hint)}</small>` : ''}<small class="issue" data-issue="${name}" hidden></small></p>`;
  return `<section id="join" class="panel" aria-labelledby="join-title" hidden>
<h2 id="join-title">${e(t.joinTitle)}</h2>
<p>${e(t.joinIntro)}</p>
<form id="sign-up-form" aria-label="${e(t.signUp)}" novalidate>
${field('signup-name', t.name, '<input id="signup-name" name="name" autocomplete="name" required maxlength="120">')}
${field('signup-email', t.email, '<input id="signup-email" name="email" type="email" autocomplete="email" required maxlength="254">')}
${field('signup-password', t.password, '<input id="signup-password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="200" aria-describedby="signup-password-hint">', t.passwordHint)}
<p class="check"><input id="signup-show-name" name="showName" type="checkbox"><label for="signup-show-name">${e(t.showName)}</label></p>
<p class="trap" aria-hidden="true"><label for="signup-website">${e(t.honeypot)}</label><input id="signup-website" name="website" tabindex="-1" autocomplete="off"></p>
<p><button type="submit">${e(t.signUp)}</button></p>
</form>
<details id="sign-in"><summary>${e(t.haveAccount)}</summary>
<form id="sign-in-form" aria-label="${e(t.signIn)}" novalidate>
${field('signin-email', t.email, '<input id="signin-email" name="email" type="email" autocomplete="email" required>')}
${field('signin-password', t.password, '<input id="signin-password" name="password" type="password" autocomplete="current-password" required>')}
<p><button type="submit">${e(t.signIn)}</button></p>
</form></details>
</section>
<section id="participant" class="panel" aria-labelledby="propose-title" hidden>
<p><span id="signed-in-as"></span> <button type="button" id="sign-out" class="link">${e(t.signOut)}</button></p>
<h2 id="propose-title">${e(t.proposeTitle)}</h2>
<form id="propose-form" novalidate>
${field('idea-title', t.ideaTitle, '<input id="idea-title" name="title" required minlength="3" maxlength="120" aria-describedby="idea-title-hint">', t.ideaTitleHint)}
${field('idea-text', t.ideaText, '<textarea id="idea-text" name="text" required maxlength="1000" rows="5" aria-describedby="idea-text-hint"></textarea>', t.ideaTextHint)}
${field('idea-category', t.rubric, `<select id="idea-category" name="category" required>${categories.map((c) => `<option>${e(c)}</option>`).join('')}</select>`)}
<div class="field"><span class="label" id="idea-photo-label">${e(t.photo)}</span><span class="file-picker"><label class="pick"><span id="idea-photo-button">${e(t.photoChoose)}</span><input id="idea-photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" class="visually-hidden" aria-labelledby="idea-photo-label idea-photo-button" aria-describedby="idea-photo-hint"></label> <span id="idea-photo-chosen">${e(t.photoNone)}</span></span><small id="idea-photo-hint">${e(t.photoHint)}</small><small class="issue" data-issue="idea-photo" hidden></small></div>
<p><button type="submit">${e(t.propose)}</button></p>
</form>
</section>`;
}

/** The page of a slug that is no published box: the same for an unknown one and an unpublished one. */
export function renderMissingPage(lang: PageLanguage): string {
  const t = pageTexts[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(t.errors.not_found)}</title>
<style>${pageStyle}</style>
</head>
<body><main><h1>${e(t.errors.not_found)}</h1></main></body>
</html>
`;
}
