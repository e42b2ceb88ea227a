import { pageTexts } from '#core/campaigns/page-texts';
import { onSubmit, refused, say, valueOf } from './forms.ts';
import { showProfile, wireProfile } from './profile.ts';
import { askSignUp, confirmSignUp, propose, readMe, readMyVotes, session, signIn, signOut, vote } from './relay.ts';
import { showCommentsFor, wireCommentsPage } from './comment-page.ts';

/**
 * Brings a published box's page to life (the relay writes it readable without this:
 * server/campaigns/page.ts). A stranger signs up, opens the e-mailed link (back here,
 * `#/confirm/<token>`) and is signed in; a participant proposes with a photo and votes,
 * comments and reads what became of their comments (comment-page.ts).
 * Every word comes from core/campaigns/ (page-texts.ts, comment-texts.ts) in the page's language.
 */
const root = document.getElementById('campaign');
const t = pageTexts[document.documentElement.lang === 'en' ? 'en' : 'fr'];
const proposedKey = 'conclave.campaign.proposed';

if (root) void start(root);

async function start(main: HTMLElement) {
  const slug = main.dataset.slug ?? '';
  const boxId = main.dataset.boxId ?? '';
  await confirmFromLink();
  // The link opened in the tab already showing the page only changes its hash.
  window.addEventListener('hashchange', () => void confirmFromLink().then(() => showWho(slug)));
  if (sessionStorage.getItem(proposedKey)) {
    sessionStorage.removeItem(proposedKey);
    say(t.proposed);
  }
  wireCommentsPage();
  wireForms(slug, boxId);
  wireVotes();
  wireProfile(t, () => showWho(slug));
  await showWho(slug);
}

/** The e-mailed link (`#/confirm/<token>`): the sign-up confirmed, the participant signed in. */
async function confirmFromLink() {
  const confirm = /^#\/confirm\/([A-Za-z0-9_-]{20,200})$/.exec(location.hash);
  if (!confirm?.[1]) return;
  history.replaceState(null, '', location.pathname + location.search);
  say(t.confirming);
  try {
    session.set((await confirmSignUp(confirm[1])).token);
    say(t.confirmed);
  } catch (err) {
    refused(t, err);
  }
}

/** Shows the forms that fit who is there: sign-up and sign-in for a stranger, proposing for a participant. */
async function showWho(slug: string) {
  const join = document.getElementById('join');
  const participant = document.getElementById('participant');
  let name: string | null = null;
  if (session.get()) name = (await readMe().catch(() => null))?.name ?? null;
  if (join) join.hidden = name !== null;
  if (participant) participant.hidden = name === null;
  showProfile(name !== null);
  const who = document.getElementById('signed-in-as');
  if (who && name) who.textContent = t.signedInAs(name);
  const state = name ? await readMyVotes(slug).catch(() => ({ ideaIds: [], mine: [] })) : { ideaIds: [], mine: [] };
  const voted = new Set(state.ideaIds);
  const mine = new Set(state.mine);
  for (const item of document.querySelectorAll<HTMLElement>('li.idea')) setVoted(item, voted.has(item.dataset.ideaId ?? ''), mine.has(item.dataset.ideaId ?? ''));
  await showCommentsFor(name !== null);
}

/** The vote button as the idea stands for the reader: none on their own ideas. */
function setVoted(item: HTMLElement, voted: boolean, own = false) {
  const button = item.querySelector<HTMLButtonElement>('.vote-button');
  if (!button) return;
  button.hidden = own;
  button.setAttribute('aria-pressed', String(voted));
  button.textContent = voted ? t.voted : session.get() ? t.vote : t.signUpToVote;
}

function wireVotes() {
  for (const item of document.querySelectorAll<HTMLElement>('li.idea')) {
    const button = item.querySelector<HTMLButtonElement>('.vote-button');
    button?.addEventListener('click', () => {
      if (!session.get()) {
        document.getElementById('join')?.scrollIntoView();
        document.getElementById('signup-name')?.focus();
        return;
      }
      const on = button.getAttribute('aria-pressed') !== 'true';
      button.disabled = true;
      vote(item.dataset.ideaId ?? '', on)
        .then((result) => {
          const count = item.querySelector('.votes');
          if (count) count.textContent = t.votes(result.votes);
          setVoted(item, result.myVote);
        })
        .catch((err: unknown) => refused(t, err))
        .finally(() => {
          button.disabled = false;
        });
    });
  }
}

function wireForms(slug: string, boxId: string) {
  const byId = (id: string) => document.getElementById(id) as HTMLFormElement | null;
  // The photo picker: our button over the hidden input, and the chosen file's name beside it.
  const photo = document.getElementById('idea-photo');
  const chosen = document.getElementById('idea-photo-chosen');
  if (photo instanceof HTMLInputElement && chosen) photo.addEventListener('change', () => (chosen.textContent = photo.files?.[0]?.name ?? t.photoNone));
  onSubmit(byId('sign-up-form'), async (form) => {
    const showName = form.elements.namedItem('showName');
    const body = {
      name: valueOf(form, 'name'),
      email: valueOf(form, 'email'),
      password: valueOf(form, 'password'),
      showName: showName instanceof HTMLInputElement && showName.checked,
      language: document.documentElement.lang === 'en' ? 'en' : 'fr',
      ...(valueOf(form, 'website') ? { website: valueOf(form, 'website') } : {}),
    };
    try {
      await askSignUp(slug, body);
      form.reset();
      say(t.signUpSent);
    } catch (err) {
      refused(t, err, form, 'signup-');
    }
  });
  onSubmit(byId('sign-in-form'), async (form) => {
    try {
      session.set((await signIn(valueOf(form, 'email'), valueOf(form, 'password'))).token);
      form.reset();
      await showWho(slug);
    } catch (err) {
      refused(t, err, form, 'signin-');
    }
  });
  document.getElementById('sign-out')?.addEventListener('click', () => {
    void signOut()
      .catch(() => undefined)
      .then(() => {
        session.clear();
        return showWho(slug);
      });
  });
  onSubmit(byId('propose-form'), async (form) => {
    const data = new FormData(form);
    const photo = data.get('photo');
    if (photo instanceof File && photo.size === 0) data.delete('photo');
    try {
      const { id } = await propose(boxId, data);
      sessionStorage.setItem(proposedKey, id);
      const next = new URL(location.href);
      next.searchParams.set('sort', 'newest');
      next.searchParams.delete('page');
      next.hash = `idea-${id}`;
      location.assign(next.toString());
      if (next.pathname + next.search === location.pathname + location.search) location.reload();
    } catch (err) {
      refused(t, err, form, 'idea-');
    }
  });
}
