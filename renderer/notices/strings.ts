import { useCallback } from 'react';
import { useI18n } from '../i18n/index.tsx';

/** Wording of the notices bell and its panel, English and French. */
const en = {
  button: 'Notices, {count} unread',
  buttonNone: 'Notices, none unread',
  arrived: 'New notice: {count} unread',
  title: 'Notices',
  none: 'Nothing new.',
  unread: 'Unread',
  markAll: 'Mark all as read',
  close: 'Close',
  'decision.published': 'Decision published: {title}',
  'decision.review_due': 'Time to review the decision: {title}',
  'decision.rate': 'How did it turn out? Rate the decision: {title}',
  'decision.other': 'Decision: {title}',
  'figure.alert': 'Daily figures: {text}',
  failed: 'The notices could not be loaded.',
};
type NoticesKey = keyof typeof en;

const fr: Record<NoticesKey, string> = {
  button: 'Notifications, {count} non lues',
  buttonNone: 'Notifications, aucune non lue',
  arrived: 'Nouvelle notification : {count} non lues',
  title: 'Notifications',
  none: 'Rien de nouveau.',
  unread: 'Non lue',
  markAll: 'Tout marquer comme lu',
  close: 'Fermer',
  'decision.published': 'Décision publiée : {title}',
  'decision.review_due': 'Il est temps de revoir la décision : {title}',
  'decision.rate': 'Qu’en est-il advenu ? Notez la décision : {title}',
  'decision.other': 'Décision : {title}',
  'figure.alert': 'Chiffres du jour : {text}',
  failed: 'Les notifications n’ont pas pu être chargées.',
};

export type NoticesText = (key: NoticesKey, values?: Record<string, string | number>) => string;

export function useNoticesText(): NoticesText {
  const { locale } = useI18n();
  return useCallback(
    (key, values) => {
      const dict: Record<NoticesKey, string> = locale === 'fr' ? fr : en;
      return dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole));
    },
    [locale],
  );
}

export const decisionKey = (kind: string): NoticesKey =>
  kind === 'published' || kind === 'review_due' || kind === 'rate' ? `decision.${kind}` : 'decision.other';
