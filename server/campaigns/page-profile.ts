import type { PageLanguage } from '#core/campaigns/page-texts';
import { profileTexts } from '#core/campaigns/profile-texts';
import { escapeHtml as e } from '#core/mail/html';

/**
 * A participant's own profile on the public page, written `hidden` (a stranger never sees
 * it) and shown by the script (renderer/campaign/profile.ts) once someone is signed in:
 * their name, their one consent to be named publicly, their e-mail and SMS choices for
 * answers to their ideas, their e-mail address (changed through a link to the new one), their data to download, their account to erase.
 */
export function profilePanel(lang: PageLanguage): string {
  const t = profileTexts[lang];
  const check = (id: string, name: string, label: string, hint?: string) =>
    `<p class="check"><input id="${id}" name="${name}" type="checkbox"${hint ? ` aria-describedby="${id}-hint"` : ''}><label for="${id}">${e(label)}</label></p>${
      hint ? `<small id="${id}-hint" class="hint">${e(hint)}</small>` : ''
    }`;
  return `<p id="profile-open" hidden><button type="button" class="link" aria-expanded="false" aria-controls="profile">${e(t.open)}</button></p>
<section id="profile" class="panel" aria-labelledby="profile-title" hidden>
<h2 id="profile-title">${e(t.title)}</h2>
<p>${e(t.intro)}</p>
<form id="profile-form" novalidate>
<p class="field"><label for="profile-name">${e(t.name)}</label><input id="profile-name" name="name" autocomplete="name" required maxlength="120"><small class="issue" data-issue="profile-name" hidden></small></p>
${check('profile-named', 'namedPublicly', t.namedPublicly, t.namedPubliclyHint)}
${check('profile-email', 'email', t.emailAnswers)}
${check('profile-sms', 'sms', t.smsAnswers, t.smsHint)}
<p><button type="submit">${e(t.save)}</button></p>
</form>
<h3>${e(t.emailTitle)}</h3>
<form id="email-form" aria-label="${e(t.emailTitle)}" novalidate>
<p class="field"><label for="email-email">${e(t.newEmail)}</label><input id="email-email" name="email" type="email" autocomplete="email" required maxlength="254"><small class="issue" data-issue="email-email" hidden></small></p>
<p class="field"><label for="email-password">${e(t.emailPassword)}</label><input id="email-password" name="password" type="password" autocomplete="current-password" required><small class="issue" data-issue="email-password" hidden></small></p>
<p><button type="submit">${e(t.emailButton)}</button></p>
</form>
<h3>${e(t.exportTitle)}</h3>
<p>${e(t.exportIntro)}</p>
<p><button type="button" id="profile-export">${e(t.exportButton)}</button></p>
<details id="profile-erase"><summary>${e(t.eraseTitle)}</summary>
<p>${e(t.eraseIntro)}</p>
<form id="erase-form" novalidate>
<p class="field"><label for="erase-password">${e(t.erasePassword)}</label><input id="erase-password" name="password" type="password" autocomplete="current-password" required><small class="issue" data-issue="erase-password" hidden></small></p>
<p><button type="submit" class="danger">${e(t.eraseButton)}</button></p>
</form></details>
</section>`;
}
