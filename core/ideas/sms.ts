import { composeSms } from '../sms/compose.ts';
import { gsmSafe } from '../sms/gsm-safe.ts';
import type { IdeaStatus } from './status.ts';

/**
 * The SMS that tells an author what became of their idea: its new status and, when
 * there is one, the reason — in the organisation's language, at most two segments.
 * The title is shortened first, then the reason; the status is never cut.
 */
export const maxIdeaSmsSegments = 2;

const words = {
  en: {
    head: (title: string) => `Conclave - your idea "${title}"`,
    status: { new: 'is new again', under_study: 'is under study', accepted: 'was accepted', declined: 'was declined', implemented: 'was implemented' },
    reason: 'Reason:',
  },
  fr: {
    head: (title: string) => `Conclave - votre idée "${title}"`,
    status: { new: 'est de nouveau ouverte', under_study: 'est à l\'étude', accepted: 'est acceptée', declined: 'est refusée', implemented: 'est mise en oeuvre' },
    reason: 'Raison :',
  },
} as const;

export type SmsLocale = keyof typeof words;

export function ideaStatusSms(input: { title: string; status: IdeaStatus; reason: string | null; locale: string }): string {
  const w = input.locale.toLowerCase().startsWith('fr') ? words.fr : words.en;
  const title = oneLine(input.title);
  const reason = oneLine(input.reason ?? '');
  const compose = (t: string, r: string) =>
    gsmSafe(`${w.head(t)} ${w.status[input.status]}.${r ? ` ${w.reason} ${r}` : ''}`).text;
  const fits = (text: string) => composeSms(text).segments <= maxIdeaSmsSegments;
  let shortTitle = title;
  if (!fits(compose(title, reason))) shortTitle = shorten(title, 40);
  if (fits(compose(shortTitle, reason))) return compose(shortTitle, reason);
  let low = 0;
  let high = [...reason].length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(compose(shortTitle, shorten(reason, mid)))) low = mid;
    else high = mid - 1;
  }
  return compose(shortTitle, shorten(reason, low));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string, length: number): string {
  const chars = [...text];
  if (length >= chars.length) return text;
  return `${chars.slice(0, Math.max(0, length)).join('').trimEnd()}...`;
}
