import type { Messages } from './types.ts';
import type { attachmentsEn } from './attachments.en.ts';

/** Wording en français des pièces jointes, des commentaires de page et de la présentation. */
export const attachmentsFr: Messages<typeof attachmentsEn> = {
  'attach.files': 'Joindre des fichiers',
  'attach.toItem': 'Joindre des fichiers à « {text} »',
  'attach.orDrop': 'ou les déposer ici',
  'attach.attached': 'Fichiers joints',
  'attach.openName': 'Ouvrir {name}',
  'attach.detachName': 'Retirer {name}',
  'attach.removedFile': 'Fichier retiré',
  'attach.onPage': 'Page {page} de {name}',
  'attach.onPageRegion': 'Page {page} de {name} (une zone marquée)',
  'attach.onPageRemoved': 'Page {page} d’un fichier retiré depuis',
  'attach.decisionFiles': 'Fichiers joints au relevé',
  'attach.noFilesYet': 'Cette activité n’a pas encore de fichiers.',
  'attach.goneFromRecord': '{name} ({size}), retiré de l’activité depuis',
  'attach.onRecord': '{name} ({size})',
};
