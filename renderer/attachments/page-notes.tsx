import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { PageRegion } from '#core/doc/attachments';
import type { Author } from '#core/doc/author';
import type { Comment, CommentBody } from '#core/doc/comments';
import { postComment } from '../actions/comments.ts';
import type { Person } from '../editor/MentionsPlugin.tsx';
import { useComments } from '../state/use-comments.ts';

/** What a PDF shown in the activity needs to show and take comments on its pages, and to be presented. */
export interface PageNotes {
  /** Comments pointing at a page of a file, not removed, oldest first. */
  anchored: Comment[];
  canComment: boolean;
  /** This person may present files (a facilitator who edits). */
  canPresent: boolean;
  awareness: Awareness;
  people: Person[];
  comment(fileId: string, page: number, region: PageRegion | undefined, body: CommentBody): void;
}

const Context = createContext<PageNotes | null>(null);

interface Props {
  doc: Y.Doc;
  awareness: Awareness;
  actor: Author;
  canEdit: boolean;
  facilitator: boolean;
  people: Person[];
  children: ReactNode;
}

/** Page comments and presenting for the PDFs of the open activity (its document, its presence). */
export function PageNotesProvider({ doc, awareness, actor, canEdit, facilitator, people, children }: Props) {
  const threads = useComments(doc);
  const anchored = useMemo(
    () => threads.flatMap((t) => [t.comment, ...t.replies]).filter((c) => c.anchor && !c.removed),
    [threads],
  );
  const value = useMemo<PageNotes>(
    () => ({
      anchored,
      canComment: canEdit,
      canPresent: canEdit && facilitator,
      awareness,
      people,
      comment: (fileId, page, region, body) => postComment(doc, actor, body, null, { anchor: { fileId, page, ...(region ? { region } : {}) } }),
    }),
    [anchored, canEdit, facilitator, awareness, people, doc, actor],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** Null where no activity is open (a PDF shown elsewhere has no page comments). */
export const usePageNotes = (): PageNotes | null => useContext(Context);
