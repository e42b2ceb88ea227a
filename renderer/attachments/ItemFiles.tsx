import { maxAttachments } from '#core/doc/attachments';
import { UploadList } from '../files/UploadList.tsx';
import { useI18n } from '../i18n/index.tsx';
import { AttachButton } from './AttachButton.tsx';
import { FileChips } from './FileChips.tsx';
import { useAttach } from './use-attach.ts';

interface Props {
  /** Files the entry holds now. */
  ids: readonly string[];
  canEdit: boolean;
  /** The entry's words, short: names what "Attach files" attaches to. */
  label: string;
  onAttach(fileId: string): void;
  onDetach(fileId: string): void;
}

/**
 * A board entry's files: chips that open them, and for editors "Attach files" (picked or
 * dropped here, several at once, with progress) and × to take one off the entry.
 */
export function ItemFiles({ ids, canEdit, label, onAttach, onDetach }: Props) {
  const { t } = useI18n();
  const attach = useAttach(onAttach);
  const open = canEdit && attach.canAttach;
  if (!open && ids.length === 0) return null;
  return (
    <div className={`item-files${attach.over ? ' over' : ''}`} {...(open ? attach.dropTarget : {})}>
      <FileChips ids={ids} onRemove={canEdit ? onDetach : undefined} />
      {open && ids.length < maxAttachments && <AttachButton onChosen={attach.attach} label={t('attach.toItem', { text: label })} />}
      <UploadList uploads={attach.uploads} />
    </div>
  );
}
