import type { Messages } from './types.ts';
import type { noticesEn } from './notices.en.ts';

/** Formulation française : mêmes clés que notices.en.ts. */
export const noticesFr: Messages<typeof noticesEn> = {
  'notices.button': 'Notifications, {count, plural, one {# non lue} other {# non lues}}',
  'notices.buttonNone': 'Notifications, aucune non lue',
  'notices.arrived': 'Nouvelle notification : {count, plural, one {# non lue} other {# non lues}}',
  'notices.title': 'Notifications',
  'notices.none': 'Rien de nouveau.',
  'notices.unread': 'Non lue',
  'notices.markAll': 'Tout marquer comme lu',
  'notices.close': 'Fermer',
  'notices.decision.published': 'Décision publiée : {title}',
  'notices.decision.review_due': 'Il est temps de revoir la décision : {title}',
  'notices.decision.rate': 'Qu’en est-il advenu ? Notez la décision : {title}',
  'notices.decision.other': 'Décision : {title}',
  'notices.figure.alert': 'Chiffres du jour : {text}',
  'notices.failed': 'Les notifications n’ont pas pu être chargées.',
  'notices.activity.mentioned': '{actor} vous a mentionné dans {title} : « {about} »',
  'notices.activity.vote_opening': 'Vote ouvert dans {title} : {about}',
  'notices.activity.vote_closing': 'Le vote se termine bientôt dans {title}, et vous n’avez pas voté : {about}',
  'notices.activity.invitation': '{actor} vous a ajouté à {title}',
  'notices.activity.retention': 'Le contenu de {title} sera supprimé le {about} (conservation de votre plan) : téléchargez tout avant',
  'notices.activity.action_due': 'Votre action dans {title} arrive à échéance : {about}',
  'notices.someone': 'Quelqu’un',
};
