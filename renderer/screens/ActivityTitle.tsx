import { useI18n } from '../i18n/index.tsx';
import { hrefOf } from '../state/use-route.ts';

/** The top of an activity's page: back to the list, its title and its question. */
export function ActivityTitle({ title, question }: { title: string; question: string }) {
  const { t } = useI18n();
  return (
    <>
      <a className="back-link" href={hrefOf({ name: 'activities' })}>← {t('activity.back')}</a>
      <h1>{title}</h1>
      <p className="question">
        <span className="visually-hidden">{t('app.labelled', { label: t('activity.question'), value: '' })}</span>
        {question}
      </p>
    </>
  );
}
