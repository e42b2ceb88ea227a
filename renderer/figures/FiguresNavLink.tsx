import { useFiguresText } from '../i18n/figures.ts';
import { useFiguresAccess } from '../state/use-figures.ts';

/** The navigation entry to daily figures, shown to controllers only. */
export function FiguresNavLink() {
  const t = useFiguresText();
  const access = useFiguresAccess();
  return access.data ? <a href="#/figures">{t('nav')}</a> : null;
}
