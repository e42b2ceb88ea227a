import type { templatesEn } from './templates.en.ts';
import type { Messages } from './types.ts';

/** Les modèles d’activité en français ; mêmes clés que templates.en.ts. */
export const templatesFr: Messages<typeof templatesEn> = {
  'template.legend': 'Partir d’un modèle',
  'template.name.blank': 'Vierge',
  'template.name.prioritisation': 'Priorisation',
  'template.name.project-planning': 'Planification de projet',
  'template.name.decision': 'Décision (complète)',
  'template.name.decision-basic': 'Décision (simple)',
  'template.name.discussion': 'Discussion',
  'template.name.meeting': 'Réunion',
  'template.boards.none': 'Tableau SWOT, présentation et commentaires',
  'template.saved': 'Modèles de votre organisation',
  'template.by': 'enregistré par {name}',
  'template.remove': 'Supprimer le modèle « {name} »',
  'template.saveAs': 'Enregistrer comme modèle',
  'template.name': 'Nom du modèle',
  'template.saveHint': 'Ses tableaux, dans cet ordre, et les points de l’ordre du jour ; rien de ce qui y a été écrit par ailleurs.',
  'template.save': 'Enregistrer le modèle',
  'template.savedAs': 'Enregistré comme modèle « {name} » pour votre organisation.',
};
