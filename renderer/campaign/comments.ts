import type { PublicComment } from '#core/api/idea-comments';
import type { CommentTexts } from '#core/campaigns/comment-texts';
import type { PageTexts } from '#core/campaigns/page-texts';
import { postComment, readComments, readHeldComments, RelayRefusal, reportComment, session } from './relay.ts';

/**
 * Comments on the public page (the relay writes each idea's latest three: server/campaigns/
 * page.ts): the earlier ones a click away, a signed-in participant writes one (told when it
 * waits for the team's approval, told clearly when refused) and reports another's. Every
 * text is set with textContent, never parsed as HTML.
 */
const maxLength = 1000;
const reasons = ['spam', 'offensive', 'off_topic', 'duplicate', 'personal_data', 'other'] as const;

export function wireComments(slug: string, t: PageTexts, c: CommentTexts, open: boolean) {
  for (const item of document.querySelectorAll<HTMLElement>('li.idea')) {
    const ideaId = item.dataset.ideaId ?? '';
    const section = item.querySelector<HTMLElement>('section.comments');
    if (!section) continue;
    for (const li of section.querySelectorAll<HTMLElement>('li.comment')) addReport(li, t, c);
    wireMore(section, slug, ideaId, t, c);
    if (open) addWriting(section, ideaId, t, c);
  }
}

/** Shows what fits who is there: the comment buttons say "sign up" to a stranger; reports are for participants. */
export function showCommentControls(signedIn: boolean, c: CommentTexts) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.comment-button')) button.textContent = signedIn ? c.comment : c.signUpToComment;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.report-button')) button.hidden = !signedIn;
  if (!signedIn) for (const form of document.querySelectorAll<HTMLFormElement>('form.comment-form, form.report-form')) form.hidden = true;
}

/** The participant's own comments known so far (from their notices and their comments' list): marked again as more are shown. */
const ownComments = new Set<string>();

/** Signed out: no comment on the page is the reader's any more (what a reload would show). */
export function forgetMine() {
  ownComments.clear();
  for (const li of document.querySelectorAll('li.comment.mine:not(.held)')) li.classList.remove('mine');
}

/** The participant's own comments: no "Report" under them. */
export function markMine(ids: Iterable<string>) {
  for (const id of ids) ownComments.add(id);
  for (const id of ownComments) {
    const li = document.getElementById(`comment-${id}`);
    if (!li) continue;
    li.classList.add('mine');
    li.querySelector('.comment-report')?.remove();
    li.querySelector('.report-form')?.remove();
  }
}

/**
 * The participant's own comments that not everyone sees, under their ideas on this page,
 * from any device: waiting for the team's approval, or hidden with the team's reason.
 */
export async function showHeld(boxId: string, c: CommentTexts) {
  for (const li of document.querySelectorAll('li.comment.held')) li.remove();
  if (!session.get()) return;
  const mine = await readHeldComments(boxId).catch(() => null);
  markMine(mine?.shown ?? []);
  const held = mine?.comments ?? [];
  for (const comment of [...held].reverse()) {
    const section = document.querySelector<HTMLElement>(`li.idea[data-idea-id="${CSS.escape(comment.ideaId)}"] section.comments`);
    if (!section) continue;
    document.getElementById(`comment-${comment.id}`)?.remove();
    const li = el('li', { className: 'comment mine held', id: `comment-${comment.id}` }, el('p', { className: 'comment-author' }, c.you), el('p', { className: 'comment-text' }, comment.text));
    li.append(el('p', { className: 'comment-pending' }, comment.hidden ? c.hiddenMark(comment.hidden.reason) : c.pendingMark));
    listOf(section).append(li);
  }
}

/** An element with its properties (textContent, hidden, id…) and children. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | number | boolean> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** A line under a form or a comment: what happened (status) or what went wrong (alert). */
function tell(line: HTMLElement, text: string, error: boolean) {
  line.textContent = text;
  line.setAttribute('role', error ? 'alert' : 'status');
  line.classList.toggle('error', error);
  line.hidden = false;
}

function commentItem(comment: PublicComment, t: PageTexts, c: CommentTexts) {
  const li = el('li', { className: `comment${comment.team ? ' team' : ''}`, id: `comment-${comment.id}` });
  li.append(el('p', { className: 'comment-author' }, comment.team ? t.team : (comment.author ?? t.someone)), el('p', { className: 'comment-text' }, comment.text));
  addReport(li, t, c);
  return li;
}

function listOf(section: HTMLElement) {
  let list = section.querySelector<HTMLOListElement>('ol.comment-list');
  if (!list) {
    list = el('ol', { className: 'comment-list' });
    section.querySelector('h3')?.after(list);
  }
  return list;
}

