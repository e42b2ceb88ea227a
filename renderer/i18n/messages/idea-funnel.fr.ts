import type { Messages } from './types.ts';
import type { ideaFunnelEn } from './idea-funnel.en.ts';

/** Wording in French of an idea box's moderation, funnel, merging, study and recognition. */
export const ideaFunnelFr: Messages<typeof ideaFunnelEn> = {
  'ideas.notice.approved': 'Votre idée « {title} » a été approuvée : tout le monde la voit',
  'ideas.notice.offTopic': 'Votre idée « {title} » a été classée hors sujet : {reason}',
  'ideas.notice.merged': 'L’idée « {title} » a été fusionnée avec « {other} » : leurs votes comptent ensemble',
  'ideas.notice.reward': 'Votre idée « {title} » vous vaut une récompense : {reward}',
};
