import type { Messages } from './types.ts';
import type { actionsEn } from './actions.en.ts';

/** Les actions à mener en français ; mêmes clés que actions.en.ts. */
export const actionsFr: Messages<typeof actionsEn> = {
  'actions.title': 'Actions à mener',
  'actions.titleNumbered': 'Actions à mener {n}',
  'actions.addBoard': 'Ajouter des actions à mener',
  'actions.none': 'Aucune action pour l’instant.',
  'actions.newTitle': 'Nouvelle action',
  'actions.owner': 'Responsable',
  'actions.due': 'Échéance',
  'actions.add': 'Ajouter',
  'actions.ownerOf': 'Responsable de « {title} »',
  'actions.dueOf': 'Échéance de « {title} »',
  'actions.statusOf': 'État de « {title} »',
  'actions.dueOn': 'pour le {day}',
  'actions.overdue': 'En retard',
  'actions.status.todo': 'À faire',
  'actions.status.doing': 'En cours',
  'actions.status.done': 'Faite',
  'actions.status.dropped': 'Abandonnée',
  'actions.fromDecision': 'issue de la décision',
  'actions.fromBoard': 'issue d’un élément de tableau',
  'actions.delete': 'Supprimer',
  'actions.deleteItem': 'Supprimer l’action « {title} »',
  'actions.historyPart': 'un tableau d’actions à mener',
  'actions.assign': 'Attribuer',
  'actions.nav': 'Mes actions',
  'actions.mine': 'Mes actions',
  'actions.mineNone': 'Rien à faire : aucune action ouverte ne vous revient.',
  'actions.mineFailed': 'Vos actions n’ont pas pu être chargées.',
  'actions.mineMore': 'Seules les 500 plus proches sont affichées.',
};