/** The earlier comments, a hundred at a time, over the public JSON (the same for anyone). */
function wireMore(section: HTMLElement, slug: string, ideaId: string, t: PageTexts, c: CommentTexts) {
  const button = section.querySelector<HTMLButtonElement>('button.more-comments');
  if (!button) return;
  button.hidden = false;
  let offset = 0;
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = c.loading;
    readComments(slug, ideaId, offset)
      .then((page) => {
        const list = listOf(section);
        if (offset === 0) list.replaceChildren();
        for (const comment of page.comments) if (!document.getElementById(`comment-${comment.id}`)) list.append(commentItem(comment, t, c));
        markMine([]);
        offset = page.next ?? offset;
        button.hidden = page.next === null;
        button.textContent = t.moreComments(Math.max(0, page.total - list.children.length));
        showCommentControls(session.get() !== null, c);
      })
      .catch(() => {
        button.textContent = t.errors.other;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}

/** The button that opens the form to comment, and the form: a stranger is sent to sign up. */
function addWriting(section: HTMLElement, ideaId: string, t: PageTexts, c: CommentTexts) {
  const formId = `comment-form-${ideaId}`;
  const textId = `comment-text-${ideaId}`;
  const button = el('button', { type: 'button', className: 'link comment-button', textContent: c.signUpToComment });
  button.setAttribute('aria-controls', formId);
  const outcome = el('p', { className: 'comment-outcome write-outcome', hidden: true });
  const text = el('textarea', { id: textId, name: 'text', rows: 3, maxLength, required: true });
  const hint = el('small', { id: `${textId}-hint`, textContent: c.yourCommentHint });
  text.setAttribute('aria-describedby', hint.id);
  const send = el('button', { type: 'submit', textContent: c.send });
  const cancel = el('button', { type: 'button', className: 'link', textContent: c.cancel });
  const form = el(
    'form',
    { id: formId, className: 'comment-form', hidden: true, noValidate: true },
    el('p', { className: 'field' }, el('label', { htmlFor: textId, textContent: c.yourComment }), text, hint),
    el('p', { className: 'comment-send' }, send, ' ', cancel),
  );
  form.setAttribute('aria-label', c.yourComment);
  section.append(el('p', { className: 'comment-actions' }, button), form, outcome);

  button.addEventListener('click', () => {
    if (!session.get()) {
      document.getElementById('join')?.scrollIntoView();
      document.getElementById('signup-name')?.focus();
      return;
    }
    form.hidden = false;
    outcome.hidden = true;
    text.focus();
  });
  cancel.addEventListener('click', () => {
    form.hidden = true;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const said = text.value.trim();
    if (!said || [...said].length > maxLength) {
      text.setAttribute('aria-invalid', 'true');
      tell(outcome, c.errors.empty, true);
      return;
    }
    if (send.disabled) return;
    send.disabled = true;
    text.removeAttribute('aria-invalid');
    postComment(ideaId, said)
      .then((comment) => {
        const li = el('li', { className: `comment mine${comment.moderation === 'pending' ? ' held' : ''}`, id: `comment-${comment.id}` }, el('p', { className: 'comment-author' }, c.you), el('p', { className: 'comment-text' }, said));
        if (comment.moderation === 'pending') li.append(el('p', { className: 'comment-pending' }, c.pendingMark));
        else countOne(section, t);
        listOf(section).append(li);
        form.reset();
        form.hidden = true;
        tell(outcome, comment.moderation === 'pending' ? c.pending : c.published, false);
      })
      .catch((err: unknown) => tell(outcome, refusal(err, t, c), true))
      .finally(() => {
        send.disabled = false;
      });
  });
}

/** The heading's count, one more (a comment shown to all at once). */
function countOne(section: HTMLElement, t: PageTexts) {
  const count = Number(section.dataset.comments ?? '0') + 1;
  section.dataset.comments = String(count);
  const heading = section.querySelector('h3');
  if (heading) heading.textContent = t.comments(count);
  section.setAttribute('aria-label', t.comments(count));
}

function refusal(err: unknown, t: PageTexts, c: CommentTexts): string {
  const code = err instanceof RelayRefusal ? err.code : 'other';
  if (code === 'rate_limited' || code === 'conflict' || code === 'forbidden') return c.errors[code];
  if (code === 'validation_failed') return c.errors.empty;
  return (t.errors as Record<string, string>)[code] ?? t.errors.other;
}

/** "Report" under a comment: a reason, then one report, told when done or refused. */
function addReport(li: HTMLElement, t: PageTexts, c: CommentTexts) {
  const commentId = li.id.replace(/^comment-/, '');
  if (!commentId || li.classList.contains('mine') || li.querySelector('.report-button')) return;
  const button = el('button', { type: 'button', className: 'link report-button', textContent: c.report, hidden: session.get() === null });
  const selectId = `report-reason-${commentId}`;
  const select = el('select', { id: selectId, name: 'reason' }, ...reasons.map((r) => el('option', { value: r, textContent: c.reasons[r] })));
  const form = el(
    'form',
    { className: 'report-form', hidden: true, noValidate: true },
    el('p', { className: 'field' }, el('label', { htmlFor: selectId, textContent: c.reportReason }), select),
    el('p', {}, el('button', { type: 'submit', textContent: c.sendReport })),
  );
  const outcome = el('p', { className: 'comment-outcome report-outcome', hidden: true });
  li.append(el('p', { className: 'comment-report' }, button), form, outcome);
  button.addEventListener('click', () => {
    form.hidden = !form.hidden;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const submit = form.querySelector('button');
    if (submit?.disabled) return;
    if (submit) submit.disabled = true;
    reportComment(commentId, select.value)
      .then(() => {
        form.hidden = true;
        button.remove();
        tell(outcome, c.reported, false);
      })
      .catch((err: unknown) => {
        const code = err instanceof RelayRefusal ? err.code : 'other';
        tell(outcome, code === 'conflict' ? c.errors.reportConflict : code === 'rate_limited' ? c.errors.reportLimited : code === 'forbidden' ? c.errors.reportOwn : (t.errors as Record<string, string>)[code] ?? t.errors.other, true);
      })
      .finally(() => {
        if (submit) submit.disabled = false;
      });
  });
}
