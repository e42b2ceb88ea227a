import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FileList, FileVersion } from '#core/api/files';
import { listFiles } from '../api/files.ts';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** A file opened in the viewer from a chip or a comment's link, at a page for PDFs. */
export interface OpenedFile {
  fileId: string;
  page?: number;
}

export interface ActivityFiles {
  activityId: string;
  /** The list as the relay last gave it; null until it came. */
  list: FileList | null;
  /** Any version of any file of the activity, by id; undefined for an unknown or removed one. */
  byId(fileId: string): FileVersion | undefined;
  reload(): void;
  opened: OpenedFile | null;
  open(fileId: string, page?: number): void;
  close(): void;
}

const Context = createContext<ActivityFiles | null>(null);

/**
 * The activity's files for everything that refers to them (chips on comments, board items
 * and the decision, page comments, the presentation): listed once for the activity screen,
 * read again every 15 s while the page is in sight, when it comes back in sight, after each
 * upload or removal made here (FilesPanel), and when something names a file it does not
 * hold yet (another member's upload, commented at once) — that at most every 5 s.
 */
export function ActivityFilesProvider({ activityId, children }: { activityId: string; children: ReactNode }) {
  const { api } = useSignedIn();
  const files = useAsync(() => listFiles(api, activityId), [api, activityId]);
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const { reload } = files;

  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && reload(), 15_000);
    const shown = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', shown);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', shown);
    };
  }, [reload]);

  const missedAt = useRef(0);
  const missed = useCallback(() => {
    if (Date.now() - missedAt.current < 5_000) return;
    missedAt.current = Date.now();
    setTimeout(reload, 0);
  }, [reload]);

  const list = files.data ?? null;
  const index = useMemo(() => {
    const map = new Map<string, FileVersion>();
    for (const file of list?.files ?? []) {
      map.set(file.id, file);
      for (const earlier of file.earlier) map.set(earlier.id, earlier);
    }
    return map;
  }, [list]);
  const open = useCallback((fileId: string, page?: number) => setOpened({ fileId, page }), []);
  const close = useCallback(() => setOpened(null), []);
  const value = useMemo<ActivityFiles>(
    () => ({
      activityId,
      list,
      byId: (id) => {
        const file = index.get(id);
        if (!file && list) missed();
        return file;
      },
      reload,
      opened,
      open,
      close,
    }),
    [activityId, list, index, missed, reload, opened, open, close],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The activity's files, or null where the activity's content is not open (its tombstone). */
export const useActivityFilesOrNull = (): ActivityFiles | null => useContext(Context);

export function useActivityFiles(): ActivityFiles {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useActivityFiles outside ActivityFilesProvider');
  return ctx;
}
