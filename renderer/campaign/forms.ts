import type { PageTexts } from '#core/campaigns/page-texts';
import { RelayRefusal } from './relay.ts';

/** The page's status line: what happened, or what went wrong, in the page's language. */
export function say(text: string, error = false) {
  const notice = document.getElementById('notice');
  if (!notice) return;
  notice.textContent = text;
  notice.classList.toggle('error', error);
  notice.hidden = false;
  notice.scrollIntoView({ block: 'nearest' });
}

/** A refusal in words: its code's sentence, the fields at fault marked under them. */
export function refused(t: PageTexts, err: unknown, form?: HTMLFormElement, prefix = '') {
  const code = err instanceof RelayRefusal ? err.code : 'other';
  const errors = t.errors as Record<string, string>;
  say(errors[code] ?? t.errors.other, true);
  if (!form || !(err instanceof RelayRefusal)) return;
  for (const field of err.fields) {
    const id = `${prefix}${field}`;
    const input = document.getElementById(id);
    const issue = form.querySelector<HTMLElement>(`[data-issue="${id}"]`);
    input?.setAttribute('aria-invalid', 'true');
    if (issue) {
      issue.textContent = t.checkField;
      issue.hidden = false;
    }
  }
}

/** Clears a form's marks before it is sent again. */
export function clearIssues(form: HTMLFormElement) {
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const issue of form.querySelectorAll<HTMLElement>('[data-issue]')) issue.hidden = true;
}

/** Sends a form once at a time: its button disabled while the relay answers. */
export function onSubmit(form: HTMLFormElement | null, send: (form: HTMLFormElement) => Promise<void>) {
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]') as HTMLButtonElement | null;
    if (button?.disabled) return;
    if (button) button.disabled = true;
    clearIssues(form);
    void send(form).finally(() => {
      if (button) button.disabled = false;
    });
  });
}

export const valueOf = (form: HTMLFormElement, name: string) => {
  const input = form.elements.namedItem(name);
  return input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement || input instanceof HTMLSelectElement ? input.value : '';
};
