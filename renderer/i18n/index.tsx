import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';

export type Locale = 'en' | 'fr';
const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, fr };
const storageKey = 'conclave.locale';

/** The saved choice, else the system's language (French for any fr-*), else English. */
export function initialLocale(): Locale {
  const saved = window.localStorage.getItem(storageKey);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  t: Translate;
  setLocale(locale: Locale): void;
  /** Dates and times in the chosen language. */
  formatDateTime(iso: string): string;
  formatRelative(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(storageKey, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    // Made on first use: building Intl formatters costs more than opening a screen.
    let dateTime: Intl.DateTimeFormat | null = null;
    let relative: Intl.RelativeTimeFormat | null = null;
    const dt = () => (dateTime ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
    const rel = () => (relative ??= new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
    return {
      locale,
      setLocale,
      t: (key, values) => dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`)),
      formatDateTime: (iso) => dt().format(new Date(iso)),
      formatRelative: (iso) => {
        const seconds = (Date.parse(iso) - Date.now()) / 1000;
        const abs = Math.abs(seconds);
        if (abs < 60) return rel().format(Math.round(seconds), 'second');
        if (abs < 3600) return rel().format(Math.round(seconds / 60), 'minute');
        if (abs < 86_400) return rel().format(Math.round(seconds / 3600), 'hour');
        if (abs < 30 * 86_400) return rel().format(Math.round(seconds / 86_400), 'day');
        return dt().format(new Date(iso));
      },
    };
  }, [locale, setLocale]);
  document.documentElement.lang = locale;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
