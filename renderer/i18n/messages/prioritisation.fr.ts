import type { prioritisationEn } from './prioritisation.en.ts';
import type { Messages } from './types.ts';

/** French wording of prioritisation 2×2 boards. */
export const prioritisationFr: Messages<typeof prioritisationEn> = {
  'prioritisation.title': 'Priorisation 2×2',
  'prioritisation.titleNumbered': 'Priorisation 2×2 {n}',
  'prioritisation.addBoard': 'Ajouter une priorisation 2×2',
  'prioritisation.historyPart': 'un tableau de priorisation',
  'prioritisation.help': 'Placez chaque élément selon son impact (vers le haut) et l’effort qu’il demande (vers la droite) : faites-le glisser, utilisez les flèches du clavier ou saisissez les nombres (de 0 à 100).',
  'prioritisation.keys': 'Les flèches haut et bas changent l’impact, gauche et droite l’effort ; Maj pour de plus grands pas.',
  'prioritisation.newItem': 'Nouvel élément à prioriser',
  'prioritisation.add': 'Ajouter',
  'prioritisation.edit': 'Modifier',
  'prioritisation.save': 'Enregistrer',
  'prioritisation.editText': 'Modifier « {text} »',
  'prioritisation.remove': 'Retirer « {text} »',
  'prioritisation.impact': 'Impact',
  'prioritisation.effort': 'Effort',
  'prioritisation.impactOf': 'Impact de « {text} »',
  'prioritisation.effortOf': 'Effort de « {text} »',
  'prioritisation.placed': '{text} : impact {impact}, effort {effort}, {quadrant}',
  'prioritisation.quickWins': 'Gains rapides',
  'prioritisation.majorProjects': 'Grands projets',
  'prioritisation.fillIns': 'Tâches d’appoint',
  'prioritisation.thanklessTasks': 'Tâches ingrates',
};
