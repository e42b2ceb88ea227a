import type { MessageKey, Translate } from '../i18n/index.tsx';

/**
 * The relay writes an SMS's history, its provider's state and consent changes as short
 * English notes (server/sms/*: "attempt 2", "accepted by outbox", "declared by admin").
 * These read them back in the app's language; a note the list does not know (a
 * provider's own error text, a reason an admin typed) is shown as it is.
 */
type Reading = [RegExp, (m: RegExpExecArray, t: Translate, when: (iso: string) => string) => string];

const details: Reading[] = [
  [/^attempt (\d+)$/, (m, t) => t('sms.detail.attempt', { n: Number(m[1]) })],
  [/^(.+); next try at (\S+)$/, (m, t, when) => t('sms.detail.retry', { detail: detailText(m[1]!, t, when), when: when(m[2]!) })],
  [/^(.+); quiet hours: not before (\S+)$/, (m, t, when) => t('sms.detail.quietHours', { detail: detailText(m[1]!, t, when), when: when(m[2]!) })],
  [/^(\d+) × (GSM-7|UCS-2|[\w-]+)$/, (m, t) => t('sms.detail.composed', { segments: Number(m[1]), encoding: m[2]! })],
  [/^gave up after (\d+) attempts: (.*)$/s, (m, t, when) => t('sms.detail.gaveUp', { n: Number(m[1]), detail: detailText(m[2]!, t, when) })],
  [/^unconfirmed: the relay restarted while sending; waiting for a receipt$/, (_m, t) => t('sms.detail.restarted')],
  [/^unconfirmed: (.*); waiting for a receipt before sending again$/s, (m, t, when) => t('sms.detail.unconfirmed', { detail: detailText(m[1]!, t, when) })],
  [/^confirmed by a receipt: the provider had it$/, (_m, t) => t('sms.detail.confirmed')],
  [/^confirmed by a receipt: the provider had part (\d+) of (\d+)$/, (m, t) => t('sms.detail.confirmedPart', { n: Number(m[1]), total: Number(m[2]) })],
  [/^accepted by the provider \(its receipt came first\)$/, (_m, t) => t('sms.detail.receiptFirst')],
  [/^accepted by (\w+)$/, (m, t) => t('sms.detail.acceptedBy', { provider: m[1]! })],
  [/^part (\d+) of (\d+) accepted by (\w+) as (.+)$/, (m, t) => t('sms.detail.partAccepted', { part: Number(m[1]), total: Number(m[2]), provider: m[3]!, id: m[4]! })],
  [/^all (\d+) parts accepted$/, (m, t) => t('sms.detail.allParts', { n: Number(m[1]) })],
  [/^receipt for (\d+) of (\d+) parts$/, (m, t) => t('sms.detail.partReceipts', { n: Number(m[1]), total: Number(m[2]) })],
  [/^simulated in the Outbox$/, (_m, t) => t('sms.detail.simulated')],
  [/^not sent within its validity period$/, (_m, t) => t('sms.detail.expired')],
  [/^Outbox: messages are kept here and never leave this machine\.$/, (_m, t) => t('sms.detail.outbox')],
];

/** One note of an SMS's history (or of its provider) in the app's language. */
export function detailText(detail: string, t: Translate, when: (iso: string) => string): string {
  for (const [pattern, read] of details) {
    const m = pattern.exec(detail);
    if (m) return read(m, t, when);
  }
  return detail;
}

const hows: Record<string, MessageKey> = {
  'declared by admin': 'sms.howDefault',
  'in the app, by the person': 'sms.how.self',
  'declared by the person on accepting an invitation': 'sms.how.invitation',
  'declared by the person in their profile (number confirmed by SMS code)': 'sms.how.profile',
};

/** How a consent was given, as the relay recorded it, in the app's language ("SMS STOP" stays as the word sent). */
export function consentHowText(how: string, t: Translate): string {
  const key = hows[how];
  return key ? t(key) : how;
}

/** The provider's name as people read it ("outbox" is the Outbox, "Boîte d’envoi" in French). */
export const providerText = (name: string, t: Translate) => t('sms.provider.name', { name });
