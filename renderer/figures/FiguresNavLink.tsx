import { useFiguresAccess } from '../state/use-figures.ts';
import { useI18n } from '../i18n/index.tsx';

/** The navigation entry to daily figures, shown to controllers only. */
export function FiguresNavLink() {
  const { t } = useI18n();
  const access = useFiguresAccess();
  return access.data ? <a href="#/figures">{t('figures.nav')}</a> : null;
}
