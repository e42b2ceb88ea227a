import { composeSms } from '../sms/compose.ts';
import { gsmSafe } from '../sms/gsm-safe.ts';

/**
 * The SMS that delivers a reward for an implemented idea, in the author's language, at
 * most three segments. The reward (a voucher code) is never cut: the title is shortened
 * first, then left out.
 */
export const maxRewardSmsSegments = 3;

export function rewardSms(input: { title: string; reward: string; locale: string }): string {
  const fr = input.locale.toLowerCase().startsWith('fr');
  const reward = input.reward.replace(/\s+/g, ' ').trim();
  const compose = (title: string) =>
    gsmSafe(
      fr
        ? `Conclave - merci pour votre idée${title ? ` "${title}"` : ''}, mise en oeuvre. Votre récompense : ${reward}`
        : `Conclave - thank you for your idea${title ? ` "${title}"` : ''}, now implemented. Your reward: ${reward}`,
    ).text;
  const title = input.title.replace(/\s+/g, ' ').trim();
  for (const t of [title, shorten(title, 40), shorten(title, 15), '']) {
    const text = compose(t);
    if (composeSms(text).segments <= maxRewardSmsSegments) return text;
  }
  return compose('');
}

function shorten(text: string, length: number): string {
  const chars = [...text];
  return chars.length <= length ? text : `${chars.slice(0, length).join('').trimEnd()}...`;
}
