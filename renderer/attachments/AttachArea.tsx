import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { maxAttachments } from '#core/doc/attachments';
import { UploadList } from '../files/UploadList.tsx';
import { useI18n } from '../i18n/index.tsx';
import { AttachButton } from './AttachButton.tsx';
import { FileChips } from './FileChips.tsx';
import { useAttach } from './use-attach.ts';

interface Props {
  /** Files attached so far (not yet written: a comment being composed). */
  ids: readonly string[];
  setIds: Dispatch<SetStateAction<string[]>>;
  children: ReactNode;
}

/**
 * Wraps a composer: files dropped on it or picked with "Attach files" are uploaded to the
 * activity (with their progress) and listed as chips, each removable, until the composer
 * writes them with what it sends. At most `maxAttachments` (the relay's bound, SPEC W13).
 */
export function AttachArea({ ids, setIds, children }: Props) {
  const { t } = useI18n();
  // Several uploads end one after another: each adds to the ids as they are then.
  const attach = useAttach((fileId) => setIds((now) => (now.includes(fileId) ? now : [...now, fileId].slice(0, maxAttachments))));
  return (
    <div className={`attach-area${attach.over ? ' over' : ''}`} {...attach.dropTarget} data-testid="attach-area">
      {children}
      <FileChips ids={ids} onRemove={(id) => setIds((now) => now.filter((x) => x !== id))} />
      {attach.canAttach && ids.length < maxAttachments && (
        <p className="attach-line small">
          <AttachButton onChosen={attach.attach} /> <span className="muted">{t('attach.orDrop')}</span>
        </p>
      )}
      <UploadList uploads={attach.uploads} />
    </div>
  );
}
