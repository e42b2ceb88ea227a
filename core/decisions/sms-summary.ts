import { composeSms } from '../sms/compose.ts';
import { gsmSafe } from '../sms/gsm-safe.ts';

/**
 * The SMS that tells a member a decision was published: at most two segments, always
 * ending with the request to acknowledge. Look-alike characters are replaced by their
 * GSM-7 equivalents (an ellipsis alone would switch the whole text to UCS-2 and halve
 * its room); if it is still too long, the decision's wording is shortened, never the
 * request to acknowledge.
 */
export const maxDecisionSegments = 2;

/** The wording, in the organisation's language; the reply is "OK" in both. */
export const decisionWording = {
  en: { head: (title: string) => `Conclave - decision on "${title}": `, ack: 'Reply OK to acknowledge.' },
  fr: { head: (title: string) => `Conclave - décision "${title}" : `, ack: 'Répondez OK pour en prendre acte.' },
} as const;
export type DecisionLocale = keyof typeof decisionWording;
export const acknowledgeRequest = decisionWording.en.ack;

export function decisionSms(input: {
  activityTitle: string;
  outcome: string;
  chosenOption: string | null;
  locale?: string;
}): string {
  const wording = decisionWording[input.locale === 'fr' ? 'fr' : 'en'];
  const head = wording.head(shorten(oneLine(input.activityTitle), 60));
  const body = input.chosenOption ? `${oneLine(input.chosenOption)}. ${oneLine(input.outcome)}` : oneLine(input.outcome);
  const compose = (text: string) => gsmSafe(`${head}${text} ${wording.ack}`).text;
  const text = compose(body);
  if (composeSms(text).segments <= maxDecisionSegments) return text;
  // Shorten the wording until it fits: a binary search over its length.
  let low = 0;
  let high = body.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (composeSms(compose(shorten(body, mid))).segments <= maxDecisionSegments) low = mid;
    else high = mid - 1;
  }
  return compose(shorten(body, low));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string, length: number): string {
  if (length >= text.length) return text;
  const chars = [...text];
  return `${chars.slice(0, Math.max(0, length)).join('').trimEnd()}...`;
}
