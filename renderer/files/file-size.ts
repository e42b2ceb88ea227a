import type { Locale, Translate } from '../i18n/index.tsx';

/** A size in the person's language and units: 1.5 MB, 1,5 Mo. */
export function formatSize(bytes: number, t: Translate, locale: Locale): string {
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: n < 10 ? 1 : 0 }).format(n);
  if (bytes >= 1024 ** 3) return t('files.size.GB', { n: number(bytes / 1024 ** 3) });
  if (bytes >= 1024 ** 2) return t('files.size.MB', { n: number(bytes / 1024 ** 2) });
  if (bytes >= 1024) return t('files.size.kB', { n: number(bytes / 1024) });
  return t('files.size.B', { n: String(bytes) });
}
