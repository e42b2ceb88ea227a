import type { campaignsEn } from './campaigns.en.ts';
import type { Messages } from './types.ts';

/** Publier une boîte à idées en campagne publique, en français ; mêmes clés que campaigns.en.ts. */
export const campaignsFr: Messages<typeof campaignsEn> = {
  'campaigns.open': 'Campagne publique',
  'campaigns.title': 'Campagne publique',
  'campaigns.hint': 'Publiée, cette boîte se lit sans compte à son adresse publique ; le public peut s’y inscrire pour proposer des idées et voter. Les adresses e-mail ne sont jamais affichées ; les noms seulement avec l’accord de chacun.',
  'campaigns.slug': 'Adresse publique',
  'campaigns.slugHint': 'Lettres minuscules, chiffres et tirets, par exemple si-j-etais-durand.',
  'campaigns.publish': 'Publier',
  'campaigns.published': 'Publiée à l’adresse :',
  'campaigns.unpublish': 'Retirer la publication',
  'campaigns.unpublished': 'Non publiée : seule l’organisation voit cette boîte.',
};
