import { useI18n, type Locale } from '../i18n/index.tsx';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <label className="language-switch">
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} aria-label={t('lang.label')}>
        <option value="en">{t('lang.en')}</option>
        <option value="fr">{t('lang.fr')}</option>
      </select>
    </label>
  );
}
