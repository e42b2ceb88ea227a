import type { raciEn } from './raci.en.ts';
import type { Messages } from './types.ts';

/** Les matrices de responsabilités en français ; mêmes clés que raci.en.ts. */
export const raciFr: Messages<typeof raciEn> = {
  'raci.addBoard': 'Ajouter une matrice de responsabilités',
  'raci.historyPart': 'une matrice de responsabilités',
  'raci.title.raci': 'Matrice RACI',
  'raci.title.daci': 'Matrice DACI',
  'raci.title.rasic': 'Matrice RASIC',
  'raci.legend.raci': 'R Réalise, A Approuve (un seul par tâche), C Consulté, I Informé.',
  'raci.legend.daci': 'D Pilote et A Approbateur (un seul de chaque par tâche), C Contributeur, I Informé.',
  'raci.legend.rasic': 'R Réalise, A Approuve (un seul par tâche), S Soutient, I Informé, C Consulté.',
  'raci.variant': 'Variante',
  'raci.task': 'Tâche',
  'raci.check': 'Contrôle',
  'raci.ok': 'OK',
  'raci.none': 'aucun {letter}',
  'raci.many': 'plus d’un {letter}',
  'raci.cell': '{task} : rôle de {column}',
  'raci.newTask': 'Nouvelle tâche',
  'raci.addTask': 'Ajouter la tâche',
  'raci.newColumn': 'Nouveau rôle (une équipe, une fonction)',
  'raci.addColumn': 'Ajouter le rôle',
  'raci.member': 'Membre à ajouter en colonne',
  'raci.pickMember': 'Choisir un membre…',
  'raci.noMemberLeft': 'Chaque membre a sa colonne',
  'raci.addMember': 'Ajouter le membre',
  'raci.removeColumn': 'Retirer la colonne « {label} »',
  'raci.removeTask': 'Retirer la tâche « {text} »',
};
