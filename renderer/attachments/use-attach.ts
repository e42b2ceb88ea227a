import { useState, type DragEvent } from 'react';
import { attachFile } from '../actions/files.ts';
import { useUploads } from '../files/use-uploads.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useActivityFiles } from './activity-files.tsx';

/** Files being dragged from the desktop (not a board item being moved). */
const carriesFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/**
 * Attaching files to something: each chosen or dropped file is uploaded to the activity
 * through the files route, with its progress, and `onAttached` gets its id once the relay
 * stored it (then the reference is written where it belongs). `dropTarget` are the props
 * that make an element take dropped files, `over` while files hover it.
 */
export function useAttach(onAttached: (fileId: string) => void) {
  const { api } = useSignedIn();
  const files = useActivityFiles();
  const { uploads, send } = useUploads(files.reload);
  const [over, setOver] = useState(false);
  const canAttach = files.list?.canUpload ?? false;

  const attach = (chosen: readonly File[]) => {
    if (!files.list || !canAttach || chosen.length === 0) return;
    send(chosen, files.list.maxFileBytes, async (file, progress) => {
      const stored = await attachFile(api, files.activityId, file, progress);
      for (const version of stored.files) onAttached(version.id);
      return stored;
    });
  };

  const dropTarget = {
    onDragOver: (e: DragEvent) => {
      if (!canAttach || !carriesFiles(e)) return;
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      if (!canAttach || !carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setOver(false);
      attach([...e.dataTransfer.files]);
    },
  };
  return { canAttach, uploads, attach, dropTarget, over };
}
