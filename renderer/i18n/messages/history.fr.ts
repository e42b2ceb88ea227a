import type { Messages } from './types.ts';
import type { historyEn } from './history.en.ts';

/** Libellés français de la machine à remonter le temps de l'historique. */
export const historyFr: Messages<typeof historyEn> = {
  'timeline.title': 'Remonter le temps',
  'timeline.moment': 'Moment',
  'timeline.earlier': 'Plus tôt',
  'timeline.later': 'Plus tard',
  'timeline.asOf': 'Tel que c’était le {when}',
  'timeline.readOnly': 'Lecture seule : l’activité telle qu’elle était alors. Les changements faits à ce moment sont signalés.',
  'timeline.notExact': 'Le détail de cette période a été condensé : affiché tel qu’au {when}.',
  'timeline.yoursUnknown':
    'Ce que vous avez supprimé depuis ce moment ne peut pas être établi pour l’instant : rien n’est proposé à restaurer ici. Demandez à un animateur si vous avez besoin de récupérer quelque chose.',
  'timeline.brief': 'Brief',
  'timeline.emptyBrief': 'Pas de brief alors.',
  'timeline.comments': 'Commentaires',
  'timeline.noComments': 'Aucun commentaire alors.',
  'timeline.emptyBoard': 'Rien sur ce tableau alors.',
  'timeline.versions': '{count, plural, one {# version} other {# versions}}',
  'timeline.mark.added': 'ajouté',
  'timeline.mark.changed': 'modifié',
  'timeline.mark.removed': 'supprimé',
  'timeline.restore': 'Restaurer',
  'timeline.restoreAll': 'Restaurer toute l’activité à ce moment',
  'timeline.restoreBoard': 'Restaurer le tableau {board}',
  'timeline.restoreBrief': 'Restaurer le brief',
  'timeline.restoreItem': 'Restaurer « {text} »',
  'timeline.restoreComment': 'Restaurer le commentaire « {text} »',
  'timeline.theActivity': 'toute l’activité',
  'timeline.theBrief': 'le brief',
  'timeline.theComment': 'ce commentaire',
  'timeline.confirmQuestion':
    'Restaurer {what} tel que c’était le {when} ? Tout le monde le voit aussitôt, et l’historique garde les deux : on peut revenir en arrière.',
  'timeline.confirm': 'Oui, restaurer',
  'timeline.cancel': 'Annuler',
  'timeline.restored': 'Restauré.',
  'timeline.unchanged': 'Rien à restaurer : c’est déjà ainsi.',
};
