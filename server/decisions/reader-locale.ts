import { decisionLocaleOf, type DecisionLocale } from '#core/decisions/result-text';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';

/** The first supported language of an Accept-Language header, by its q weights ("de, fr;q=0.8" → fr). */
export function acceptedLocale(header: string | undefined): DecisionLocale | null {
  const ranked = (header ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { locale: decisionLocaleOf(tag), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.locale !== null && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.locale ?? null;
}

/**
 * The language a person reads an export in: the one chosen on their profile, else their
 * browser's (Accept-Language), else their organisation's.
 */
export async function readerLocale(ctx: Context, caller: Caller, acceptLanguage: string | undefined): Promise<DecisionLocale> {
  const row = await ctx.db.get<{ locale: string | null; org_locale: string | null }>(
    'SELECT u.locale, o.locale AS org_locale FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ?',
    [caller.id],
  );
  return decisionLocaleOf(row?.locale) ?? acceptedLocale(acceptLanguage) ?? decisionLocaleOf(row?.org_locale) ?? 'fr';
}
