import type { Queries } from '../store/db.ts';

/**
 * The SMS the gateway writes itself when someone texts STOP, START or HELP, in that
 * person's language: their own (users.locale) when the number is a person's, else
 * their organisation's. HELP answers the organisation's help text as its admin wrote it.
 */
export type ConfirmationLocale = 'fr' | 'en';

const texts: Record<ConfirmationLocale, { stop: string; start: string }> = {
  fr: {
    stop: 'Vous ne recevrez plus de SMS de Conclave. Envoyez START pour reprendre.',
    start: 'Vous recevrez de nouveau les SMS de Conclave. STOP pour arrêter.',
  },
  en: {
    stop: 'You will get no more SMS from Conclave. Send START to resume.',
    start: 'You will get SMS from Conclave again. Send STOP to stop.',
  },
};

const localeOf = (value: string | null | undefined): ConfirmationLocale | null =>
  value?.toLowerCase().startsWith('en') ? 'en' : value?.toLowerCase().startsWith('fr') ? 'fr' : null;

/** The person's language if known, else their organisation's, else French. */
export async function confirmationLocale(db: Queries, orgId: string, userId: string | null): Promise<ConfirmationLocale> {
  const person = userId ? await db.get<{ locale: string | null }>('SELECT locale FROM users WHERE id = ? AND org_id = ?', [userId, orgId]) : undefined;
  const org = await db.get<{ locale: string }>('SELECT locale FROM organizations WHERE id = ?', [orgId]);
  return localeOf(person?.locale) ?? localeOf(org?.locale) ?? 'fr';
}

export function confirmationText(kind: 'stop' | 'start', locale: ConfirmationLocale): string {
  return texts[locale][kind];
}
