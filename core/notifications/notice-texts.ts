import type { ActivityNoticeKind } from '../api/notifications.ts';
import type { MailLanguage } from '../mail/templates.ts';

/** What an activity notice says, whatever the channel: read by the relay's e-mail and SMS. */
export interface NoticeFacts {
  kind: ActivityNoticeKind;
  activityTitle: string;
  /** Who mentioned, opened the poll or added the person. */
  actorName: string | null;
  /** The comment's first words, or the poll's question; for retention, the day the content goes (YYYY-MM-DD). */
  about: string | null;
  /** The round's deadline (votes), written in `timeZone`; an action item's due day (YYYY-MM-DD). */
  deadline: string | null;
  timeZone: string;
}

export interface NoticeWords {
  title: string;
  lines: string[];
  sms: string;
}

const someone = { fr: 'Quelqu’un', en: 'Someone' } as const;

function when(iso: string, lang: MailLanguage, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
}

/** An activity notice in the person's language: the e-mail's title and lines, and its SMS. */
export function noticeWords(n: NoticeFacts, lang: MailLanguage): NoticeWords {
  const actor = n.actorName ?? someone[lang];
  const deadline = n.deadline ? when(n.deadline, lang, n.timeZone) : '';
  const fr = lang === 'fr';
  const about = n.about ?? '';
  switch (n.kind) {
    case 'mentioned':
      return fr
        ? { title: `${actor} vous a mentionné dans « ${n.activityTitle} »`, lines: [`« ${about} »`], sms: `Conclave : ${actor} vous a mentionné dans « ${n.activityTitle} ».` }
        : { title: `${actor} mentioned you in “${n.activityTitle}”`, lines: [`“${about}”`], sms: `Conclave: ${actor} mentioned you in "${n.activityTitle}".` };
    case 'vote_opening':
      return fr
        ? {
            title: `Vote ouvert : ${about}`,
            lines: [`${actor} ouvre un vote dans « ${n.activityTitle} ».`, `Vous pouvez voter jusqu’au ${deadline}.`],
            sms: `Conclave : vote ouvert dans « ${n.activityTitle} » jusqu’au ${deadline}.`,
          }
        : {
            title: `Vote open: ${about}`,
            lines: [`${actor} opened a vote in “${n.activityTitle}”.`, `You can vote until ${deadline}.`],
            sms: `Conclave: a vote is open in "${n.activityTitle}" until ${deadline}.`,
          };
    case 'vote_closing':
      return fr
        ? {
            title: `Le vote se termine bientôt : ${about}`,
            lines: [`Vous n’avez pas encore voté dans « ${n.activityTitle} ».`, `Le vote se termine le ${deadline}.`],
            sms: `Conclave : le vote de « ${n.activityTitle} » se termine le ${deadline} ; vous n’avez pas encore voté.`,
          }
        : {
            title: `Vote closing soon: ${about}`,
            lines: [`You have not voted yet in “${n.activityTitle}”.`, `The vote closes on ${deadline}.`],
            sms: `Conclave: the vote in "${n.activityTitle}" closes on ${deadline}; you have not voted yet.`,
          };
    case 'invitation':
      return fr
        ? { title: `${actor} vous invite à « ${n.activityTitle} »`, lines: ['Vous participez désormais à cette activité dans Conclave.'], sms: `Conclave : ${actor} vous invite à « ${n.activityTitle} ».` }
        : { title: `${actor} invites you to "${n.activityTitle}"`, lines: ['You now take part in this activity in Conclave.'], sms: `Conclave: ${actor} invites you to "${n.activityTitle}".` };
    case 'retention':
      return retentionWords(n.activityTitle, about, lang);
    case 'action_due':
      return actionDueWords(n.activityTitle, about, n.deadline, lang);
  }
}

/** An action item's reminder (server/actions/reminders.ts): its title and due day (YYYY-MM-DD). */
function actionDueWords(activity: string, title: string, due: string | null, lang: MailLanguage): NoticeWords {
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  const date = due ? new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options).format(new Date(`${due}T12:00:00Z`)) : '';
  return lang === 'fr'
    ? {
        title: `Action à mener pour le ${date} : ${title}`,
        lines: [`Dans « ${activity} », vous êtes responsable de cette action.`, `Échéance : ${date}.`],
        sms: `Conclave : votre action « ${title} » (« ${activity} ») est à mener pour le ${date}.`,
      }
    : {
        title: `Action item due on ${date}: ${title}`,
        lines: [`In “${activity}”, you own this action item.`, `Due on ${date}.`],
        sms: `Conclave: your action item "${title}" in "${activity}" is due on ${date}.`,
      };
}

/** The retention warning (server/retention/): the day the content goes and how to keep a copy. */
function retentionWords(title: string, removeOn: string, lang: MailLanguage): NoticeWords {
  const date = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${removeOn}T12:00:00Z`));
  return lang === 'fr'
    ? {
        title: `Le contenu de « ${title} » sera supprimé le ${date}`,
        lines: [
          `Cette activité est close, et le plan de votre organisation ne garde le contenu des activités closes qu’un temps : ses tableaux, commentaires, votes, idées et son historique seront supprimés le ${date}.`,
          'Le titre, la question et la décision restent.',
          'Pour en garder une copie, ouvrez l’activité et choisissez « Tout télécharger ».',
        ],
        sms: `Conclave : le contenu de « ${title} » sera supprimé le ${date}.`,
      }
    : {
        title: `The content of “${title}” will be removed on ${date}`,
        lines: [
          `This activity is closed, and your organisation’s plan keeps the content of closed activities for a limited time: its boards, comments, votes, ideas and history will be removed on ${date}.`,
          'The title, the question and the decision stay.',
          'To keep a copy, open the activity and choose “Download everything”.',
        ],
        sms: `Conclave: the content of "${title}" will be removed on ${date}.`,
      };
}
