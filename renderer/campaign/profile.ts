import type { PageTexts } from '#core/campaigns/page-texts';
import { profileTexts } from '#core/campaigns/profile-texts';
import { onSubmit, refused, say, valueOf } from './forms.ts';
import { askEmailChange, confirmEmailChange, eraseMe, readProfile, saveProfile, downloadMyData, session } from './profile-relay.ts';

/**
 * A participant's own profile on the public page (the relay writes it hidden:
 * server/campaigns/page-profile.ts): shown to whoever is signed in, filled from the relay,
 * saved in one go; their data downloaded as a file; their account erased with their
 * password, after which the page is a stranger's again (`signedOut`).
 */
export function wireProfile(t: PageTexts, signedOut: () => Promise<void>) {
  const p = profileTexts[document.documentElement.lang === 'en' ? 'en' : 'fr'];
  const panel = document.getElementById('profile');
  const opener = document.querySelector<HTMLButtonElement>('#profile-open button');
  opener?.addEventListener('click', () => {
    if (!panel) return;
    const open = panel.hidden;
    panel.hidden = !open;
    opener.setAttribute('aria-expanded', String(open));
    if (open) void fill(t);
  });
  onSubmit(document.getElementById('profile-form') as HTMLFormElement | null, async (form) => {
    try {
      await saveProfile({ name: valueOf(form, 'name'), namedPublicly: checked(form, 'namedPublicly') }, { email: checked(form, 'email'), sms: checked(form, 'sms') });
      say(p.saved);
      const who = document.getElementById('signed-in-as');
      if (who) who.textContent = t.signedInAs(valueOf(form, 'name').trim());
    } catch (err) {
      refused(t, err, form, 'profile-');
    }
  });
  onSubmit(document.getElementById('email-form') as HTMLFormElement | null, async (form) => {
    const email = valueOf(form, 'email').trim();
    try {
      await askEmailChange(email, valueOf(form, 'password'));
      form.reset();
      say(p.emailSent(email));
    } catch (err) {
      refused(t, err, form, 'email-');
    }
  });
  void confirmEmailFromLink(t);
  window.addEventListener('hashchange', () => void confirmEmailFromLink(t));
  const exporter = document.getElementById('profile-export') as HTMLButtonElement | null;
  exporter?.addEventListener('click', () => {
    exporter.disabled = true;
    downloadMyData()
      .then(({ blob, name }) => {
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = name;
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
        say(p.exported);
      })
      .catch((err: unknown) => refused(t, err))
      .finally(() => {
        exporter.disabled = false;
      });
  });
  onSubmit(document.getElementById('erase-form') as HTMLFormElement | null, async (form) => {
    try {
      await eraseMe(valueOf(form, 'password'));
      form.reset();
      session.clear();
      await signedOut();
      say(p.erased);
    } catch (err) {
      refused(t, err, form, 'erase-');
    }
  });
}

/** The link e-mailed to a new address (`#/confirm-email/<token>`, server/people/profile.ts): the address changes. */
async function confirmEmailFromLink(t: PageTexts) {
  const link = /^#\/confirm-email\/([A-Za-z0-9_-]{20,200})$/.exec(location.hash);
  if (!link?.[1]) return;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    const { email } = await confirmEmailChange(link[1]);
    say(profileTexts[document.documentElement.lang === 'en' ? 'en' : 'fr'].emailChanged(email));
  } catch (err) {
    refused(t, err);
  }
}

/** The profile's way in, shown to whoever is signed in; the panel itself closed until asked for. */
export function showProfile(signedIn: boolean) {
  const opener = document.getElementById('profile-open');
  const panel = document.getElementById('profile');
  if (opener) opener.hidden = !signedIn;
  if (panel && !signedIn) panel.hidden = true;
  opener?.querySelector('button')?.setAttribute('aria-expanded', String(Boolean(panel && !panel.hidden)));
}

async function fill(t: PageTexts) {
  const form = document.getElementById('profile-form') as HTMLFormElement | null;
  if (!form) return;
  try {
    const profile = await readProfile();
    const set = (name: string, value: string | boolean) => {
      const input = form.elements.namedItem(name);
      if (!(input instanceof HTMLInputElement)) return;
      if (typeof value === 'boolean') input.checked = value;
      else input.value = value;
    };
    set('name', profile.name);
    set('namedPublicly', profile.namedPublicly);
    set('email', profile.answers.email);
    set('sms', profile.answers.sms);
  } catch (err) {
    refused(t, err);
  }
}

function checked(form: HTMLFormElement, name: string): boolean {
  const input = form.elements.namedItem(name);
  return input instanceof HTMLInputElement && input.checked;
}
