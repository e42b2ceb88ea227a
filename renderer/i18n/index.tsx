import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createIntl, createIntlCache, RawIntlProvider, type IntlShape } from 'react-intl';
import { catalogues, type Locale, type MessageKey } from './messages/index.ts';

export type { Locale, MessageKey } from './messages/index.ts';

const storageKey = 'conclave.locale';

/** The saved choice, else the system's language (French for any fr-*), else English. */
export function initialLocale(): Locale {
  const saved = window.localStorage.getItem(storageKey);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Values put into a message: `{name}` arguments, and numbers for `plural` ones. */
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

interface I18n {
  locale: Locale;
  /** The message `key` in the chosen language, formatted by react-intl (ICU syntax). */
  t: Translate;
  setLocale(locale: Locale): void;
  /** Dates and times in the chosen language. */
  formatDateTime(iso: string): string;
  /** A calendar day (YYYY-MM-DD) as the language writes it: 4 déc. 2026, Dec 4, 2026. */
  formatDay(day: string): string;
  formatRelative(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);
/** Formatters (plural rules, dates, parsed messages) are kept across language switches. */
const cache = createIntlCache();

/** A react-intl instance over every area's dictionary (messages/index.ts) in `locale`. */
export function intlFor(locale: Locale): IntlShape {
  return createIntl({ locale, defaultLocale: 'fr', messages: catalogues[locale] }, cache);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(storageKey, next);
    setLocaleState(next);
  }, []);
  const intl = useMemo(() => intlFor(locale), [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, values) => intl.formatMessage({ id: key }, values),
      formatDateTime: (iso) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }),
      formatDay: (day) => intl.formatDate(`${day}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
      formatRelative: (iso) => relative(intl, iso),
    }),
    [intl, locale, setLocale],
  );
  document.documentElement.lang = locale;
  return (
    <RawIntlProvider value={intl}>
      <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
    </RawIntlProvider>
  );
}

/** "in 5 minutes", "yesterday"…; past a month, the date itself. */
function relative(intl: IntlShape, iso: string): string {
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  const abs = Math.abs(seconds);
  const auto = { numeric: 'auto' } as const;
  if (abs < 60) return intl.formatRelativeTime(Math.round(seconds), 'second', auto);
  if (abs < 3600) return intl.formatRelativeTime(Math.round(seconds / 60), 'minute', auto);
  if (abs < 86_400) return intl.formatRelativeTime(Math.round(seconds / 3600), 'hour', auto);
  if (abs < 30 * 86_400) return intl.formatRelativeTime(Math.round(seconds / 86_400), 'day', auto);
  return intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The one translation hook: `t`, the language and its switch, dates. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
