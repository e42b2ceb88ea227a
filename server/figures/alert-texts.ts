import { formatDay, type FigureLocale } from '#core/figures/format';

/** The words of alerts, in the organisation's language (they also go by SMS). */
const texts = {
  fr: {
    missing: (label: string, day: string, deadline: string) =>
      `Conclave : les valeurs de ${label} du ${day} manquent, le SMS de 9h n'est pas parti. Saisissez-les avant ${deadline} et il partira aussitôt.`,
    tooLate: (label: string, day: string, why: string) => `Conclave : le SMS ${label} du ${day} n'est pas parti (${why}) et ne partira plus.`,
    why: { 'not-run': 'relais arrêté pendant toute la fenêtre', 'values-missing': 'valeurs non saisies à temps', interrupted: 'envoi interrompu' },
    undelivered: (label: string, day: string, count: number, total: number, minutes: number, who: string) =>
      `Conclave : ${label} du ${day}, ${count} SMS sur ${total} non remis${minutes > 0 ? ` après ${minutes} min` : ''} : ${who}`,
    reason: { no_phone: 'pas de numéro', no_consent: 'pas de consentement', opted_out: 'a répondu STOP', missed: 'pas envoyé à temps' } as Record<string, string>,
  },
  en: {
    missing: (label: string, day: string, deadline: string) =>
      `Conclave: the values of ${label} for ${day} are missing, the morning SMS did not go. Enter them before ${deadline} and it goes at once.`,
    tooLate: (label: string, day: string, why: string) => `Conclave: the ${label} SMS for ${day} did not go (${why}) and will not.`,
    why: { 'not-run': 'the relay was down during the whole window', 'values-missing': 'values not entered in time', interrupted: 'sending interrupted' },
    undelivered: (label: string, day: string, count: number, total: number, minutes: number, who: string) =>
      `Conclave: ${label} for ${day}, ${count} of ${total} SMS not delivered${minutes > 0 ? ` after ${minutes} min` : ''}: ${who}`,
    reason: { no_phone: 'no phone number', no_consent: 'no opt-in', opted_out: 'answered STOP', missed: 'not sent in time' } as Record<string, string>,
  },
} as const;

function localTime(at: Date, timeZone: string, locale: FigureLocale) {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
}

export function missingText(locale: FigureLocale, label: string, day: string, deadline: Date, timeZone: string) {
  return texts[locale].missing(label, formatDay(day, locale), localTime(deadline, timeZone, locale));
}

export function tooLateText(locale: FigureLocale, label: string, day: string, why: 'not-run' | 'values-missing' | 'interrupted') {
  return texts[locale].tooLate(label, formatDay(day, locale), texts[locale].why[why]);
}

export interface NotDelivered {
  name: string;
  /** The gateway's status (sent, failed…) or refusal reason, and its detail. */
  status: string;
  detail: string | null;
}

export function undeliveredText(locale: FigureLocale, label: string, day: string, total: number, minutes: number, who: NotDelivered[]) {
  const list = who
    .map((w) => `${w.name} (${texts[locale].reason[w.status] ?? w.status}${w.detail ? `: ${w.detail}` : ''})`)
    .join(', ');
  return texts[locale].undelivered(label, formatDay(day, locale), who.length, total, minutes, list);
}
