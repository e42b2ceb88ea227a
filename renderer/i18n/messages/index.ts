import { decisionMessagesEn } from '#core/decisions/messages.en';
import { decisionMessagesFr } from '#core/decisions/messages.fr';
import { actionsEn } from './actions.en.ts';
import { actionsFr } from './actions.fr.ts';
import { agendaEn } from './agenda.en.ts';
import { agendaFr } from './agenda.fr.ts';
import { appEn } from './app.en.ts';
import { attachmentsEn } from './attachments.en.ts';
import { attachmentsFr } from './attachments.fr.ts';
import { campaignsEn } from './campaigns.en.ts';
import { campaignsFr } from './campaigns.fr.ts';
import { appFr } from './app.fr.ts';
import { costBenefitEn } from './cost-benefit.en.ts';
import { costBenefitFr } from './cost-benefit.fr.ts';
import { errorsEn } from './errors.en.ts';
import { errorsFr } from './errors.fr.ts';
import { figuresEn } from './figures.en.ts';
import { figuresFr } from './figures.fr.ts';
import { filesEn } from './files.en.ts';
import { filesFr } from './files.fr.ts';
import { historyEn } from './history.en.ts';
import { historyFr } from './history.fr.ts';
import { ideaCommentsEn } from './idea-comments.en.ts';
import { ideaCommentsFr } from './idea-comments.fr.ts';
import { ideaFunnelEn } from './idea-funnel.en.ts';
import { ideaFunnelFr } from './idea-funnel.fr.ts';
import { ideasEn } from './ideas.en.ts';
import { ideasFr } from './ideas.fr.ts';
import { noticesEn } from './notices.en.ts';
import { noticesFr } from './notices.fr.ts';
import { organizationEn } from './organization.en.ts';
import { organizationFr } from './organization.fr.ts';
import { peopleEn } from './people.en.ts';
import { peopleFr } from './people.fr.ts';
import { peopleAdminEn } from './people-admin.en.ts';
import { peopleAdminFr } from './people-admin.fr.ts';
import { pollsEn } from './polls.en.ts';
import { pollsFr } from './polls.fr.ts';
import { prioritisationEn } from './prioritisation.en.ts';
import { prioritisationFr } from './prioritisation.fr.ts';
import { privateFirstEn } from './private-first.en.ts';
import { privateFirstFr } from './private-first.fr.ts';
import { prosConsEn } from './pros-cons.en.ts';
import { prosConsFr } from './pros-cons.fr.ts';
import { raciEn } from './raci.en.ts';
import { raciFr } from './raci.fr.ts';
import { smsEn } from './sms.en.ts';
import { smsFr } from './sms.fr.ts';
import { templatesEn } from './templates.en.ts';
import { templatesFr } from './templates.fr.ts';

/**
 * Every area's dictionaries, one line per area. A new string goes into its area's
 * `<area>.en.ts` and `<area>.fr.ts`; a new area is those two files and one line here.
 * Keys are unique across areas (the parity test checks it).
 */
export const areas = [
  { area: 'app', en: appEn, fr: appFr },
  { area: 'errors', en: errorsEn, fr: errorsFr },
  { area: 'ideas', en: ideasEn, fr: ideasFr },
  { area: 'idea-funnel', en: ideaFunnelEn, fr: ideaFunnelFr },
  { area: 'idea-comments', en: ideaCommentsEn, fr: ideaCommentsFr },
  { area: 'campaigns', en: campaignsEn, fr: campaignsFr },
  { area: 'pros-cons', en: prosConsEn, fr: prosConsFr },
  { area: 'actions', en: actionsEn, fr: actionsFr },
  { area: 'prioritisation', en: prioritisationEn, fr: prioritisationFr },
  { area: 'cost-benefit', en: costBenefitEn, fr: costBenefitFr },
  { area: 'raci', en: raciEn, fr: raciFr },
  { area: 'agenda', en: agendaEn, fr: agendaFr },
  { area: 'templates', en: templatesEn, fr: templatesFr },
  { area: 'polls', en: pollsEn, fr: pollsFr },
  { area: 'private-first', en: privateFirstEn, fr: privateFirstFr },
  { area: 'notices', en: noticesEn, fr: noticesFr },
  { area: 'figures', en: figuresEn, fr: figuresFr },
  { area: 'sms', en: smsEn, fr: smsFr },
  { area: 'people', en: peopleEn, fr: peopleFr },
  { area: 'people-admin', en: peopleAdminEn, fr: peopleAdminFr },
  { area: 'history', en: historyEn, fr: historyFr },
  { area: 'organization', en: organizationEn, fr: organizationFr },
  { area: 'files', en: filesEn, fr: filesFr },
  { area: 'attachments', en: attachmentsEn, fr: attachmentsFr },
  // Poll results and the decision record's exports: kept in core, where the relay formats the exports too.
  { area: 'results', en: decisionMessagesEn, fr: decisionMessagesFr },
] as const;

export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

type KeysOf<A> = A extends { en: infer English } ? keyof English : never;
/** Any message's id, e.g. `'swot.addTo'` or `'sms.preview'`. */
export type MessageKey = KeysOf<(typeof areas)[number]>;

/** One flat catalogue per language, as react-intl takes it. */
export const catalogues: Record<Locale, Record<MessageKey, string>> = {
  en: Object.assign({}, ...areas.map((a) => a.en)) as Record<MessageKey, string>,
  fr: Object.assign({}, ...areas.map((a) => a.fr)) as Record<MessageKey, string>,
};
