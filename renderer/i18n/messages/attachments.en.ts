/** English wording of attachments, page comments and presenting (renderer/attachments/, renderer/present/); attachments.fr.ts has the same keys. */
export const attachmentsEn = {
  'attach.files': 'Attach files',
  'attach.toItem': 'Attach files to “{text}”',
  'attach.orDrop': 'or drop them here',
  'attach.attached': 'Attached files',
  'attach.openName': 'Open {name}',
  'attach.detachName': 'Take {name} off',
  'attach.removedFile': 'File removed',
  'attach.onPage': 'Page {page} of {name}',
  'attach.onPageRegion': 'Page {page} of {name} (a marked area)',
  'attach.onPageRemoved': 'Page {page} of a file since removed',
  'attach.decisionFiles': 'Files on the record',
  'attach.noFilesYet': 'This activity has no files yet.',
  'attach.goneFromRecord': '{name} ({size}), since removed from the activity',
  'attach.onRecord': '{name} ({size})',
};
